"""Every page type but the home page shows where it is, for readers and as
BreadcrumbList for search engines."""

import json

import pytest
from browser.pages import PAGES

from sitebuild import SITEURL, breadcrumb_trail, built_fixture_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("every_field", tmp_path_factory.mktemp("trails"))


def breadcrumb_list(page) -> list[tuple[str, str | None]]:
    (data,) = [
        json.loads(script.string)
        for script in page.select('script[type="application/ld+json"]')
        if json.loads(script.string)["@type"] == "BreadcrumbList"
    ]
    return [(entry["name"], entry.get("item")) for entry in data["itemListElement"]]


@pytest.mark.parametrize("name", [name for name in PAGES if name != "home"])
def test_the_page_type_has_a_trail_from_the_home_page(site, name):
    page = site.html(PAGES[name])
    shown = breadcrumb_trail(page)
    assert shown[0] == ("Главная", f"{SITEURL}/")
    assert shown[-1][1] is None
    assert [url for _, url in breadcrumb_list(page)] == [url for _, url in shown]


def test_a_speakers_page_leads_back_to_all_speakers(site):
    assert breadcrumb_trail(site.html(PAGES["speaker"])) == [
        ("Главная", f"{SITEURL}/"),
        ("Заседания", f"{SITEURL}/meetings/"),
        ("Выступающие", f"{SITEURL}/speakers/"),
        ("Иванов Иван Иванович", None),
    ]


def test_the_home_page_has_none(site):
    assert not site.html("").select('nav[aria-label="Навигационная цепочка"]')
