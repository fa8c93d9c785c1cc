from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from chamber.feeds.calendar import MeetingEvent, build_calendar

MOSCOW = ZoneInfo("Europe/Moscow")
SITE = "https://palata.example.org/"
PRODID = "-//Палата городов-центров//Сайт публикаций//RU"

ONLINE = MeetingEvent(
    uid="tag:palata.example.org,2021:meetings/2021-03-04.md",
    title="Заседание Палаты: бюджетная обеспеченность городов-центров",
    url=f"{SITE}meetings/2021-03-04/",
    start=datetime(2021, 3, 4, 11, 0, tzinfo=MOSCOW),
    duration=timedelta(hours=2, minutes=30),
    format="ВКС",
    description="Повестка: 1. О бюджетной обеспеченности; 2. Разное",
    modified=datetime(2021, 2, 20, 15, 45, tzinfo=MOSCOW),
)
IN_PERSON = replace(
    ONLINE,
    uid="tag:palata.example.org,2021:meetings/2021-06-10.md",
    title="Выездное заседание Палаты в Казани",
    url=f"{SITE}meetings/2021-06-10/",
    start=datetime(2021, 6, 10, 10, 0, tzinfo=MOSCOW),
    format="очное",
)
MIXED = replace(
    ONLINE,
    uid="tag:palata.example.org,2021:meetings/2021-10-14.md",
    title="Заседание Палаты в смешанном формате",
    url=f"{SITE}meetings/2021-10-14/",
    start=datetime(2021, 10, 14, 14, 0, tzinfo=MOSCOW),
    format="смешанное",
)


def build(events=(IN_PERSON, MIXED, ONLINE)) -> bytes:
    return build_calendar(list(events), "Заседания Палаты", PRODID, MOSCOW)


def parse(events=(IN_PERSON, MIXED, ONLINE)) -> Calendar:
    return Calendar.from_ical(build(events))


def test_calendar_properties():
    calendar = parse()

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == PRODID
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Заседания Палаты"
    assert calendar["X-WR-TIMEZONE"] == "Europe/Moscow"


def test_calendar_describes_moscow_time():
    timezones = parse().walk("VTIMEZONE")

    assert [timezone["TZID"] for timezone in timezones] == ["Europe/Moscow"]
    assert timezones[0].to_tz().utcoffset(datetime(2021, 3, 4, 11)) == timedelta(
        hours=3
    )


def test_calendar_without_meetings_still_has_the_timezone():
    assert [tz["TZID"] for tz in parse(()).walk("VTIMEZONE")] == ["Europe/Moscow"]


def test_event_fields_round_trip():
    (event,) = parse([ONLINE]).walk("VEVENT")

    assert event["UID"] == ONLINE.uid
    assert event["SUMMARY"] == ONLINE.title
    assert event["URL"] == ONLINE.url
    assert event["DESCRIPTION"] == ONLINE.description
    assert event["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert event["DTSTART"].dt == ONLINE.start
    assert event["DTEND"].params["TZID"] == "Europe/Moscow"
    assert event["DTEND"].dt == datetime(2021, 3, 4, 13, 30, tzinfo=MOSCOW)


def test_dtstamp_is_the_modification_time_in_utc():
    (event,) = parse([ONLINE]).walk("VEVENT")

    assert event["DTSTAMP"].dt == datetime(2021, 2, 20, 12, 45, tzinfo=UTC)
    assert b"DTSTAMP:20210220T124500Z\r\n" in build([ONLINE])


def test_events_are_ordered_by_start():
    events = parse().walk("VEVENT")

    assert [event["UID"] for event in events] == [ONLINE.uid, IN_PERSON.uid, MIXED.uid]


def test_format_is_carried_by_categories_and_location():
    events = {event["UID"]: event for event in parse().walk("VEVENT")}

    assert events[ONLINE.uid]["LOCATION"] == "Видеоконференция (ВКС)"
    assert events[MIXED.uid]["LOCATION"] == "Очно и по видеоконференции (ВКС)"
    assert "LOCATION" not in events[IN_PERSON.uid]
    assert [
        events[uid].categories for uid in (ONLINE.uid, IN_PERSON.uid, MIXED.uid)
    ] == [
        ["ВКС"],
        ["очное"],
        ["смешанное"],
    ]


def test_fixed_offset_start_is_written_in_moscow_time():
    offset = replace(
        ONLINE, start=datetime(2021, 3, 4, 8, 0, tzinfo=timezone(timedelta(0)))
    )

    (event,) = parse([offset]).walk("VEVENT")

    assert event["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert b"DTSTART;TZID=Europe/Moscow:20210304T110000\r\n" in build([offset])


def test_unknown_format_is_refused_in_russian():
    with pytest.raises(ValueError, match="формат «онлайн» неизвестен"):
        build([replace(ONLINE, format="онлайн")])


def test_time_without_timezone_is_refused():
    with pytest.raises(ValueError, match="без часового пояса"):
        build([replace(ONLINE, start=datetime(2021, 3, 4, 11, 0))])


def test_lines_end_in_crlf_and_are_folded():
    lines = build().split(b"\r\n")

    assert lines[-1] == b""
    assert all(b"\n" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)


def test_two_builds_are_byte_identical():
    assert build((IN_PERSON, MIXED, ONLINE)) == build((ONLINE, MIXED, IN_PERSON))
