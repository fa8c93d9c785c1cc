"""JSON-LD for a meeting page: a schema.org Event recorded in VideoObjects.

The data block is inert under the site's Content Security Policy (it is not
script), and it is the only way search engines learn that the page carries a
recording and its transcript. The transcript is linked (its plain-text file),
not copied in: a copy would double the page's weight for every long meeting.
"""

from dataclasses import dataclass
from datetime import datetime

from chamber.json_ld import script_json
from chamber.meetings.page import VideoView
from chamber.sections import MEETING_FORMAT_TABLE

_SCHEMA = "https://schema.org/"
# In the theme's static folder: the videos' thumbnail, a neutral picture drawn
# for the site rather than a frame fetched from a video host.
POSTER = "img/video-poster.png"
# The content model's meeting formats, as schema.org names them.
_MODES = {
    (True, False): "OnlineEventAttendanceMode",
    (False, True): "OfflineEventAttendanceMode",
    (True, True): "MixedEventAttendanceMode",
}
ATTENDANCE_MODES = {
    key: _SCHEMA + _MODES[f.online, f.in_person]
    for key, f in MEETING_FORMAT_TABLE.items()
}
_ONLINE = frozenset(key for key, f in MEETING_FORMAT_TABLE.items() if f.online)
_IN_PERSON = frozenset(key for key, f in MEETING_FORMAT_TABLE.items() if f.in_person)


@dataclass(frozen=True)
class EventFacts:
    title: str
    url: str  # absolute
    start: datetime  # with its time zone
    format: str | None  # «ВКС», «очное», «смешанное»
    description: str | None
    organizer: str
    site_url: str  # makes the site's own video files absolute
    poster_url: str  # absolute: the site's neutral poster, the videos' thumbnail
    # Where the Chamber meets in person (MEETINGS_VENUE); None: not told, rather
    # than guessed.
    venue: str | None = None


def meeting_json_ld(
    event: EventFacts, videos: tuple[VideoView, ...], transcript_url: str | None
) -> str:
    """The JSON text for `<script type="application/ld+json">`.

    `transcript_url` is the absolute address of the transcript's plain text.
    """
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": event.url,
        "startDate": event.start.isoformat(),
        "eventStatus": f"{_SCHEMA}EventScheduled",
        "inLanguage": "ru",
        "organizer": {
            "@type": "Organization",
            "name": event.organizer,
            "url": f"{event.site_url}/",
        },
    }
    if event.description:
        data["description"] = event.description
    if event.format in ATTENDANCE_MODES:
        data["eventAttendanceMode"] = ATTENDANCE_MODES[event.format]
    locations = _locations(event)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if videos:
        data["recordedIn"] = [
            _video_object(event, video, transcript_url if video.number == 1 else None)
            for video in videos
        ]
    return script_json(data)


def _locations(event: EventFacts) -> list[dict[str, str]]:
    locations = []
    if event.format in _IN_PERSON and event.venue:
        locations.append(
            {"@type": "Place", "name": event.venue, "address": event.venue}
        )
    if event.format in _ONLINE:
        # The meeting is watched on its page.
        locations.append({"@type": "VirtualLocation", "url": event.url})
    return locations


def _video_object(
    event: EventFacts, video: VideoView, transcript_url: str | None
) -> dict[str, object]:
    name = f"{event.title}. {video.label}" if video.label else event.title
    data: dict[str, object] = {
        "@type": "VideoObject",
        "name": name,
        "description": event.description or name,
        "uploadDate": event.start.isoformat(),
        "thumbnailUrl": event.poster_url,
        "inLanguage": "ru",
    }
    if video.is_file:
        prefix = event.site_url if video.local else ""
        data["contentUrl"] = f"{prefix}{video.watch_url}"
        data["encodingFormat"] = video.media_type
    else:
        data["embedUrl"] = video.embed_url
        data["url"] = video.watch_url
    if transcript_url:
        # schema.org's `transcript` is the text itself; the file is a document
        # about the video.
        data["subjectOf"] = {
            "@type": "DigitalDocument",
            "name": f"Стенограмма: {name}",
            "url": transcript_url,
            "encodingFormat": "text/plain",
            "inLanguage": "ru",
        }
    return data
