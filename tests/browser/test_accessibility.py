"""Every kind of page passes axe-core in Chromium, loads nothing from other hosts
and breaks no rule of the Content-Security-Policy; so do the later pages of long
lists, with gaps in their pagers."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser.pages import PAGES

from sitebuild import LONG_LISTS, add_long_lists, served_fixture_site


@pytest.mark.parametrize("name", PAGES)
def test_page_passes_axe(page, served_site, name):
    siteurl, _ = served_site
    page.goto(f"{siteurl}/{PAGES[name]}")
    results = Axe().run(page)
    assert results.response["passes"], "axe-core did not run"
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_nothing_from_other_hosts(page, served_site, name):
    siteurl, _ = served_site
    page.goto(f"{siteurl}/{PAGES[name]}", wait_until="networkidle")
    assert page.outside_requests == []
    assert [e for e in page.console_errors if "Content Security Policy" in e] == []


@pytest.fixture(scope="module")
def served_long_lists(tmp_path_factory):
    folder = tmp_path_factory.mktemp("long_lists")
    with served_fixture_site("every_field", folder, add_long_lists) as site:
        yield site


@pytest.mark.parametrize("name", LONG_LISTS)
def test_a_long_list_s_later_page_passes_axe(open_page, served_long_lists, name):
    siteurl, _ = served_long_lists
    page = open_page(siteurl)
    page.goto(f"{siteurl}/{LONG_LISTS[name]}")
    assert page.locator(".pagination").count() == 1
    results = Axe().run(page)
    assert results.response["passes"], "axe-core did not run"
    assert results.violations_count == 0, results.generate_report()
