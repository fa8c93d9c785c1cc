"""Each meeting article gets its page model, JSON-LD, speakers and downloads.

Runs when the articles have been read (`article_generator_finalized`), before the
content model reports every problem at once, so that a broken transcript fails
the build together with the rest.
"""

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from chamber.meetings.page import MeetingPage, build_meeting_page
from chamber.meetings.plain_text import to_plain_text
from chamber.meetings.problems import html_problems, transcript_problems
from chamber.meetings.speakers import MeetingTranscript, index_speakers
from chamber.meetings.structured_data import POSTER, EventFacts, meeting_json_ld
from chamber.meetings.webvtt import to_webvtt
from chamber.problems import FieldError, Problem, unexpected_error
from chamber.source import (
    CONTROL_CHARACTERS_WARNING,
    decode_source,
    without_control_characters,
)
from chamber.transcript import Transcript, parse_transcript
from content_model.state import BUILD


@dataclass(frozen=True)
class Download:
    save_as: str  # relative to the output folder; also its site-relative URL
    text: str


def attach_meeting_pages(generator) -> None:
    settings = generator.settings
    published = {id(article) for article in generator.articles}
    readings: dict[str, tuple[str, Transcript] | None] = {}
    # Published, with a transcript (and its plain text).
    listed: list[tuple[object, Transcript, str]] = []
    for article in (*generator.articles, *generator.drafts):
        if getattr(article, "section", None) != "meetings":
            continue
        path = getattr(article, "transcript", None)
        first_reading = path is not None and path not in readings
        if first_reading:
            readings[path] = _read_transcript(Path(settings["PATH"]), path)
        source, transcript = readings.get(path) or (None, None)
        # Drafts are previewed under another address: no files beside them.
        is_listed = id(article) in published and transcript is not None
        article.meeting = _meeting_page(article, transcript, settings, is_listed)
        shown = article.meeting.transcript
        if first_reading and shown is not None:
            for problem in html_problems(path, source, transcript, settings["SITEURL"]):
                BUILD.add(problem)
        text_url = f"{settings['SITEURL']}/{shown.text_url}" if is_listed else None
        article.meeting_json_ld = meeting_json_ld(
            _event_facts(article, settings), article.meeting.videos, text_url
        )
        if is_listed:
            listed.append(
                (article, transcript, to_plain_text(transcript, article.title))
            )
    generator.context["meeting_speakers"] = index_speakers(
        MeetingTranscript(article.title, article.url, article.date, transcript)
        for article, transcript, _ in listed
    )
    generator.context["meeting_downloads"] = tuple(
        download
        for article, transcript, text in listed
        for download in _downloads(article, transcript, text)
    )


def _meeting_page(article, transcript, settings, is_listed: bool) -> MeetingPage:
    def file_of(setting: str) -> str | None:
        return settings[setting].format(slug=article.slug) if is_listed else None

    return build_meeting_page(
        getattr(article, "video", ()),
        transcript,
        getattr(article, "transcript", None),
        text_url=file_of("MEETINGS_TRANSCRIPT_TEXT_SAVE_AS"),
        captions_url=file_of("MEETINGS_CAPTIONS_SAVE_AS"),
    )


def _downloads(article, transcript: Transcript, text: str) -> list[Download]:
    shown = article.meeting.transcript
    downloads = [Download(shown.text_url, text)]
    if shown.captions_url:
        captions = to_webvtt(transcript, getattr(article, "duration", None))
        downloads.append(Download(shown.captions_url, captions))
    return downloads


def _read_transcript(content_dir: Path, path: str) -> tuple[str, Transcript] | None:
    try:
        text = decode_source((content_dir / path).read_bytes())
        text, control_line = without_control_characters(text)
        transcript = parse_transcript(text)
    except FieldError as error:
        BUILD.add(Problem(path, str(error)))
        return None
    except Exception as error:  # one broken file must not hide the others
        BUILD.add(Problem(path, unexpected_error(error)))
        return None
    if control_line is not None:
        BUILD.warn(Problem(path, CONTROL_CHARACTERS_WARNING, None, control_line))
    errors, warnings = transcript_problems(path, transcript)
    for problem in errors:
        BUILD.add(problem)
    for problem in warnings:
        BUILD.warn(problem)
    return text, transcript


def _event_facts(article, settings) -> EventFacts:
    summary = getattr(article, "summary", None)
    return EventFacts(
        title=article.title,
        url=f"{settings['SITEURL']}/{article.url}",
        start=article.date,
        format=getattr(article, "format", None),
        description=Markup(summary).striptags() if summary else None,
        organizer=settings["SITENAME"],
        site_url=settings["SITEURL"],
        poster_url=f"{settings['SITEURL']}/{settings['THEME_STATIC_DIR']}/{POSTER}",
        venue=settings["MEETINGS_VENUE"],
    )
