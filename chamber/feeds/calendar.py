"""An iCalendar (RFC 5545) file of the Chamber's meetings for calendar apps."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from chamber.sections import MEETING_FORMAT_TABLE

# Calendar apps show LOCATION next to the time; for a meeting held online that
# is where the member has to go.
LOCATIONS = {key: f.location for key, f in MEETING_FORMAT_TABLE.items()}


@dataclass(frozen=True)
class MeetingEvent:
    uid: str
    title: str
    url: str
    start: datetime
    duration: timedelta
    format: str
    description: str
    modified: datetime


def build_calendar(
    events: Iterable[MeetingEvent], calendar_name: str, prodid: str, zone: ZoneInfo
) -> bytes:
    """The calendar with its times in `zone`, the site's TIMEZONE."""
    calendar = Calendar()
    calendar.version = "2.0"
    calendar.prodid = prodid
    calendar.calscale = "GREGORIAN"
    calendar.method = "PUBLISH"
    calendar.calendar_name = calendar_name
    calendar.add("X-WR-TIMEZONE", zone.key)
    # Added even without events, and for the whole range icalendar supports,
    # so that the block does not change every time a meeting is added.
    calendar.add_component(Timezone.from_tzid(zone.key))
    for event in sorted(events, key=lambda event: (event.start, event.uid)):
        calendar.add_component(_event(event, zone))
    return calendar.to_ical()


def _event(event: MeetingEvent, zone: ZoneInfo) -> Event:
    if event.format not in LOCATIONS:
        raise ValueError(
            f"Заседание «{event.title}»: формат «{event.format}» неизвестен, "
            f"допустимы: {', '.join(LOCATIONS)}"
        )
    start = _in_zone(event.start, zone, event.title)
    return Event.new(
        uid=event.uid,
        # DTSTAMP must not be "now", or every build would change the file.
        stamp=_in_zone(event.modified, zone, event.title),
        start=start,
        end=start + event.duration,
        summary=event.title,
        url=event.url,
        description=event.description,
        location=LOCATIONS[event.format],
        categories=[event.format],
    )


def _in_zone(moment: datetime, zone: ZoneInfo, title: str) -> datetime:
    # A fixed "+03:00" offset would come out as a TZID no VTIMEZONE describes.
    if moment.tzinfo is None:
        raise ValueError(
            f"Заседание «{title}»: время {moment} указано без часового пояса"
        )
    return moment.astimezone(zone)
