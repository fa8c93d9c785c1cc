"""What can be wrong with a meeting's transcript, told to editors.

Each function returns the content model's `Problem`s, named after the file an
editor has to open: the transcript (with its line) or the meeting itself.
"""

from content_model.problems import Problem
from content_model.source import unsafe_url_message, unsafe_urls

from .page import TranscriptView
from .transcript import Transcript


def transcript_problems(
    path: str, transcript: Transcript
) -> tuple[list[Problem], list[Problem]]:
    """The parser's findings as (errors, warnings); `path` is relative to content/."""
    errors, warnings = [], []
    for found in transcript.problems:
        problem = Problem(path, found.message, None, found.line)
        (errors if found.severity == "error" else warnings).append(problem)
    return errors, warnings


def warning_text(problem: Problem) -> str:
    """A warning as logged: told apart from the errors that stop the build."""
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"{where}: предупреждение (сборка продолжается): {problem.message}"


def unsafe_link_problems(
    path: str, source: str, transcript: Transcript, view: TranscriptView
) -> list[Problem]:
    """Links in the rendered transcript that would run code in a reader's browser.

    Each is reported at the first line from its turn's header that holds it, so
    at the very paragraph; a link spelled with HTML entities, at the header.
    """
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = [(1, view.preamble_html)] + [
        (turn.line, shown.html)
        for turn, shown in zip(transcript.turns, view.turns, strict=True)
    ]
    problems = []
    for first_line, html in blocks:
        for url in unsafe_urls(html):
            line = next(
                (
                    number
                    for number, text in enumerate(lines, start=1)
                    if number >= first_line and url in text
                ),
                first_line,
            )
            problems.append(Problem(path, unsafe_url_message(url), None, line))
    return problems
