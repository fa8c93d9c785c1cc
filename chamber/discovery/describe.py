"""A plain-text description of a page, for search results and link previews."""

import re
from collections.abc import Callable
from html import unescape

from bs4 import BeautifulSoup

# Search engines show about this much; a preview card even less.
DESCRIPTION_LIMIT = 200
_SPACE = re.compile(r"\s+")
# build speed: a description needs the first sentences only, so a long text is
# read up to a paragraph break past this many characters of markup, which yields
# the start of the whole text's plain text (see `leading_text`).
_ENOUGH_MARKUP = 8 * DESCRIPTION_LIMIT
_PARAGRAPH_BREAK = "</p>\n<p>"
_BLOCKS = [
    *(f"h{level}" for level in range(1, 7)),
    *(
        [
            "p",
            "li",
            "dt",
            "dd",
            "td",
            "th",
            "tr",
            "div",
            "blockquote",
            "figcaption",
            "br",
        ]
    ),
]


def plain_text(html: str) -> str:
    """The text of an HTML fragment on one line, as a reader would read it."""
    soup = BeautifulSoup(html, "html.parser")
    # Blocks are read apart, inline markup is not: «Казани.», not «Казани .».
    for block in soup.find_all(_BLOCKS):
        block.insert_after(" ")
    text = soup.get_text()
    # Non-breaking spaces from the typography stay readable as plain spaces.
    return _SPACE.sub(" ", unescape(text).replace("\xa0", " ")).strip()


def leading_text(html: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """The plain text of ``html``, or a start of it longer than ``limit``.

    Cut between two paragraphs, where every element before the cut is closed,
    the markup before it reads as the same text (the elements still open only
    add spaces at its end), so `shorten` gives the same description.
    """
    cut = html.find(_PARAGRAPH_BREAK, _ENOUGH_MARKUP)
    if cut >= 0:
        text = plain_text(html[: cut + len("</p>")])
        if len(text) > limit:
            return text
    return plain_text(html)


def describe(
    summary_html: str | None,
    body_html: str,
    fallback: str,
    read: Callable[[str], str] = leading_text,
) -> str:
    """The editor's Summary if given, else the start of the text, else ``fallback``.

    A text cut short ends at a word, with an ellipsis, so that a preview never
    shows half a word. ``read`` is `leading_text`, or the same kept between
    builds.
    """
    for source in (summary_html, body_html):
        text = read(source or "")
        if text:
            return shorten(text)
    return fallback


def shorten(text: str) -> str:
    limit = DESCRIPTION_LIMIT
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:—-") + "…"
