"""Everyone who spoke at the meetings, for the /speakers/ page.

A speaker is known by the Latin slug of the name: «Королёв» and «Королев», or a
name once typed with a stray capital, are one person. The slug is also the
speaker's anchor on /speakers/, so a meeting page can link straight to it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from russian.slugs import slugify

from .transcript import Transcript, Turn, format_timestamp


def speaker_anchor(name: str) -> str:
    # A name of punctuation only has no slug; it still needs a valid id.
    return f"speaker-{slugify(name) or 'bez-imeni'}"


@dataclass(frozen=True)
class MeetingTranscript:
    """One published meeting and its parsed transcript."""

    title: str
    url: str  # site-relative, e.g. "meetings/slug/"
    date: datetime
    transcript: Transcript


@dataclass(frozen=True)
class TurnLink:
    anchor: str
    number: int
    time_label: str | None  # ЧЧ:ММ:СС, or None for an untimed turn


@dataclass(frozen=True)
class Appearance:
    title: str
    url: str
    date: datetime
    role: str | None
    turns: tuple[TurnLink, ...]


@dataclass(frozen=True)
class SpeakerEntry:
    name: str  # as first written, in the oldest meeting
    anchor: str
    roles: tuple[str, ...]  # every role given, oldest first
    appearances: tuple[Appearance, ...]  # oldest meeting first

    @property
    def turn_count(self) -> int:
        return sum(len(appearance.turns) for appearance in self.appearances)


def index_speakers(meetings: Iterable[MeetingTranscript]) -> tuple[SpeakerEntry, ...]:
    """Every speaker in alphabetical order, each with the meetings they spoke at."""
    names: dict[str, str] = {}
    roles: dict[str, list[str]] = {}
    appearances: dict[str, list[Appearance]] = {}
    for meeting in sorted(meetings, key=lambda m: (m.date, m.url)):
        for anchor, turns in _turns_by_speaker(meeting.transcript).items():
            names.setdefault(anchor, turns[0].speaker)
            known = roles.setdefault(anchor, [])
            meeting_roles = [turn.role for turn in turns if turn.role]
            known.extend(
                role for role in dict.fromkeys(meeting_roles) if role not in known
            )
            appearances.setdefault(anchor, []).append(
                Appearance(
                    meeting.title,
                    meeting.url,
                    meeting.date,
                    meeting_roles[0] if meeting_roles else None,
                    tuple(_link(turn) for turn in turns),
                )
            )
    entries = (
        SpeakerEntry(names[a], a, tuple(roles[a]), tuple(appearances[a])) for a in names
    )
    return tuple(
        sorted(entries, key=lambda entry: (_collation_key(entry.name), entry.anchor))
    )


def _turns_by_speaker(transcript: Transcript) -> dict[str, list[Turn]]:
    grouped: dict[str, list[Turn]] = {}
    for turn in transcript.turns:
        grouped.setdefault(speaker_anchor(turn.speaker), []).append(turn)
    return grouped


def _link(turn: Turn) -> TurnLink:
    time_label = None if turn.start is None else format_timestamp(turn.start)
    return TurnLink(turn.anchor, turn.index, time_label)


def _collation_key(name: str) -> str:
    # Code-point order is alphabetical for Russian except «ё», which sorts last.
    return name.casefold().replace("ё", "е")
