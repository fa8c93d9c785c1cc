"""What can be wrong with a meeting's transcript and video files, told to editors.

Each function returns the content model's `Problem`s, named after the file an
editor has to open: the transcript (with its line) or the meeting itself.
"""

from collections.abc import Iterable
from urllib.parse import urlsplit

from content_model.problems import Problem
from content_model.sections import FIELD_LABELS
from content_model.source import unsafe_urls

from .embeds import parse_video_url
from .page import LabelledVideo, TranscriptView
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
            problems.append(Problem(path, _unsafe_message(url), None, line))
    return problems


def video_file_problems(
    path: str, videos: Iterable[LabelledVideo], site_url: str
) -> list[Problem]:
    """Video files on other hosts: readers' browsers would show an empty player.

    The Content Security Policy allows media from the site itself only. Whether
    the site's own file exists is checked with the feeds, which need its size.
    """
    problems = []
    for video in videos:
        if parse_video_url(video.url).provider != "file":
            continue
        if urlsplit(video.url).netloc and not video.url.startswith(f"{site_url}/"):
            problems.append(
                Problem(
                    path,
                    f"видеофайл «{video.url}» лежит на другом сайте, а браузеры "
                    "читателей показывают видео только с сайта Палаты. Положите файл "
                    "в папку content/files/ и укажите ссылку вида /files/zasedanie.mp4.",
                    FIELD_LABELS["video"],
                )
            )
    return problems


def _unsafe_message(url: str) -> str:
    return (
        f"ссылка «{url}» запускает программу в браузере читателя; такие ссылки "
        "запрещены. Укажите обычный адрес https://…"
    )
