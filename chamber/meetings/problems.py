"""What can be wrong with a meeting's transcript, told to editors.

Each function returns the content model's `Problem`s, named after the file an
editor has to open: the transcript (with its line) or the meeting itself.
"""

from chamber.html_safety import checked, locate
from chamber.meetings.markup import is_plain, paragraph_markup
from chamber.problems import Problem
from chamber.transcript import Transcript


def transcript_problems(
    path: str, transcript: Transcript
) -> tuple[list[Problem], list[Problem]]:
    """The parser's findings as (errors, warnings); `path` is relative to content/."""
    errors, warnings = [], []
    for found in transcript.problems:
        problem = Problem(path, found.message, None, found.line)
        (errors if found.severity == "error" else warnings).append(problem)
    return errors, warnings


def html_problems(
    path: str, source: str, transcript: Transcript, site_url: str
) -> list[Problem]:
    """HTML in the transcript that the site does not publish (scripts, frames…).

    Each finding is reported at the first line from its paragraph's turn header
    that holds it, so at the very paragraph; one spelt with entities, at the header.
    """
    blocks = [(1, transcript.preamble)] + [
        (turn.line, turn.paragraphs) for turn in transcript.turns
    ]
    problems = []
    for first_line, paragraphs in blocks:
        findings = [
            finding
            for paragraph in paragraphs
            if not is_plain(paragraph)  # no markup, so no HTML either
            for finding in checked(paragraph_markup(paragraph), site_url)[1]
        ]
        lines = locate(source, [f.needle for f in findings], first_line)
        for finding, line in dict.fromkeys(zip(findings, lines, strict=True)):
            problems.append(Problem(path, finding.message, None, line or first_line))
    return problems
