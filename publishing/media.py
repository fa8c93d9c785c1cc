"""What a server or a bucket must say about each file: its type and how long to cache it."""

import mimetypes
import re

TEXT = "; charset=utf-8"
# Longest suffix first: a feed is `….atom.xml`, not just XML.
TYPES = {
    ".atom.xml": "application/atom+xml",
    ".rss.xml": "application/rss+xml",
    ".html": "text/html" + TEXT,
    ".css": "text/css" + TEXT,
    ".js": "text/javascript" + TEXT,
    ".json": "application/json",
    ".ics": "text/calendar" + TEXT,
    ".vtt": "text/vtt" + TEXT,
    ".txt": "text/plain" + TEXT,
    ".csv": "text/csv" + TEXT,
    ".xsl": "application/xslt+xml",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
}

# A name carrying its content's hash (Pagefind's index and fragments) never
# changes its content: cached for a year.
_HASHED_NAME = re.compile(r"[._-][0-9a-f]{7,}\.[A-Za-z0-9_]+$")
_DOCUMENT_SUFFIXES = (".html", ".xml", ".json", ".ics", ".txt", ".vtt", "_headers")

CACHE_HASHED = "public, max-age=31536000, immutable"
# Pages, feeds and data change with every publication.
CACHE_DOCUMENT = "public, max-age=300"
# Styles, scripts, pictures and attachments keep their names when they change.
CACHE_STATIC = "public, max-age=3600"
CACHE_MANIFEST = "no-cache"


def content_type(path: str) -> str:
    lower = path.lower()
    for suffix, media_type in TYPES.items():
        if lower.endswith(suffix):
            return media_type
    return mimetypes.guess_type(lower)[0] or "application/octet-stream"


def cache_control(path: str) -> str:
    if _HASHED_NAME.search(path):
        return CACHE_HASHED
    if path.lower().endswith(_DOCUMENT_SUFFIXES):
        return CACHE_DOCUMENT
    return CACHE_STATIC


def is_attachment(path: str) -> bool:
    """Editors' files are downloaded, never opened as the site's pages."""
    return path.startswith("files/")
