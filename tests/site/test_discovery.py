"""What search engines and link previews get from a built site."""

import json

import pytest
from browser.pages import PAGES
from lxml import etree

from sitebuild import SITEURL, built_fixture_site

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("every_field", tmp_path_factory.mktemp("discovery"))


def json_ld(page) -> list[dict]:
    """The page's own structured data; breadcrumbs have theirs (test_reader_pages)."""
    blocks = [
        json.loads(script.string)
        for script in page.find_all("script", type="application/ld+json")
    ]
    return [block for block in blocks if block["@type"] != "BreadcrumbList"]


def meta(page, prop) -> str:
    return page.find("meta", property=prop)["content"]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_has_title_description_canonical_and_preview(site, name):
    address = PAGES[name]
    page = site.html(address)
    assert page.title.string.strip()
    assert page.find("meta", attrs={"name": "description"})["content"].strip()
    canonical = page.find_all("link", rel="canonical")
    assert [link["href"] for link in canonical] == [f"{SITEURL}/{address}"]
    assert meta(page, "og:url") == f"{SITEURL}/{address}"
    assert meta(page, "og:title").strip()
    assert meta(page, "og:image") == f"{SITEURL}/theme/img/share.png"
    assert (site.output / "theme/img/share.png").is_file()


def test_an_article_is_described_by_its_summary(site):
    page = site.html(PAGES["article"])
    assert page.find("meta", attrs={"name": "description"})["content"] == "Опыт Казани."
    assert meta(page, "og:description") == "Опыт Казани."
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "Казань <b>и</b> агломерация & «соседи»"
    assert meta(page, "article:modified_time") == "2021-03-25T00:00:00+03:00"


def test_a_page_without_summary_is_described_by_its_text(site):
    page = site.html(PAGES["document"])
    assert page.find("meta", attrs={"name": "description"})["content"] == "Описание."


@pytest.mark.parametrize(
    ("name", "schema_type"),
    [
        ("article", "NewsArticle"),
        ("digest", "NewsArticle"),
        ("document", "Legislation"),
        ("meeting", "Event"),
        ("home", "GovernmentOrganization"),
    ],
)
def test_structured_data_by_page_type(site, name, schema_type):
    blocks = json_ld(site.html(PAGES[name]))
    assert [block["@type"] for block in blocks] == [schema_type]
    assert blocks[0]["@context"] == "https://schema.org"


def test_article_json_ld_names_its_publisher_author_and_city(site):
    (data,) = json_ld(site.html(PAGES["article"]))
    assert data["headline"] == "Казань <b>и</b> агломерация & «соседи»"
    assert data["url"] == f"{SITEURL}/{PAGES['article']}"
    assert data["author"] == [{"@type": "Person", "name": "Иванова Мария Сергеевна"}]
    assert data["publisher"]["@id"] == f"{SITEURL}/#organization"
    assert data["contentLocation"]["name"] == "Казань"


def test_editors_markup_cannot_end_the_json_ld_script(site):
    raw = (site.output / PAGES["article"] / "index.html").read_text(encoding="utf-8")
    head = raw.split('<script type="application/ld+json">', 1)[1].split("</script>")[0]
    assert "<b>" not in head and "\\u003cb\\u003e" in head


def test_sitemap_lists_published_pages_only(site):
    root = etree.parse(str(site.output / "sitemap.xml")).getroot()
    locs = root.xpath("//s:loc/text()", namespaces=NS)
    assert locs == sorted(locs)
    for name, address in PAGES.items():
        if name != "not_found":  # an error page is not for search engines
            assert f"{SITEURL}/{address}" in locs
    assert not [loc for loc in locs if "/drafts/" in loc or "chernovik" in loc]
    lastmod = root.xpath(
        "//s:url[s:loc=$loc]/s:lastmod/text()",
        namespaces=NS,
        loc=f"{SITEURL}/{PAGES['article']}",
    )
    assert lastmod == ["2021-03-25T00:00:00+03:00"]


def test_robots_txt_points_to_the_sitemap(site):
    robots = (site.output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()
    assert "Disallow: /admin/" in robots.splitlines()
