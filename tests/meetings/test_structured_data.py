import json
from datetime import datetime
from zoneinfo import ZoneInfo

from content_model.fields import LabelledVideo as Labelled
from meetings.page import video_views
from meetings.structured_data import EventFacts, meeting_json_ld

MOSCOW = ZoneInfo("Europe/Moscow")
SITE = "https://palata.example.ru"
EVENT = EventFacts(
    title="Заседание </script> о бюджетах",
    url=f"{SITE}/meetings/zasedanie/",
    start=datetime(2021, 3, 25, 10, tzinfo=MOSCOW),
    format="ВКС",
    description="Межбюджетные отношения.",
    organizer="Палата городов-центров",
    site_url=SITE,
)
RUTUBE = "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"


def data(event=EVENT, videos=(), transcript=None):
    text = meeting_json_ld(event, video_views(videos), transcript)
    return text, json.loads(text)


def test_an_event_with_its_time_zone_and_attendance_mode():
    _, event = data()
    assert event["@context"] == "https://schema.org"
    assert event["@type"] == "Event"
    assert event["startDate"] == "2021-03-25T10:00:00+03:00"
    assert event["eventAttendanceMode"].endswith("/OnlineEventAttendanceMode")
    assert event["location"] == {"@type": "VirtualLocation", "url": EVENT.url}
    assert event["organizer"]["name"] == "Палата городов-центров"
    assert "recordedIn" not in event


def test_an_in_person_meeting_has_no_virtual_location():
    in_person = EventFacts(**{**EVENT.__dict__, "format": "очное"})
    _, event = data(in_person)
    assert event["eventAttendanceMode"].endswith("/OfflineEventAttendanceMode")
    assert "location" not in event


def test_videos_are_recordings_and_the_first_carries_the_transcript():
    _, event = data(
        videos=[Labelled("Часть 1", RUTUBE), Labelled("Часть 2", "/files/z.mp4")],
        transcript="Иванов Иван Иванович [00:00:15]\nДобрый день.\n",
    )
    first, second = event["recordedIn"]
    assert first["@type"] == second["@type"] == "VideoObject"
    assert first["name"] == f"{EVENT.title}. Часть 1"
    assert first["embedUrl"].startswith("https://rutube.ru/play/embed/")
    assert first["url"] == RUTUBE
    assert first["transcript"].startswith("Иванов Иван Иванович")
    assert first["uploadDate"] == "2021-03-25T10:00:00+03:00"
    assert second["contentUrl"] == f"{SITE}/files/z.mp4"
    assert second["encodingFormat"] == "video/mp4"
    assert "transcript" not in second


def test_editors_text_cannot_end_the_script_block():
    text, event = data()
    assert "</script>" not in text
    assert "\\u003c/script\\u003e" in text
    assert event["name"] == EVENT.title
