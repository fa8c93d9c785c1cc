"""Summaries for lists and feeds when the editor wrote none.

A cut of the body carries its headings (with their ids, which then repeat on
every list the publication appears in) and breaks mid-rubric. A digest is said
by its structure instead; other bodies are cut without their headings.
"""

from html import escape

from lxml import etree
from lxml.html import fragments_fromstring

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _fragments(body: str) -> list:
    """Top-level elements, and the text before the first one as a string."""
    return fragments_fromstring(body) if body.strip() else []


def digest_rubrics(body: str) -> list[tuple[str, int]]:
    """(rubric, number of news items) in the order of the digest's headings."""
    rubrics: list[tuple[str, int]] = []
    for node in _fragments(body):
        if isinstance(node, str):
            continue
        if node.tag == "h2":
            rubrics.append((" ".join(node.text_content().split()), 0))
        elif node.tag in ("ul", "ol") and rubrics:
            name, count = rubrics[-1]
            rubrics[-1] = (name, count + len(node.findall("li")))
    return rubrics


def digest_summary(body: str) -> str:
    """«Нормативные правовые акты — 2, Регионы — 3»: rubrics that have news."""
    parts = [f"{name} — {count}" for name, count in digest_rubrics(body) if count]
    return f"<p>{escape(', '.join(parts))}</p>" if parts else ""


def without_headings(body: str) -> str:
    """The body with no headings and no ids, for cutting a summary from."""
    kept = []
    for node in _fragments(body):
        if isinstance(node, str):
            kept.append(escape(node, quote=False))
            continue
        if node.tag in _HEADINGS:
            continue
        for element in node.iter():
            element.attrib.pop("id", None)
        kept.append(etree.tostring(node, encoding="unicode", method="html"))
    return "".join(kept)
