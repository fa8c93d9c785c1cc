"""The search results' styles: not loaded with a page, only when the reader
searches from the header box, and once on the search page."""

import pytest

from sitebuild import served_fixture_site

ARTICLE_PAGE = "articles/kazanskaya-aglomeratsiya-opyt-sosedey/"
STYLES = "/theme/css/search.css"


@pytest.fixture(scope="module")
def siteurl(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search_styles")
    with served_fixture_site("search_corpus", folder) as (url, _):
        yield url


@pytest.fixture
def page(open_page, siteurl):
    page = open_page(siteurl)
    yield page
    assert page.errors == []
    assert page.outside_requests == []
    assert page.console_errors == []


def stylesheets(page) -> list[str]:
    return page.eval_on_selector_all(
        "link[rel~=stylesheet]", "links => links.map(link => link.href)"
    )


def test_the_results_styles_come_when_the_box_is_used(page, siteurl):
    page.goto(f"{siteurl}/{ARTICLE_PAGE}", wait_until="networkidle")
    assert f"{siteurl}{STYLES}" not in stylesheets(page)
    page.locator("#site-search-query").fill("Тюмень")
    result = page.locator("[data-search-panel] .search-result").first
    result.wait_for()
    assert stylesheets(page).count(f"{siteurl}{STYLES}") == 1
    # search.css draws a rule between results and drops the list's bullets.
    assert result.evaluate("node => getComputedStyle(node).borderTopStyle") == "solid"
    assert (
        page.locator("[data-search-panel] .search-results").evaluate(
            "node => getComputedStyle(node).listStyleType"
        )
        == "none"
    )


def test_the_search_page_links_them_once(page, siteurl):
    page.goto(f"{siteurl}/search/?q=Тюмень")
    page.locator(".search-result").first.wait_for()
    assert stylesheets(page).count(f"{siteurl}{STYLES}") == 1
