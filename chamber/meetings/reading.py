"""A meeting's transcript file read once: decoded, parsed and checked.

The content model's reader calls this for the file a meeting's Transcript field
names; the problems are the transcript's own, named after its path.
"""

from dataclasses import dataclass

from chamber.meetings.problems import html_problems, transcript_problems
from chamber.problems import FieldError, Problem
from chamber.source import (
    CONTROL_CHARACTERS_WARNING,
    decode_source,
    without_control_characters,
)
from chamber.transcript import Transcript, parse_transcript


@dataclass(frozen=True)
class TranscriptReading:
    # None: the file cannot be read; its errors say why.
    transcript: Transcript | None
    errors: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def read_transcript(data: bytes, path: str, site_url: str) -> TranscriptReading:
    """The transcript in ``data``, the file at ``path`` (relative to content/)."""
    try:
        text = decode_source(data)
        text, control_line = without_control_characters(text)
        transcript = parse_transcript(text)
    except FieldError as error:
        return TranscriptReading(None, (Problem(path, str(error)),), ())
    errors, warnings = transcript_problems(path, transcript)
    if control_line is not None:
        warnings.insert(
            0, Problem(path, CONTROL_CHARACTERS_WARNING, None, control_line)
        )
    errors.extend(html_problems(path, text, transcript, site_url))
    return TranscriptReading(transcript, tuple(errors), tuple(warnings))
