"""End to end: the feeds, the calendar and the /feeds/ page of a built fixture site."""

from pathlib import Path
from urllib.parse import urljoin

import feedparser
import lxml.html
import pytest
from icalendar import Calendar
from lxml import etree

from sitebuild import SITEURL, build, built_fixture_site, copy_fixture_site

FIXTURE = "feeds_sections_cities_videos"
NS = {"a": "http://www.w3.org/2005/Atom"}
SECTION_FEEDS = [
    f"feeds/{section}.{kind}.xml"
    for section in ("all", "articles", "digests", "meetings", "documents")
    for kind in ("atom", "rss")
]
CITY_FEEDS = ["feeds/cities/kazan.atom.xml", "feeds/cities/tyumen.atom.xml"]
KAZAN_TITLE = "Казань <b>и</b> агломерация & «соседи»"
VIDEO_SIZE = 3072


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # One build serves every assertion that only reads the output.
    return built_fixture_site(FIXTURE, tmp_path_factory.mktemp("feeds"))


def xml(site, relative: str) -> etree._Element:
    return etree.parse(site.output / relative).getroot()


def feed_files(output: Path) -> list[str]:
    return sorted(
        path.relative_to(output).as_posix()
        for path in (output / "feeds").rglob("*.xml")
    )


def atom_entries(site, relative: str) -> dict[str, etree._Element]:
    """Entries by title."""
    return {
        entry.findtext("a:title", namespaces=NS): entry
        for entry in xml(site, relative).iterfind("a:entry", NS)
    }


def test_every_section_and_city_has_feeds(site):
    assert feed_files(site.output) == sorted(SECTION_FEEDS + CITY_FEEDS)


@pytest.mark.parametrize("relative", SECTION_FEEDS + CITY_FEEDS)
def test_feedparser_reads_every_feed_without_complaint(site, relative):
    parsed = feedparser.parse((site.output / relative).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.language == "ru"
    assert parsed.entries


@pytest.mark.parametrize(
    "relative", [f for f in SECTION_FEEDS if "atom" in f] + CITY_FEEDS
)
def test_atom_feed_has_its_required_elements(site, relative):
    root = xml(site, relative)
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    for path in ("a:id", "a:title", "a:updated"):
        assert root.findtext(path, namespaces=NS), path
    (self_link,) = root.xpath("a:link[@rel='self']/@href", namespaces=NS)
    assert self_link == f"{SITEURL}/{relative}"
    for entry in root.iterfind("a:entry", NS):
        for path in (
            "a:id",
            "a:title",
            "a:updated",
            "a:published",
            "a:author/a:name",
            "a:summary",
        ):
            assert entry.findtext(path, namespaces=NS), path
        assert entry.xpath("a:content/@type", namespaces=NS) == ["html"]
        (link,) = entry.xpath("a:link[@rel='alternate']", namespaces=NS)
        assert link.get("type") == "text/html"
        assert link.get("href").startswith(f"{SITEURL}/")


@pytest.mark.parametrize("relative", [f for f in SECTION_FEEDS if "rss" in f])
def test_rss_channel_has_language_and_self_link(site, relative):
    root = xml(site, relative)
    assert root.findtext("channel/language") == "ru"
    assert root.xpath("channel/a:link[@rel='self']/@href", namespaces=NS) == [
        f"{SITEURL}/{relative}"
    ]
    assert root.xpath("channel/item/guid/@isPermaLink") == ["false"] * len(
        root.findall("channel/item")
    )


def test_feeds_point_to_the_stylesheet_the_site_serves(site):
    for relative in SECTION_FEEDS + CITY_FEEDS:
        tree = etree.parse(site.output / relative)
        (instruction,) = tree.xpath("/processing-instruction('xml-stylesheet')")
        assert instruction.get("href") == f"{SITEURL}/theme/feeds/feed.css"
        assert instruction.get("type") == "text/css"
    assert (site.output / "theme/feeds/feed.css").is_file()


def test_only_published_publications_are_in_the_site_feed(site):
    titles = set(atom_entries(site, "feeds/all.atom.xml"))
    assert "Черновик о Казани" not in titles
    assert "О Палате" not in titles
    assert len(titles) == 8


def test_city_feed_holds_only_that_citys_publications(site):
    assert set(atom_entries(site, "feeds/cities/kazan.atom.xml")) == {
        KAZAN_TITLE,
        "Общественный транспорт Казани",
    }
    assert set(atom_entries(site, "feeds/cities/tyumen.atom.xml")) == {
        "Тюмень: практики муниципального управления"
    }


def test_section_feed_holds_only_its_section(site):
    assert set(atom_entries(site, "feeds/meetings.atom.xml")) == {
        "Заседание о планировании агломераций",
        "Выездное заседание Палаты в Тюмени",
    }


def test_entry_content_has_every_link_and_image_absolute(site):
    entry = atom_entries(site, "feeds/articles.atom.xml")[KAZAN_TITLE]
    page = entry.xpath("a:link[@rel='alternate']/@href", namespaces=NS)[0]
    content = lxml.html.fragment_fromstring(
        entry.findtext("a:content", namespaces=NS), create_parent="div"
    )
    assert content.xpath("//a/@href") == [
        f"{SITEURL}/documents/zakonoproekt/",
        f"{SITEURL}/documents/",
        f"{page}#primechanie",
        "https://okmo.news/",
    ]
    assert content.xpath("//img/@src") == [f"{SITEURL}/images/skhema.svg"]
    summary = lxml.html.fragment_fromstring(
        entry.findtext("a:summary", namespaces=NS), create_parent="div"
    )
    assert summary.xpath("//a/@href") == [f"{SITEURL}/documents/zakonoproekt/"]


def test_entry_has_authors_categories_and_moscow_times(site):
    entry = atom_entries(site, "feeds/all.atom.xml")[KAZAN_TITLE]
    assert entry.xpath("a:author/a:name/text()", namespaces=NS) == [
        "Иванова Мария Сергеевна",
        "Петров Пётр Петрович",
    ]
    assert entry.xpath("a:category/@term", namespaces=NS) == [
        "Экспертные статьи",
        "агломерации",
        "Казань",
    ]
    assert entry.findtext("a:published", namespaces=NS) == "2021-03-24T10:00:00+03:00"
    assert entry.findtext("a:updated", namespaces=NS) == "2021-03-25T12:30:00+03:00"


def test_html_in_a_title_is_escaped_text(site):
    raw = (site.output / "feeds/articles.atom.xml").read_text(encoding="utf-8")
    assert "Казань &lt;b&gt;и&lt;/b&gt; агломерация &amp; «соседи»" in raw
    for relative in ("feeds/articles.atom.xml", "feeds/articles.rss.xml"):
        parsed = feedparser.parse((site.output / relative).read_bytes())
        assert KAZAN_TITLE in [entry.title for entry in parsed.entries], relative


def test_meeting_video_file_is_an_enclosure_and_hosted_video_a_link(site):
    entry = atom_entries(site, "feeds/meetings.atom.xml")[
        "Заседание о планировании агломераций"
    ]
    (enclosure,) = entry.xpath("a:link[@rel='enclosure']", namespaces=NS)
    assert dict(enclosure.attrib) == {
        "rel": "enclosure",
        "type": "video/mp4",
        "length": str(VIDEO_SIZE),
        "href": f"{SITEURL}/files/zasedanie-2021-09-22.mp4",
    }
    (related,) = entry.xpath("a:link[@rel='related']", namespaces=NS)
    assert (
        related.get("href")
        == "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
    )
    assert related.get("title") == "Часть 1 — видеозапись на RuTube"
    (item,) = xml(site, "feeds/meetings.rss.xml").xpath(
        "channel/item[title='Заседание о планировании агломераций']"
    )
    assert dict(item.find("enclosure").attrib) == {
        "url": f"{SITEURL}/files/zasedanie-2021-09-22.mp4",
        "length": str(VIDEO_SIZE),
        "type": "video/mp4",
    }
    assert (site.output / "files/zasedanie-2021-09-22.mp4").stat().st_size == VIDEO_SIZE


def test_feed_id_pins_the_id_of_a_moved_file(site):
    # Needs the content model to keep the Feed-Id value (see docs/feeds.md).
    entry = atom_entries(site, "feeds/articles.atom.xml")[
        "Статья, перенесённая из другого файла"
    ]
    assert entry.findtext("a:id", namespaces=NS) == (
        "tag:palata.example.ru,2021:articles/staroe-imya.md"
    )


def test_calendar_holds_every_meeting_past_and_upcoming(site):
    calendar = Calendar.from_ical((site.output / "meetings.ics").read_bytes())
    ids = {
        entry.findtext("a:title", namespaces=NS): entry.findtext("a:id", namespaces=NS)
        for entry in xml(site, "feeds/meetings.atom.xml").iterfind("a:entry", NS)
    }
    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == set(ids)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]
    upcoming = events["Выездное заседание Палаты в Тюмени"]
    assert upcoming["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert upcoming.decoded("DTSTART").isoformat() == "2022-02-10T11:00:00+03:00"
    assert upcoming.decoded("DTEND").isoformat() == "2022-02-10T13:00:00+03:00"
    assert str(upcoming["URL"]).startswith(f"{SITEURL}/meetings/")
    assert upcoming["CATEGORIES"].cats == ["очное"]
    for title, event in events.items():
        assert str(event["UID"]) == ids[title]
    assert events["Заседание о планировании агломераций"]["CATEGORIES"].cats == ["ВКС"]


def test_pages_link_the_site_feed_and_their_own_feed_in_the_head(site):
    expected = {
        "articles/kazan-i-aglomeratsiya-sosedi/": "feeds/articles.atom.xml",
        "articles/": "feeds/articles.atom.xml",
        "meetings/": "feeds/meetings.atom.xml",
        "digests/": "feeds/digests.atom.xml",
        "cities/kazan/": "feeds/cities/kazan.atom.xml",
    }
    for page, own_feed in expected.items():
        links = site.html(page).head.find_all("link", rel="alternate")
        hrefs = [link["href"] for link in links]
        assert hrefs == [
            f"{SITEURL}/feeds/all.atom.xml",
            f"{SITEURL}/feeds/all.rss.xml",
            f"{SITEURL}/{own_feed}",
        ], page
        assert all(link.get("title") and link.get("type") for link in links), page
    index_links = site.html("").head.find_all("link", rel="alternate")
    assert [link["href"] for link in index_links] == [
        f"{SITEURL}/feeds/all.atom.xml",
        f"{SITEURL}/feeds/all.rss.xml",
    ]


def test_feeds_page_lists_every_feed_and_the_calendar(site):
    page = site.html("feeds/")
    base = f"{SITEURL}/feeds/"
    linked = {
        urljoin(base, a["href"]) for a in page.find("main").find_all("a", href=True)
    }
    for relative in [*feed_files(site.output), "meetings.ics"]:
        assert f"{SITEURL}/{relative}" in linked, relative
    assert page.html["lang"] == "ru"
    assert page.find("h1").get_text() == "Ленты новостей и календарь заседаний"


def test_feeds_page_shows_the_latest_entries_of_each_feed(site):
    page = site.html("feeds/")
    for key in ("all", "articles", "digests", "meetings", "documents"):
        atom = etree.parse(site.output / f"feeds/{key}.atom.xml")
        newest = atom.xpath("//a:entry/a:link[@rel='alternate']/@href", namespaces=NS)[
            :3
        ]
        section = page.find("section", attrs={"aria-labelledby": f"feed-{key}"})
        shown = [a["href"] for a in section.select("ul a")]
        assert shown == newest, key
    cities = page.find("section", attrs={"aria-labelledby": "city-feeds"})
    kazan = next(li for li in cities.find_all("li") if li.a.string == "Казань")
    assert len(kazan.find_all("a")) == 2
    assert kazan.find("time")["datetime"]


def test_meetings_list_links_to_the_calendar_and_the_feed(site):
    hrefs = [
        a["href"] for a in site.html("meetings/").find("main").find_all("a", href=True)
    ]
    assert f"{SITEURL}/meetings.ics" in hrefs
    assert f"{SITEURL}/feeds/meetings.atom.xml" in hrefs


def test_two_builds_of_the_same_content_are_byte_identical(site, tmp_path):
    again = build(copy_fixture_site(FIXTURE, tmp_path), tmp_path / "output")
    assert again.result.returncode == 0, again.log
    for relative in [*feed_files(site.output), "meetings.ics", "feeds/index.html"]:
        first = (site.output / relative).read_bytes()
        assert (again.output / relative).read_bytes() == first, relative


def test_entry_id_survives_a_title_change(site, tmp_path):
    content = copy_fixture_site(FIXTURE, tmp_path)
    source = content / "articles" / "kazan-aglomeratsiya.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace(
            f"Title: {KAZAN_TITLE}", "Title: Казань и агломерация: опыт соседей"
        ),
        encoding="utf-8",
    )
    edited = build(content, tmp_path / "output")
    assert edited.result.returncode == 0, edited.log

    before = atom_entries(site, "feeds/all.atom.xml")[KAZAN_TITLE]
    after = atom_entries(edited, "feeds/all.atom.xml")[
        "Казань и агломерация: опыт соседей"
    ]
    # The slug follows the title, so the page moved; the id must not.
    assert before.xpath("a:link/@href", namespaces=NS) != after.xpath(
        "a:link/@href", namespaces=NS
    )
    assert after.findtext("a:id", namespaces=NS) == before.findtext(
        "a:id", namespaces=NS
    )


def test_missing_video_file_stops_the_build_with_a_russian_message(tmp_path):
    built = build(
        copy_fixture_site("feeds_missing_video_file", tmp_path), tmp_path / "out"
    )
    assert built.result.returncode != 0
    assert (
        "meetings/zasedanie.md: поле «Video»: видеофайла «/files/net-takogo-fajla.mp4» "
        "нет в папке content"
    ) in built.log


def test_feed_id_taken_from_another_file_stops_the_build(tmp_path):
    # Needs the content model to keep the Feed-Id value (see docs/feeds.md).
    built = build(
        copy_fixture_site("feeds_duplicate_feed_id", tmp_path), tmp_path / "out"
    )
    assert built.result.returncode != 0
    assert "articles/novaya.md: поле «Feed-Id»: идентификатор записи" in built.log
    assert "«articles/staraya.md»" in built.log
