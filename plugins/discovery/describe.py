"""A plain-text description of a page, for search results and link previews."""

import re
from html import unescape

from bs4 import BeautifulSoup

# Search engines show about this much; a preview card even less.
DESCRIPTION_LIMIT = 200
_SPACE = re.compile(r"\s+")
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


def describe(summary_html: str | None, body_html: str, fallback: str) -> str:
    """The editor's Summary if given, else the start of the text, else ``fallback``.

    A text cut short ends at a word, with an ellipsis, so that a preview never
    shows half a word.
    """
    for source in (summary_html, body_html):
        text = plain_text(source or "")
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
