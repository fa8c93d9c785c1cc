"""A transcript without markup: the TXT download, captions and JSON-LD.

Editors write inline Markdown in speech (`*курсив*`, links, `&amp;`); readers of
plain text should see what the page shows, not the marks. So each paragraph is
rendered as on the page and its HTML read back as text.
"""

from html.parser import HTMLParser

from chamber.meetings.markup import render_paragraph
from chamber.transcript import Transcript, Turn, format_timestamp

# Elements that stand on lines of their own in plain text.
_BLOCKS = frozenset(
    {"p", "li", "dt", "dd", "tr", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5",
     "h6", "ul", "ol", "dl", "table"}
)  # fmt: skip
_BULLET = "— "


def to_plain_text(transcript: Transcript, title: str) -> str:
    """The whole transcript: LF line endings, a blank line between paragraphs."""
    blocks = [title.strip(), *map(paragraph_text, transcript.preamble)]
    for turn in transcript.turns:
        speech = "\n\n".join(map(paragraph_text, turn.paragraphs))
        heading = turn_heading(turn)
        blocks.append(f"{heading}\n{speech}" if speech else heading)
    return "\n\n".join(blocks) + "\n"


def turn_heading(turn: Turn) -> str:
    heading = f"{turn.speaker}, {turn.role}" if turn.role else turn.speaker
    if turn.start is None:
        return heading
    return f"{heading} [{format_timestamp(turn.start)}]"


def paragraph_text(text: str) -> str:
    """One paragraph as the page shows it, in plain text.

    The editor's line breaks and list items stay on lines of their own.
    """
    reader = _TextReader()
    reader.feed(render_paragraph(text))
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        # Entities become characters: «&amp;» is read as «&».
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._lists: list[int | None] = []  # the last number of each open <ol>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self.parts.append("\n")
        if tag == "ol":
            self._lists.append(int(dict(attrs).get("start") or 1) - 1)
        elif tag == "ul":
            self._lists.append(None)
        elif tag == "li":
            self.parts.append(self._marker())
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()

    def handle_data(self, data: str) -> None:
        # Markdown puts a line break between the tags of a list or table; only
        # the editor's own line breaks, inside text, are kept.
        self.parts.append(data if data.strip() else " ")

    def _marker(self) -> str:
        if not self._lists or self._lists[-1] is None:
            return _BULLET
        self._lists[-1] += 1
        return f"{self._lists[-1]}. "
