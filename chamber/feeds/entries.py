"""What goes into a feed, independent of Pelican and of the feed format."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlsplit

# RFC 3986 scheme followed by something: such a Feed-Id is already a URI.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    media_type: str


@dataclass(frozen=True)
class FeedEntry:
    entry_id: str
    title: str
    url: str
    content_html: str
    summary_html: str
    published: datetime
    updated: datetime
    authors: tuple[str, ...]
    categories: tuple[str, ...]
    enclosures: tuple[Enclosure, ...] = ()
    related_links: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class FeedInfo:
    feed_id: str
    title: str
    subtitle: str
    site_url: str
    self_url_atom: str
    self_url_rss: str
    stylesheet_url: str | None
    language: str = "ru"
    # The /feeds/ page: the Atom subtitle links to it, for a feed opened in a browser.
    catalogue_url: str | None = None


def stable_entry_id(
    site_url: str, source_path: str, feed_id: str | None, since: str = "2021"
) -> str:
    """A tag URI (RFC 4151) that survives edits to title, date, slug and body.

    Readers deduplicate by id: an id derived from the slug or date would show
    a corrected article as a new one. The content file's path is what editors
    change least. When a file has to move, its old path (or any URI) given as
    ``Feed-Id`` keeps the id the subscribers already have.
    """
    host = urlsplit(site_url).hostname
    if not host:
        raise ValueError(
            f"Адрес сайта «{site_url}» должен быть абсолютным (https://…): "
            "из него строятся постоянные идентификаторы записей лент"
        )
    explicit = (feed_id or "").strip()
    if _URI.match(explicit):
        return explicit
    # macOS hands out decomposed (NFD) file names: «й» and «ё» would otherwise
    # give a different id depending on the machine that built the site.
    specific = unicodedata.normalize("NFC", explicit or source_path.strip("/"))
    return f"tag:{host},{since}:{quote(specific, safe='/')}"
