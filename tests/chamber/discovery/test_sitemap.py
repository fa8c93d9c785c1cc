from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import etree

from chamber.discovery.sitemap import (
    SitemapEntry,
    page_address,
    robots_txt,
    sitemap_xml,
)

SITE = "https://palata.example.ru"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
MARCH = datetime(2021, 3, 24, 10, 0, tzinfo=ZoneInfo("Europe/Moscow"))


def locs(xml: bytes) -> list[str]:
    return etree.fromstring(xml).xpath("//s:loc/text()", namespaces=NS)


def test_folders_are_addressed_without_index_html():
    assert page_address(SITE, "index.html") == f"{SITE}/"
    assert page_address(SITE, "articles/kazan/index.html") == f"{SITE}/articles/kazan/"
    assert page_address(SITE, "404.html") == f"{SITE}/404.html"


def test_drafts_admin_and_the_error_page_are_left_out():
    xml = sitemap_xml(
        SITE,
        [
            SitemapEntry("articles/kazan/index.html", MARCH),
            SitemapEntry("drafts/articles/x/index.html", MARCH),
            SitemapEntry("admin/index.html", None),
            SitemapEntry("404.html", None),
            SitemapEntry("404/index.html", None),
            SitemapEntry("meetings/x/transcript.txt", None),
        ],
    )
    assert locs(xml) == [f"{SITE}/articles/kazan/"]


def test_order_and_dates_come_from_the_content_only():
    entries = [
        SitemapEntry("tags/index.html", None),
        SitemapEntry("articles/kazan/index.html", MARCH),
    ]
    xml = sitemap_xml(SITE, entries)
    assert xml == sitemap_xml(SITE, list(reversed(entries)))
    assert locs(xml) == [f"{SITE}/articles/kazan/", f"{SITE}/tags/"]
    root = etree.fromstring(xml)
    assert root.xpath("//s:lastmod/text()", namespaces=NS) == [
        "2021-03-24T10:00:00+03:00"
    ]


def test_robots_points_to_the_sitemap_and_keeps_out_drafts_and_admin():
    assert robots_txt(f"{SITE}/palata/").splitlines() == [
        "User-agent: *",
        "Disallow: /palata/drafts/",
        "Disallow: /palata/admin/",
        "",
        f"Sitemap: {SITE}/palata/sitemap.xml",
    ]
