"""The picture a shared link shows: a publication's own first picture.

Link previews (Open Graph, VK, Telegram) draw raster images only, so an SVG
scheme is passed over for the next picture; a video's poster counts when the
body has no picture. Only a picture of this site is named: an absolute address
built from the page's own, never another host's.
"""

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from chamber.html_tags import may_contain

RASTER = (".png", ".jpg", ".jpeg", ".webp", ".gif")


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int | None = None
    height: int | None = None
    alt: str | None = None


class _Pictures(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images: list[dict[str, str]] = []
        self.posters: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        found = {name: value or "" for name, value in attrs}
        if tag == "img" and found.get("src"):
            self.images.append({**found, "url": found["src"]})
        elif tag == "video" and found.get("poster"):
            self.posters.append({"url": found["poster"]})


def share_image(body_html: str, page_url: str, site_url: str) -> ShareImage | None:
    """The first raster picture of this site in the body, or else the first
    video poster; None when there is neither."""
    if not site_url:  # a build for viewing from disk shares nothing
        return None
    if not may_contain(body_html, "img", "video"):
        return None
    parser = _Pictures()
    parser.feed(body_html)
    parser.close()
    for candidate in (*parser.images, *parser.posters):
        url = urljoin(page_url, candidate["url"])
        if not url.startswith(f"{site_url}/"):
            continue
        if not urlsplit(url).path.lower().endswith(RASTER):
            continue
        return ShareImage(
            url=url,
            width=_size(candidate.get("width")),
            height=_size(candidate.get("height")),
            alt=candidate.get("alt", "").strip() or None,
        )
    return None


def _size(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) > 0 else None
