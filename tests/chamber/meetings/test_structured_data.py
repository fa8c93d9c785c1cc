import json
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from chamber.meetings.page import video_views
from chamber.meetings.structured_data import EventFacts, meeting_json_ld
from chamber.video import labelled_video as Labelled

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
    poster_url=f"{SITE}/theme/img/video-poster.png",
)
RUTUBE = "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
YOUTUBE = "https://youtu.be/dQw4w9WgXcQ"


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


def test_an_in_person_meeting_names_no_place_unless_told():
    in_person = replace(EVENT, format="очное")
    _, event = data(in_person)
    assert event["eventAttendanceMode"].endswith("/OfflineEventAttendanceMode")
    assert "location" not in event


def test_an_in_person_meeting_is_at_the_configured_venue():
    _, event = data(replace(EVENT, format="очное", venue="Москва, ул. Тверская, д. 1"))
    assert event["location"] == {
        "@type": "Place",
        "name": "Москва, ул. Тверская, д. 1",
        "address": "Москва, ул. Тверская, д. 1",
    }


def test_a_mixed_meeting_is_at_the_venue_and_online():
    _, event = data(replace(EVENT, format="смешанное", venue="Москва"))
    assert [place["@type"] for place in event["location"]] == [
        "Place",
        "VirtualLocation",
    ]
    _, without_venue = data(replace(EVENT, format="смешанное"))
    assert without_venue["location"] == {"@type": "VirtualLocation", "url": EVENT.url}


def test_every_video_has_the_sites_poster_as_thumbnail():
    _, event = data(videos=[Labelled(None, RUTUBE), Labelled(None, "/files/z.mp4")])
    assert [video["thumbnailUrl"] for video in event["recordedIn"]] == [
        f"{SITE}/theme/img/video-poster.png"
    ] * 2


def test_the_embed_address_carries_no_page_script_parameters():
    _, event = data(videos=[Labelled(None, YOUTUBE)])
    (video,) = event["recordedIn"]
    assert video["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


def test_videos_are_recordings_and_the_first_links_the_transcript():
    _, event = data(
        videos=[Labelled("Часть 1", RUTUBE), Labelled("Часть 2", "/files/z.mp4")],
        transcript=f"{SITE}/meetings/m/transcript.txt",
    )
    first, second = event["recordedIn"]
    assert first["@type"] == second["@type"] == "VideoObject"
    assert first["name"] == f"{EVENT.title}. Часть 1"
    assert first["embedUrl"].startswith("https://rutube.ru/play/embed/")
    assert first["url"] == RUTUBE
    assert first["subjectOf"]["url"] == f"{SITE}/meetings/m/transcript.txt"
    assert first["subjectOf"]["encodingFormat"] == "text/plain"
    assert "transcript" not in first
    assert first["uploadDate"] == "2021-03-25T10:00:00+03:00"
    assert second["contentUrl"] == f"{SITE}/files/z.mp4"
    assert second["encodingFormat"] == "video/mp4"
    assert "subjectOf" not in second


def test_editors_text_cannot_end_the_script_block():
    text, event = data()
    assert "</script>" not in text
    assert "\\u003c/script\\u003e" in text
    assert event["name"] == EVENT.title
