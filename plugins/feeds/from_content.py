"""Pelican's published content as feed entries and calendar events.

Takes Pelican's content objects by their attributes only, so that the rules can
be tested with plain stand-ins.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

from markupsafe import Markup, escape

from chamber.absolutise import absolutise_html
from chamber.feeds.calendar import MeetingEvent
from chamber.feeds.entries import Enclosure, FeedEntry, stable_entry_id
from chamber.sections import SECTIONS
from chamber.video import provider_label, watch_url


@dataclass(frozen=True)
class Site:
    url: str  # absolute, without a trailing slash
    id_since: str
    zone: ZoneInfo  # TIMEZONE: feed dates carry the site's own offset

    def absolute(self, relative_url: str) -> str:
        return f"{self.url}/{relative_url}"


@dataclass(frozen=True)
class VideoLinks:
    enclosures: tuple[Enclosure, ...]
    related: tuple[tuple[str, str], ...]  # (href, title)


def entry_id(content, site: Site) -> str:
    """The entry's permanent id: its source file, unless ``Feed-Id`` pins another."""
    return stable_entry_id(
        site.url,
        content.relative_source_path,
        content.record.feed_id,
        site.id_since,
    )


def feed_entry(article, site: Site) -> FeedEntry:
    url = site.absolute(article.url)
    videos = video_links(article.record.video, site)
    # get_content(url) rather than .content: the latter follows whichever page
    # Pelican wrote last when URLs are relative (the preview).
    return FeedEntry(
        entry_id=entry_id(article, site),
        title=article.title,
        url=url,
        content_html=absolutise_html(article.get_content(site.url), url)
        + _video_paragraphs(videos.related),
        summary_html=absolutise_html(article.get_summary(site.url), url),
        published=article.date.astimezone(site.zone),
        updated=_updated(article).astimezone(site.zone),
        authors=tuple(author.name for author in getattr(article, "authors", ())),
        categories=_categories(article),
        enclosures=videos.enclosures,
        related_links=videos.related,
    )


def _video_paragraphs(related: tuple[tuple[str, str], ...]) -> str:
    """Hosted videos in the text too: RSS has no place for more than one link."""
    return "".join(
        f'\n<p><a href="{escape(href)}">{escape(title)}</a></p>'
        for href, title in related
    )


def meeting_event(
    article, site: Site, duration: timedelta, stamp: datetime
) -> MeetingEvent:
    url = site.absolute(article.url)
    # No separator: inline tags must not split words from their punctuation;
    # Markdown puts a line break between blocks anyway.
    summary = Markup(article.get_summary(site.url)).striptags()
    # Calendar apps show the description as plain text and rarely the URL property.
    paragraphs = (" ".join(summary.split()), f"Страница заседания: {url}")
    return MeetingEvent(
        uid=entry_id(article, site),
        title=article.title,
        url=url,
        start=article.date,
        duration=duration,
        format=article.record.format,
        description="\n\n".join(part for part in paragraphs if part),
        # When this calendar entry was last made: the page's Modified, else the
        # date the site is built for. A meeting's Date is when it takes place.
        modified=getattr(article, "modified", None) or stamp,
    )


def video_links(videos: Iterable, site: Site) -> VideoLinks:
    """A meeting's videos: the site's own files as enclosures, the rest as links.

    An enclosure needs its exact size, so only a file found in the content
    folder (``/files/…``) can be one; a file on another host is linked instead.
    """
    enclosures, related = [], []
    for labelled in videos:
        video = labelled.video
        if video.provider != "file":
            provider = provider_label(video)
            title = (
                f"{labelled.label} — видеозапись на {provider}"
                if labelled.label
                else f"Видеозапись на {provider}"
            )
            related.append((watch_url(video), title))
            continue
        # The content model has made sure the file is the site's own and exists.
        enclosures.append(
            Enclosure(
                site.absolute(quote(labelled.file)), labelled.size, video.media_type
            )
        )
    return VideoLinks(tuple(enclosures), tuple(related))


def _updated(content) -> datetime:
    return getattr(content, "modified", None) or content.date


def _categories(article) -> tuple[str, ...]:
    names = [SECTIONS[article.record.section].name]
    names.extend(tag.name for tag in getattr(article, "tags", ()))
    city = article.record.city
    if city is not None:
        names.append(city.name)
    # A tag may repeat the city's name; a category shown twice helps no one.
    return tuple(dict.fromkeys(names))
