from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from chamber.feeds.entries import Enclosure
from chamber.fields import FieldContext, parse_videos
from chamber.publication import PublicationRecord
from chamber.video import labelled_video
from feeds.from_content import Site, feed_entry, meeting_event, video_links

MOSCOW = ZoneInfo("Europe/Moscow")
SITE_URL = "https://palata.example.ru"


@pytest.fixture
def site(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "zasedanie.mp4").write_bytes(b"\0" * 4321)
    (tmp_path / "files" / "zasedanie.webm").write_bytes(b"\0" * 17)
    return Site(SITE_URL, "2021", MOSCOW)


# What the content model's record holds rather than Pelican's object.
RECORD_FIELDS = frozenset({"section", "city", "format", "video", "feed_id"})


def article(**attributes):
    body = attributes.pop("body", '<p><a href="../../documents/">Документы</a></p>')
    summary = attributes.pop("summary", '<p><img src="skhema.svg" alt=""></p>')
    record = {"section": "articles", "city": SimpleNamespace(name="Казань")}
    record.update(
        (name, attributes.pop(name)) for name in RECORD_FIELDS & set(attributes)
    )
    defaults = {
        "relative_source_path": "articles/kazan.md",
        "metadata": {},
        "record": PublicationRecord(**record),
        "url": "articles/kazan/",
        "title": "Казань <b>и</b> агломерация",
        "date": datetime(2021, 3, 24, 10, 0, tzinfo=MOSCOW),
        "authors": [
            SimpleNamespace(name="Иванова М. С."),
            SimpleNamespace(name="Петров П. П."),
        ],
        "tags": [SimpleNamespace(name="агломерации"), SimpleNamespace(name="Казань")],
        "get_content": lambda siteurl: body,
        "get_summary": lambda siteurl: summary,
    }
    return SimpleNamespace(**{**defaults, **attributes})


def test_entry_carries_the_article_with_absolute_links(site):
    entry = feed_entry(article(), site)
    assert entry.url == f"{SITE_URL}/articles/kazan/"
    assert entry.title == "Казань <b>и</b> агломерация"
    assert f'href="{SITE_URL}/documents/"' in entry.content_html
    assert f'src="{SITE_URL}/articles/kazan/skhema.svg"' in entry.summary_html
    assert entry.authors == ("Иванова М. С.", "Петров П. П.")


def test_categories_are_section_tags_and_city_without_repeats(site):
    assert feed_entry(article(), site).categories == (
        "Экспертные статьи",
        "агломерации",
        "Казань",
    )


def test_entry_id_is_the_source_path_and_not_the_address(site):
    moved = feed_entry(article(url="articles/novyy-adres/", title="Другое"), site)
    assert moved.entry_id == "tag:palata.example.ru,2021:articles/kazan.md"


def test_feed_id_pins_the_entry_id(site):
    entry = feed_entry(article(feed_id="articles/staroe.md"), site)
    assert entry.entry_id == "tag:palata.example.ru,2021:articles/staroe.md"


def test_times_are_moscow_and_updated_is_modified_or_date(site):
    written = datetime(2021, 3, 24, 7, 0, tzinfo=UTC)
    modified = datetime(2021, 3, 25, 9, 30, tzinfo=UTC)
    plain = feed_entry(article(date=written), site)
    assert (
        plain.published == plain.updated == datetime(2021, 3, 24, 10, 0, tzinfo=MOSCOW)
    )
    assert plain.published.tzinfo == MOSCOW
    edited = feed_entry(article(date=written, modified=modified), site)
    assert edited.updated == datetime(2021, 3, 25, 12, 30, tzinfo=MOSCOW)
    assert edited.updated.tzinfo == MOSCOW


def test_site_video_file_is_an_enclosure_with_its_size_and_type(site, tmp_path):
    # The sizes are read once, by the field's check; the feed uses them.
    videos = parse_videos(
        f"Запись /files/zasedanie.mp4\n{SITE_URL}/files/zasedanie.webm#t=30",
        FieldContext(tmp_path, tmp_path, {}, {}, site_url=SITE_URL),
    )
    links = video_links(videos, site)
    assert links.enclosures == (
        Enclosure(f"{SITE_URL}/files/zasedanie.mp4", 4321, "video/mp4"),
        Enclosure(f"{SITE_URL}/files/zasedanie.webm", 17, "video/webm"),
    )
    assert links.related == ()


def test_hosted_video_is_a_related_link_to_its_page(site):
    links = video_links(
        [
            labelled_video(
                "Часть 1",
                "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef",
            ),
            labelled_video(None, "https://youtu.be/dQw4w9WgXcQ"),
        ],
        site,
    )
    assert links.related == (
        (
            "https://rutube.ru/video/0123456789abcdef0123456789abcdef/",
            "Часть 1 — видеозапись на RuTube",
        ),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Видеозапись на YouTube"),
    )
    assert links.enclosures == ()


def test_meeting_event_has_page_format_and_duration(site):
    meeting = article(
        relative_source_path="meetings/2021-09-22.md",
        url="meetings/planirovanie/",
        title="Заседание о планировании",
        section="meetings",
        format="ВКС",
        date=datetime(2021, 9, 22, 10, 0, tzinfo=MOSCOW),
        get_summary=lambda siteurl: (
            "<p>Практики <em>планирования</em>.</p>\n<p>Итоги.</p>"
        ),
    )
    built_for = datetime(2021, 9, 1, tzinfo=MOSCOW)
    event = meeting_event(meeting, site, timedelta(minutes=90), built_for)
    assert event.uid == "tag:palata.example.ru,2021:meetings/2021-09-22.md"
    assert event.url == f"{SITE_URL}/meetings/planirovanie/"
    assert (event.start, event.duration, event.format) == (
        meeting.date,
        timedelta(minutes=90),
        "ВКС",
    )
    # Not the meeting's own date, which may lie in the future.
    assert event.modified == built_for
    assert event.description == (
        f"Практики планирования. Итоги.\n\nСтраница заседания: {SITE_URL}/meetings/planirovanie/"
    )
