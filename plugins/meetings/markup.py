"""Transcript paragraphs as HTML: the same inline Markdown editors use elsewhere.

Each paragraph is converted on its own. The site's Markdown settings are not
reused: their `meta` extension would take a paragraph that starts with
«Вопрос: …» for metadata and drop it, and `toc` has no headings to work on.
"""

from markdown import Markdown

_MARKDOWN = Markdown(
    extensions=["markdown.extensions.extra", "markdown.extensions.sane_lists"],
    output_format="html",
)


def render_paragraph(text: str) -> str:
    """One paragraph of a transcript (usually `<p>…</p>`, or a list or table)."""
    return _MARKDOWN.reset().convert(text)


def render_paragraphs(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(render_paragraph(text) for text in paragraphs)
