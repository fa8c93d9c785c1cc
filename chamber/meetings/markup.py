"""Transcript paragraphs as HTML: the same inline Markdown editors use elsewhere.

Each paragraph is converted on its own. The site's Markdown settings are not
reused: their `meta` extension would take a paragraph that starts with
«Вопрос: …» for metadata and drop it, and `toc` has no headings to work on.
"""

import re
from functools import lru_cache

from markdown import Markdown

from chamber.html_safety import sanitise

_MARKDOWN = Markdown(
    extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"],
    output_format="html",
)


# Most speech is plain prose. Markdown is only needed where a paragraph holds
# something it would change: emphasis, links, code, HTML, entities, escapes,
# tables, or a line that starts a list, quote, heading or definition.
_NEEDS_MARKDOWN = re.compile(
    r"[\\`*_\[\]<>&|{}]|^\s*(?:[-+#>:=]|\d+[.)])|^ {4}| {2}$", re.MULTILINE
)


def is_plain(text: str) -> bool:
    """True for a paragraph without any markup, which Markdown would only wrap."""
    return _NEEDS_MARKDOWN.search(text) is None


# The page, the plain-text download, the captions and the checks need each paragraph.
@lru_cache(maxsize=8192)
def paragraph_markup(text: str) -> str:
    """The paragraph's HTML as the editor wrote it, before cleaning: for the checks."""
    if is_plain(text):
        return f"<p>{text.strip()}</p>"
    return _MARKDOWN.reset().convert(text)


@lru_cache(maxsize=8192)
def render_paragraph(text: str) -> str:
    """One paragraph of a transcript (usually `<p>…</p>`, or a list or table)."""
    markup = paragraph_markup(text)
    return markup if is_plain(text) else sanitise(markup)


def render_paragraphs(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(render_paragraph(text) for text in paragraphs)
