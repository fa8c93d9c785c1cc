"""A digest typed in Word: rubric headings, news as list items or paragraphs,
each with a link to its source (the format of docs/editors-guide.md)."""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from word_import.markup import Block, inline_markdown

_URL = re.compile(r"https?://[^\s<>«»\"]+[^\s<>«»\".,;:!?)]")
_SOURCE_LABEL = re.compile(r"\s*\(?\s*(?:источник|ист\.)\s*:?\s*$", re.IGNORECASE)
# The stems of month names in any case: «март», «марта», «марте».
_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_MONTH_YEAR = re.compile(r"\b([а-яё]+)\s+(\d{4})", re.IGNORECASE)


@dataclass
class DigestBody:
    markdown: str
    rubrics: int = 0
    news: int = 0
    unplaced: list[str] = field(default_factory=list)


def month_from_title(title: str) -> str | None:
    """«Дайджест за март 2021 года» → "2021-03"."""
    for word, year in _MONTH_YEAR.findall(title):
        word = word.lower().replace("ё", "е")
        for stem, number in _MONTHS.items():
            if word.startswith(stem) and (
                stem != "ма" or word in {"май", "мая", "мае"}
            ):
                return f"{year}-{number:02d}"
    return None


def digest_body(blocks: list[Block]) -> DigestBody:
    body = DigestBody("")
    lines: list[str] = []  # "## rubric" and "- news" lines, in order
    # The last news without a link, and its note: a source paragraph right
    # after it (a common way to type a digest in Word) completes it.
    unlinked: tuple[int, str] | None = None
    for block in blocks:
        if block.kind == "heading":
            lines += ["", f"## {block.text}", ""]
            body.rubrics += 1
            unlinked = None
            continue
        if block.kind == "table" or block.tag.find("img"):
            what = "таблица" if block.kind == "table" else "изображение"
            body.unplaced.append(
                f"абзац {block.number}: {what} в дайджесте не переносится — "
                "в дайджесте только рубрики и новости; добавьте вручную, если нужно."
            )
            continue
        items = (
            block.tag.find_all("li", recursive=False)
            if block.kind == "list"
            else [block.tag]
        )
        for number, item in enumerate(items, start=block.number):
            line = _news_line(item)
            if unlinked is not None and _is_source_only(item):
                index, note = unlinked
                lines[index] += " " + line
                body.unplaced.remove(note)
                unlinked = None
                continue
            if body.rubrics == 0:
                body.unplaced.append(
                    f"абзац {number}: новость «{_short(item)}» стоит до первой "
                    "рубрики; перенесите её под заголовок рубрики."
                )
            lines.append(f"- {line}")
            body.news += 1
            unlinked = None
            if "](" not in line:
                note = (
                    f"абзац {number}: у новости «{_short(item)}» не найдена "
                    "ссылка на источник; добавьте «[Источник](https://…)»."
                )
                body.unplaced.append(note)
                unlinked = (len(lines) - 1, note)
    body.markdown = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    return body


def _news_line(item: Tag) -> str:
    """The news text as Markdown; a bare address becomes «[Источник](…)»."""
    item = BeautifulSoup(str(item), "html.parser").find()
    if not item.find("a", href=True):
        for text in item.find_all(string=_URL):
            match = _URL.search(text)
            before = _SOURCE_LABEL.sub("", text[: match.start()])
            link = BeautifulSoup(f'<a href="{match[0]}">Источник</a>', "html.parser").a
            text.replace_with(NavigableString(before.rstrip(" :") + " "))
            item.append(link)
            rest = text[match.end() :].strip(" .")
            if rest:
                item.append(NavigableString(" " + rest))
            break
    return inline_markdown(item)


def _is_source_only(item: Tag) -> bool:
    text = " ".join(item.get_text(" ").split())
    links = item.find_all("a", href=True)
    if links:
        text = text.replace(" ".join(links[0].get_text(" ").split()), "", 1)
    else:
        text = _URL.sub("", text, count=1)
        if text == " ".join(item.get_text(" ").split()):
            return False
    return not _SOURCE_LABEL.sub("", text).strip(" .:")


def _short(item: Tag) -> str:
    text = " ".join(item.get_text(" ").split())
    return text if len(text) <= 50 else text[:50].rstrip() + "…"
