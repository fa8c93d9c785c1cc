"""Who spoke: on a meeting page, and across meetings on /speakers/ and a page per speaker.

One rule tells whether two turns are by the same person, here and there alike:
the Latin slug of the name (`speaker_key`), so that «Королёв Пётр», «Королев
Петр» and «королев  петр» are one person, as are «Иванов И.И.» and «Иванов И. И.».
The key is also the slug of the speaker's own page (`MEETINGS_SPEAKER_URL`), so
a meeting page can link straight to it. One page per speaker, rather than one
page for all, keeps every page's size independent of how many meetings there are.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from chamber.russian.slugs import slugify
from chamber.transcript import Transcript, Turn, format_timestamp


def speaker_key(name: str) -> str:
    """The same for every spelling of one name: case, «ё», spaces and dots aside."""
    # Punctuation separates words as a space does: «И.И.» is «И. И.».
    words = re.sub(r"\W+", " ", name)
    # A name of punctuation only has no slug; it still needs a valid id.
    return slugify(words) or "bez-imeni"


def turns_by_speaker(turns: Iterable[Turn]) -> dict[str, list[Turn]]:
    """Turns grouped by `speaker_key`, speakers in order of first appearance."""
    grouped: dict[str, list[Turn]] = {}
    for turn in turns:
        grouped.setdefault(speaker_key(turn.speaker), []).append(turn)
    return grouped


@dataclass(frozen=True)
class Speaker:
    """One person's turns in one meeting."""

    name: str  # as first written in the transcript
    role: str | None  # the first role given: usually only on the first turn
    turn_count: int
    first_anchor: str
    key: str  # the slug of the speaker's page


def meeting_speakers(transcript: Transcript) -> tuple[Speaker, ...]:
    """Everyone who spoke at one meeting, in order of first appearance."""
    return tuple(
        Speaker(
            turns[0].speaker,
            next((turn.role for turn in turns if turn.role), None),
            len(turns),
            turns[0].anchor,
            key,
        )
        for key, turns in turns_by_speaker(transcript.turns).items()
    )


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
    key: str  # the slug of the speaker's page
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
        for key, turns in turns_by_speaker(meeting.transcript.turns).items():
            names.setdefault(key, turns[0].speaker)
            known = roles.setdefault(key, [])
            meeting_roles = [turn.role for turn in turns if turn.role]
            known.extend(
                role for role in dict.fromkeys(meeting_roles) if role not in known
            )
            appearances.setdefault(key, []).append(
                Appearance(
                    meeting.title,
                    meeting.url,
                    meeting.date,
                    meeting_roles[0] if meeting_roles else None,
                    tuple(_link(turn) for turn in turns),
                )
            )
    entries = (
        SpeakerEntry(names[k], k, tuple(roles[k]), tuple(appearances[k])) for k in names
    )
    return tuple(
        sorted(entries, key=lambda entry: (_collation_key(entry.name), entry.key))
    )


def _link(turn: Turn) -> TurnLink:
    time_label = None if turn.start is None else format_timestamp(turn.start)
    return TurnLink(turn.anchor, turn.index, time_label)


def _collation_key(name: str) -> str:
    # Code-point order is alphabetical for Russian except «ё», which sorts last.
    return name.casefold().replace("ё", "е")
