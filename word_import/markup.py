"""mammoth's HTML as numbered blocks, and blocks as the site's Markdown."""

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from markdownify import MarkdownConverter

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_NOTE_ID = re.compile(r"(?:foot|end)note-(\d+)")
_NOTE_REF = re.compile(r"#(?:foot|end)note-(\d+)")
_CONVERTER = MarkdownConverter(
    heading_style="ATX",
    bullets="-",
    strong_em_symbol="*",
    # Word tables rarely mark a header row; the site's tables need one.
    table_infer_header=True,
    escape_misc=False,
)


@dataclass(frozen=True)
class Block:
    number: int  # the paragraph number in Word, counting empty paragraphs too
    tag: Tag

    @property
    def kind(self) -> str:
        if self.tag.name in _HEADINGS:
            return "heading"
        if self.tag.name in ("ul", "ol"):
            return "list"
        if self.tag.name == "table":
            return "table"
        return "paragraph"

    @property
    def text(self) -> str:
        return " ".join(self.tag.get_text(" ").split())


@dataclass(frozen=True)
class Parsed:
    blocks: tuple[Block, ...]  # empty paragraphs left out
    footnotes: dict[str, Tag]  # number → the note's content


def parse(html: str) -> Parsed:
    soup = BeautifulSoup(html, "html.parser")
    for anchor in soup.find_all("a"):
        # Bookmarks and Word's own table-of-contents links lead nowhere on the site.
        if not anchor.get("href") or anchor["href"].startswith("#_"):
            anchor.unwrap()
    footnotes = _take_footnotes(soup)
    blocks, number = [], 0
    for tag in soup.find_all(recursive=False):
        if not isinstance(tag, Tag):
            continue
        first = number + 1
        if tag.name in ("ul", "ol"):
            number += len(tag.find_all("li"))
        elif tag.name == "table":
            number += max(1, len(tag.find_all("p")))
        else:
            number += 1
        if tag.get_text(strip=True) or tag.find("img"):
            blocks.append(Block(first, tag))
    return Parsed(tuple(blocks), footnotes)


def _take_footnotes(soup: BeautifulSoup) -> dict[str, Tag]:
    """Notes out of mammoth's closing list; references become «[^1]»."""
    notes = {}
    for item in soup.find_all("li", id=_NOTE_ID):
        number = _NOTE_ID.fullmatch(item["id"])[1]
        for back in item.find_all("a", href=re.compile(r"#(?:foot|end)note-ref-")):
            back.decompose()
        notes[number] = item
    for item in notes.values():
        note_list = item.parent
        item.extract()
        if note_list is not None and not note_list.find("li"):
            note_list.decompose()
    for link in soup.find_all("a", href=_NOTE_REF):
        number = _NOTE_REF.fullmatch(link["href"])[1]
        outer = link
        while outer.parent is not None and outer.parent.name == "sup":
            outer = outer.parent
        outer.replace_with(NavigableString(f"[^{number}]"))
    return notes


def inline_markdown(tag: Tag) -> str:
    """One paragraph's content as one line of Markdown."""
    text = _CONVERTER.convert_soup(_fragment(tag.decode_contents()))
    return " ".join(text.split())


def blocks_markdown(blocks: list[Block], footnotes: dict[str, Tag]) -> str:
    html = "".join(str(block.tag) for block in blocks)
    markdown = _CONVERTER.convert_soup(_fragment(html)).strip()
    markdown = re.sub(r"\n{3,}", "\n\n", markdown)
    definitions = [
        f"[^{number}]: {inline_markdown(note)}" for number, note in footnotes.items()
    ]
    return "\n\n".join(part for part in (markdown, "\n".join(definitions)) if part)


def shift_headings(blocks: list[Block]) -> None:
    """The page title is the only first-level heading: the text's own headings
    start at the second level, keeping their order of depth."""
    levels = [int(b.tag.name[1]) for b in blocks if b.kind == "heading"]
    if not levels:
        return
    shift = 2 - min(levels)
    for block in blocks:
        if block.kind == "heading":
            block.tag.name = f"h{min(6, int(block.tag.name[1]) + shift)}"


def _fragment(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")
