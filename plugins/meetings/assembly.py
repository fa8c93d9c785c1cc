"""Each meeting article gets its page model, JSON-LD, speakers and downloads.

Runs when the articles have been read (`article_generator_finalized`), from each
meeting's record: the content model's reader has read and checked the transcript
with the rest of the publication, and reported its problems.
"""

from dataclasses import dataclass

from markupsafe import Markup

from build_cache import remembered
from chamber.meetings.page import MeetingPage, build_meeting_page
from chamber.meetings.plain_text import to_plain_text
from chamber.meetings.speakers import MeetingTranscript, index_speakers
from chamber.meetings.structured_data import POSTER, EventFacts, meeting_json_ld
from chamber.meetings.webvtt import to_webvtt
from chamber.publication import PublicationRecord
from chamber.transcript import Transcript
from chamber.typography import typograph_html

# Speech typography is a pure function of its HTML: kept between builds by
# build_speed, as the bodies' is.
_typographed = remembered("meeting-speech", typograph_html)


@dataclass(frozen=True)
class Download:
    save_as: str  # relative to the output folder; also its site-relative URL
    text: str


def attach_meeting_pages(generator) -> None:
    settings = generator.settings
    published = {id(article) for article in generator.articles}
    # Published, with a transcript (and its plain text).
    listed: list[tuple[object, Transcript, str]] = []
    for article in (*generator.articles, *generator.drafts):
        record = getattr(article, "record", None)
        if record is None or record.section != "meetings":
            continue
        transcript = record.transcript.transcript if record.transcript else None
        # Drafts are previewed under another address: no files beside them.
        is_listed = id(article) in published and transcript is not None
        article.meeting = _meeting_page(article, record, settings, is_listed)
        shown = article.meeting.transcript
        text_url = f"{settings['SITEURL']}/{shown.text_url}" if is_listed else None
        article.meeting_json_ld = meeting_json_ld(
            _event_facts(article, record, settings), article.meeting.videos, text_url
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


def _meeting_page(
    article, record: PublicationRecord, settings, is_listed: bool
) -> MeetingPage:
    def file_of(setting: str) -> str | None:
        return settings[setting].format(slug=article.slug) if is_listed else None

    transcript = record.transcript
    return build_meeting_page(
        record.video,
        transcript.transcript if transcript else None,
        transcript.path if transcript else None,
        text_url=file_of("MEETINGS_TRANSCRIPT_TEXT_SAVE_AS"),
        captions_url=file_of("MEETINGS_CAPTIONS_SAVE_AS"),
        typograph=_typographed,
    )


def _downloads(article, transcript: Transcript, text: str) -> list[Download]:
    shown = article.meeting.transcript
    downloads = [Download(shown.text_url, text)]
    if shown.captions_url:
        captions = to_webvtt(transcript, article.record.duration)
        downloads.append(Download(shown.captions_url, captions))
    return downloads


def _event_facts(article, record: PublicationRecord, settings) -> EventFacts:
    summary = getattr(article, "summary", None)
    return EventFacts(
        title=article.title,
        url=f"{settings['SITEURL']}/{article.url}",
        start=article.date,
        format=record.format,
        description=Markup(summary).striptags() if summary else None,
        organizer=settings["SITENAME"],
        site_url=settings["SITEURL"],
        poster_url=f"{settings['SITEURL']}/{settings['THEME_STATIC_DIR']}/{POSTER}",
        venue=settings["MEETINGS_VENUE"],
    )
