"""A transcript as a WebVTT track: one cue per timed turn.

Each cue is named after the turn's anchor ("turn-3"), so that a cue in the file
can be traced to its turn on the page. Its text starts with the speaker's name:
browsers do not show the `<v>` voice tag, only the text after it.
"""

from bisect import bisect_right

from .plain_text import paragraph_text
from .transcript import Transcript, Turn, format_timestamp

DEFAULT_LAST_CUE_SECONDS = 60
CUE_TEXT_LIMIT = 200


def to_webvtt(transcript: Transcript, duration_hint: int | None = None) -> str:
    """Cues run from a turn's start to the next later start.

    The last cue lasts `duration_hint` seconds (60 when not given). Untimed turns
    are left out. Cues are ordered by start time, because WebVTT requires it and
    editors' times may go backwards (the parser warns about that).
    """
    last_cue_seconds = (
        DEFAULT_LAST_CUE_SECONDS if duration_hint is None else duration_hint
    )
    if last_cue_seconds <= 0:
        raise ValueError(
            "Длительность последнего фрагмента должна быть больше нуля: "
            f"{duration_hint}"
        )
    timed = sorted(
        (turn for turn in transcript.turns if turn.start is not None),
        key=lambda turn: turn.start,
    )
    starts = sorted({turn.start for turn in timed})
    cues = []
    for turn in timed:
        # Turns sharing a start overlap rather than get a zero-length cue,
        # which WebVTT forbids.
        later = bisect_right(starts, turn.start)
        end = starts[later] if later < len(starts) else turn.start + last_cue_seconds
        cues.append(
            f"{turn.anchor}\n"
            f"{_cue_time(turn.start)} --> {_cue_time(end)}\n"
            f"<v {_escape(turn.speaker)}>{_escape(_cue_text(turn))}"
        )
    return "\n\n".join(["WEBVTT", *cues]) + "\n"


def _cue_time(seconds: int) -> str:
    return f"{format_timestamp(seconds)}.000"


def _cue_text(turn: Turn) -> str:
    speech = " ".join(map(paragraph_text, turn.paragraphs))
    # One line: a blank line would end the cue early.
    text = " ".join(f"{turn.speaker}: {speech}".split())
    if len(text) <= CUE_TEXT_LIMIT:
        return text
    cut = text[:CUE_TEXT_LIMIT]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > 0 else cut) + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
