from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
import pytest
from lxml import etree

from chamber.absolutise import absolutise_html
from chamber.feeds.entries import Enclosure, FeedEntry, FeedInfo, stable_entry_id
from feeds.build import build_atom, build_rss

MOSCOW = ZoneInfo("Europe/Moscow")
SITE = "https://palata.example.org/"
CSS_PATH = Path(__file__).parents[2] / "theme/static/feeds/feed.css"
NS = {
    "a": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "x": "http://www.w3.org/1999/xhtml",
}

INFO = FeedInfo(
    feed_id="tag:palata.example.org,2021:feeds/all",
    title="Палата городов-центров: публикации",
    subtitle="Новости, планы и заседания Палаты",
    site_url=SITE,
    self_url_atom=f"{SITE}feeds/all.atom.xml",
    self_url_rss=f"{SITE}feeds/all.rss.xml",
    stylesheet_url="/theme/feeds/feed.css",
    catalogue_url=f"{SITE}feeds/",
)

MEETING_PAGE = f"{SITE}news/2021/zasedanie-marta/"
MEETING = FeedEntry(
    entry_id=stable_entry_id(SITE, "news/2021-03-04-zasedanie.md", None),
    title="Заседание Палаты 4 марта",
    url=MEETING_PAGE,
    content_html=absolutise_html(
        '<p>Повестка: <a href="../plan/">план</a>, <img src="hall.jpg" alt="Зал">'
        ' <a href="#itogi">итоги</a></p>',
        MEETING_PAGE,
    ),
    summary_html="<p>Повестка и итоги заседания</p>",
    published=datetime(2021, 3, 4, 11, 0, tzinfo=MOSCOW),
    updated=datetime(2021, 3, 10, 9, 30, tzinfo=MOSCOW),
    authors=("Иванов И. И.", "Петрова А. С."),
    categories=("Заседания", "бюджет"),
    enclosures=(
        Enclosure(f"{SITE}files/protokol.pdf", 183_204, "application/pdf"),
        Enclosure(f"{SITE}files/zapis.mp3", 52_000_000, "audio/mpeg"),
    ),
    related_links=(("https://rutube.ru/video/abc123/", "Запись на RuTube"),),
)


def dated_entry(day: int, slug: str) -> FeedEntry:
    published = datetime(2021, 2, day, 12, 0, tzinfo=MOSCOW)
    return FeedEntry(
        entry_id=stable_entry_id(SITE, f"news/{slug}.md", None),
        title=f"Новость {slug}",
        url=f"{SITE}news/{slug}/",
        content_html=f"<p>Текст {slug}</p>",
        summary_html=f"<p>Кратко {slug}</p>",
        published=published,
        updated=published,
        authors=(),
        categories=("Новости",),
    )


FEBRUARY = [dated_entry(day, f"fevral-{day:02d}") for day in (3, 17, 9, 1, 25)]


def atom(entries=(MEETING,), limit=10, info=INFO) -> etree._Element:
    return etree.fromstring(build_atom(info, list(entries), limit))


def rss(entries=(MEETING,), limit=10, info=INFO) -> etree._Element:
    return etree.fromstring(build_rss(info, list(entries), limit))


@pytest.mark.parametrize("build", [build_atom, build_rss])
def test_feedparser_reads_the_feed_without_complaint(build):
    parsed = feedparser.parse(build(INFO, [MEETING, *FEBRUARY], 10))

    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.feed.title == INFO.title
    assert parsed.entries[0].id == MEETING.entry_id
    assert len(parsed.entries) == 6


def test_atom_feed_head():
    feed = atom()

    assert feed.xpath("/a:feed/a:title/text()", namespaces=NS) == [INFO.title]
    assert feed.xpath("/a:feed/a:id/text()", namespaces=NS) == [INFO.feed_id]
    assert feed.xpath("/a:feed/@xml:lang", namespaces=NS) == ["ru"]
    assert feed.xpath(
        "/a:feed/a:link[@rel='self' and @type='application/atom+xml']/@href",
        namespaces=NS,
    ) == [INFO.self_url_atom]
    assert feed.xpath(
        "/a:feed/a:link[@rel='alternate' and @type='text/html']/@href", namespaces=NS
    ) == [SITE]


def test_rss_channel_head():
    channel = rss().find("channel")

    assert channel.findtext("title") == INFO.title
    assert channel.findtext("description") == INFO.subtitle
    assert channel.findtext("language") == "ru"
    assert channel.findtext("link") == SITE
    assert channel.xpath("a:link[@rel='self']/@href", namespaces=NS) == [
        INFO.self_url_rss
    ]


def test_feed_updated_is_the_latest_entry_change_not_the_build_time():
    entries = [MEETING, *FEBRUARY]

    assert atom(entries).xpath("/a:feed/a:updated/text()", namespaces=NS) == [
        "2021-03-10T09:30:00+03:00"
    ]
    assert rss(entries).findtext("channel/lastBuildDate") == (
        "Wed, 10 Mar 2021 09:30:00 +0300"
    )


def test_entry_ids_are_the_stable_ids():
    entry = atom().find("a:entry", NS)
    item = rss().find("channel/item")

    assert entry.findtext("a:id", namespaces=NS) == (
        "tag:palata.example.org,2021:news/2021-03-04-zasedanie.md"
    )
    assert item.findtext("guid") == MEETING.entry_id
    assert item.find("guid").get("isPermaLink") == "false"


def test_entry_id_survives_a_title_and_date_change():
    edited = replace(
        MEETING,
        title="Заседание Палаты 4 марта 2021 г. (уточнено)",
        published=MEETING.published + timedelta(days=1),
        entry_id=stable_entry_id(SITE, "news/2021-03-04-zasedanie.md", None),
    )

    assert atom([edited]).xpath("//a:entry/a:id/text()", namespaces=NS) == atom(
        [MEETING]
    ).xpath("//a:entry/a:id/text()", namespaces=NS)


def test_atom_entry_links_keep_rel_type_and_length():
    entry = atom().find("a:entry", NS)

    def links(rel):
        return [
            dict(link.attrib)
            for link in entry.xpath("a:link[@rel=$rel]", namespaces=NS, rel=rel)
        ]

    assert links("alternate") == [
        {"rel": "alternate", "type": "text/html", "href": MEETING_PAGE}
    ]
    assert links("enclosure") == [
        {
            "rel": "enclosure",
            "type": "application/pdf",
            "length": "183204",
            "href": f"{SITE}files/protokol.pdf",
        },
        {
            "rel": "enclosure",
            "type": "audio/mpeg",
            "length": "52000000",
            "href": f"{SITE}files/zapis.mp3",
        },
    ]
    assert links("related") == [
        {
            "rel": "related",
            "href": "https://rutube.ru/video/abc123/",
            "title": "Запись на RuTube",
        }
    ]
    assert len(entry.findall("a:link", NS)) == 4


def test_related_link_without_title_has_no_empty_title():
    untitled = replace(MEETING, related_links=(("https://vk.com/video-1_2", ""),))

    related = atom([untitled]).xpath("//a:link[@rel='related']", namespaces=NS)

    assert [dict(link.attrib) for link in related] == [
        {"rel": "related", "href": "https://vk.com/video-1_2"}
    ]


def test_rss_item_carries_the_first_enclosure_only():
    enclosures = rss().findall("channel/item/enclosure")

    assert [dict(enclosure.attrib) for enclosure in enclosures] == [
        {
            "url": f"{SITE}files/protokol.pdf",
            "length": "183204",
            "type": "application/pdf",
        }
    ]


def test_feedparser_sees_enclosures_and_related_links_in_atom():
    entry = feedparser.parse(build_atom(INFO, [MEETING], 10)).entries[0]

    assert [(link.rel, link.href) for link in entry.links] == [
        ("alternate", MEETING_PAGE),
        ("enclosure", f"{SITE}files/protokol.pdf"),
        ("enclosure", f"{SITE}files/zapis.mp3"),
        ("related", "https://rutube.ru/video/abc123/"),
    ]
    assert entry.link == MEETING_PAGE


def test_atom_entry_fields():
    entry = atom().find("a:entry", NS)

    assert entry.findtext("a:published", namespaces=NS) == "2021-03-04T11:00:00+03:00"
    assert entry.findtext("a:updated", namespaces=NS) == "2021-03-10T09:30:00+03:00"
    assert entry.find("a:content", NS).get("type") == "html"
    assert entry.find("a:summary", NS).get("type") == "html"
    assert entry.findtext("a:summary", namespaces=NS) == MEETING.summary_html
    assert entry.xpath("a:author/a:name/text()", namespaces=NS) == list(MEETING.authors)
    assert entry.xpath("a:category/@term", namespaces=NS) == ["Заседания", "бюджет"]


def test_rss_item_fields():
    item = rss().find("channel/item")

    assert item.findtext("link") == MEETING_PAGE
    assert item.findtext("description") == MEETING.summary_html
    assert item.findtext("content:encoded", namespaces=NS) == MEETING.content_html
    assert item.findtext("pubDate") == "Thu, 04 Mar 2021 11:00:00 +0300"
    assert [category.text for category in item.findall("category")] == [
        "Заседания",
        "бюджет",
    ]
    # RSS <author> must be an e-mail address; names go to dc:creator.
    assert item.find("author") is None
    assert item.xpath("dc:creator/text()", namespaces=NS) == list(MEETING.authors)


def content_urls(html: str) -> list[str]:
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    return fragment.xpath("//@href | //@src")


def test_content_urls_are_absolute_in_both_formats():
    expected = [
        f"{SITE}news/2021/plan/",
        f"{MEETING_PAGE}hall.jpg",
        f"{MEETING_PAGE}#itogi",
    ]
    item = rss().find("channel/item")

    assert content_urls(atom().findtext("a:entry/a:content", namespaces=NS)) == (
        expected
    )
    assert content_urls(item.findtext("content:encoded", namespaces=NS)) == expected


@pytest.mark.parametrize("parse", [atom, rss])
def test_html_in_a_title_stays_text(parse):
    title = "<b>Важно</b> & срочно"
    urgent = replace(MEETING, title=title)

    feed = parse([urgent])

    assert feed.xpath("//*[local-name()='title']/text()")[-1] == title
    assert feed.xpath("//*[local-name()='b']") == []


def test_atom_title_is_declared_text():
    assert atom().find("a:entry/a:title", NS).get("type") == "text"


def test_feedparser_reads_an_html_title_back_as_text():
    urgent = replace(MEETING, title="<b>Важно</b> & срочно")

    entry = feedparser.parse(build_atom(INFO, [urgent], 10)).entries[0]

    assert entry.title_detail.type == "text/plain"
    assert entry.title == "<b>Важно</b> & срочно"


def test_limit_keeps_the_newest_entries_newest_first():
    feed = atom(FEBRUARY, limit=3)

    assert feed.xpath("//a:entry/a:link[@rel='alternate']/@href", namespaces=NS) == [
        f"{SITE}news/fevral-25/",
        f"{SITE}news/fevral-17/",
        f"{SITE}news/fevral-09/",
    ]
    assert rss(FEBRUARY, limit=3).xpath("//item/link/text()") == [
        f"{SITE}news/fevral-25/",
        f"{SITE}news/fevral-17/",
        f"{SITE}news/fevral-09/",
    ]


def test_entries_published_together_are_ordered_by_url():
    same_moment = [
        replace(entry, published=FEBRUARY[0].published) for entry in FEBRUARY[:3]
    ]

    forward = build_atom(INFO, same_moment, 10)
    backward = build_atom(INFO, same_moment[::-1], 10)

    assert forward == backward
    assert etree.fromstring(forward).xpath(
        "//a:entry/a:link[@rel='alternate']/@href", namespaces=NS
    ) == [
        f"{SITE}news/fevral-03/",
        f"{SITE}news/fevral-09/",
        f"{SITE}news/fevral-17/",
    ]


@pytest.mark.parametrize("build", [build_atom, build_rss])
def test_two_builds_are_byte_identical(build):
    first = build(INFO, [MEETING, *FEBRUARY], 10)
    second = build(INFO, [*FEBRUARY[::-1], MEETING], 10)

    assert first == second


@pytest.mark.parametrize("build", [build_atom, build_rss])
def test_output_is_pretty_utf8_with_the_stylesheet_instruction(build):
    lines = build(INFO, [MEETING], 10).decode("utf-8").splitlines()

    assert lines[0] == "<?xml version='1.0' encoding='UTF-8'?>"
    assert lines[1] == '<?xml-stylesheet type="text/css" href="/theme/feeds/feed.css"?>'
    assert len(lines) > 20
    assert "Заседание Палаты 4 марта" in "\n".join(lines)


@pytest.mark.parametrize("build", [build_atom, build_rss])
def test_no_stylesheet_instruction_without_a_stylesheet(build):
    output = build(replace(INFO, stylesheet_url=None), [MEETING], 10)

    assert b"xml-stylesheet" not in output


@pytest.mark.parametrize("build", [build_atom, build_rss])
def test_empty_feed_is_refused(build):
    with pytest.raises(ValueError, match="пуста"):
        build(INFO, [], 10)


def test_atom_subtitle_links_to_the_feeds_page():
    feed = atom()
    (div,) = feed.xpath("/a:feed/a:subtitle[@type='xhtml']/x:div", namespaces=NS)
    assert div.text == f"{INFO.subtitle}. "
    (link,) = div.xpath("x:a", namespaces=NS)
    assert link.get("href") == INFO.catalogue_url
    assert link.text == "Все ленты сайта и как на них подписаться"
    parsed = feedparser.parse(build_atom(INFO, [MEETING], 10))
    assert parsed.feed.subtitle.startswith(f"{INFO.subtitle}. <a href=")


def test_without_a_feeds_page_the_atom_subtitle_is_text():
    feed = etree.fromstring(
        build_atom(replace(INFO, catalogue_url=None), [MEETING], 10)
    )
    (subtitle,) = feed.xpath("/a:feed/a:subtitle", namespaces=NS)
    assert (subtitle.get("type"), subtitle.text) == (None, INFO.subtitle)


def test_stylesheet_styles_both_formats_without_xslt():
    css = CSS_PATH.read_text(encoding="utf-8")
    assert '@namespace atom url("http://www.w3.org/2005/Atom");' in css
    for selector in ("atom|feed", "atom|entry", "channel", "item"):
        assert selector in css
