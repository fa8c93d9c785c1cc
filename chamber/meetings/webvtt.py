"""A transcript as a WebVTT track: every word, in cues of readable length.

A turn is cut at word boundaries into cues of about two caption lines; its time,
from its start to the next later start, is shared among them in proportion to
their length. The first cue of a turn is named after the turn's anchor
("turn-3", the next ones "turn-3-2", …), so that a cue in the file can be traced
to its turn on the page. Its text starts with the speaker's name: browsers do not
show the `<v>` voice tag, only the text after it.
"""

from bisect import bisect_right

from chamber.meetings.plain_text import paragraph_text
from chamber.transcript import Transcript, Turn, format_timestamp

# When the video's duration is not known, the last turn is given this long.
DEFAULT_LAST_CUE_SECONDS = 60
# Two lines of a caption as players show them (BBC and Netflix guidance: about
# 37–42 characters a line).
CUE_TEXT_LIMIT = 84


def to_webvtt(transcript: Transcript, duration: int | None = None) -> str:
    """Cues from each timed turn's start to the next later start.

    The last turn ends at `duration`, the video's length in seconds, when it is
    given and later than the turn's start; otherwise 60 seconds after it. Untimed
    turns are left out. Turns are ordered by start time, because WebVTT requires
    it and editors' times may go backwards (the parser warns about that).
    """
    if duration is not None and duration <= 0:
        raise ValueError(f"Длительность видео должна быть больше нуля: {duration}")
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
        if later < len(starts):
            end = starts[later]
        elif duration is not None and duration > turn.start:
            end = duration
        else:
            end = turn.start + DEFAULT_LAST_CUE_SECONDS
        cues.extend(_turn_cues(turn, turn.start * 1000, end * 1000))
    return "\n\n".join(["WEBVTT", *cues]) + "\n"


def _turn_cues(turn: Turn, start_ms: int, end_ms: int) -> list[str]:
    speech = " ".join(map(paragraph_text, turn.paragraphs))
    # One line per cue: a blank line would end the cue early.
    pieces = split_text(" ".join(f"{turn.speaker}: {speech}".split()))
    total = sum(len(piece) for piece in pieces)
    cues, done = [], 0
    for index, piece in enumerate(pieces):
        cue_start = start_ms + (end_ms - start_ms) * done // total
        done += len(piece)
        cue_end = start_ms + (end_ms - start_ms) * done // total
        name = turn.anchor if index == 0 else f"{turn.anchor}-{index + 1}"
        cues.append(
            f"{name}\n{_cue_time(cue_start)} --> {_cue_time(cue_end)}\n"
            f"<v {_escape(turn.speaker)}>{_escape(piece)}"
        )
    return cues


def split_text(text: str) -> list[str]:
    """Pieces of at most ``CUE_TEXT_LIMIT`` characters, cut between words; a word
    longer than that is a piece of its own. Sentence ends are preferred as cut
    points in the second half of a piece."""
    limit = CUE_TEXT_LIMIT
    pieces: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            head, tail = _at_sentence_end(current, limit)
            pieces.append(head)
            current = f"{tail} {word}" if tail else word
            if tail and len(current) > limit:  # a long word after the tail
                pieces.append(tail)
                current = word
        else:
            current = word
        if len(current) > limit and " " not in current:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _at_sentence_end(text: str, limit: int) -> tuple[str, str]:
    """Cut after the last «.», «!» or «?» past the middle of a piece, if any."""
    for position in range(len(text) - 1, limit // 2, -1):
        if text[position] == " " and text[position - 1] in ".!?…":
            return text[:position], text[position + 1 :]
    return text, ""


def _cue_time(milliseconds: int) -> str:
    seconds, millis = divmod(milliseconds, 1000)
    return f"{format_timestamp(seconds)}.{millis:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
