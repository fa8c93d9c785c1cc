"""What the reader's pages show beyond a publication's own fields: the meeting
the home page points to, a digest's table of contents, a document's history.

Plain functions of the publications, without Pelican.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class MeetingToShow:
    meeting: object
    upcoming: bool


def meeting_to_show(meetings: Iterable, as_of: datetime.date) -> MeetingToShow | None:
    """The next meeting on or after the as-of date, else the last one before it.

    Judged by the build's as-of date, never the clock, so that one input gives
    one output.
    """
    dated = sorted(meetings, key=lambda meeting: meeting.date)
    upcoming = [m for m in dated if m.date.date() >= as_of]
    if upcoming:
        return MeetingToShow(upcoming[0], True)
    return MeetingToShow(dated[-1], False) if dated else None


@dataclass(frozen=True)
class HistoryEntry:
    date: datetime.date
    text: str


def document_history(
    published: datetime.datetime,
    modified: datetime.datetime | None,
    notes: Iterable = (),
) -> list[HistoryEntry]:
    """A document's changes, oldest first: its publication, the editors' dated
    notes, and the last change (`Modified`) when no note of that day says more."""
    entries = [HistoryEntry(published.date(), "Опубликован на сайте.")]
    entries += [HistoryEntry(note.date, note.text) for note in notes]
    noted_days = {entry.date for entry in entries}
    if modified is not None and modified.date() not in noted_days:
        entries.append(HistoryEntry(modified.date(), "Документ обновлён."))
    return sorted(entries, key=lambda entry: entry.date)
