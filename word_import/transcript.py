"""A stenographer's transcript typed in Word, in the site's transcript format
(docs/meetings.md, chamber/transcript.py).

Speaker lines Russian transcripts use, each with an optional time in brackets:

- ``ИВАНОВ И.И.: Текст`` or ``Иванов И. И.: Текст``;
- ``Иванов Иван Иванович (глава города Тюмени): Текст``;
- ``Председательствующий (Воронцов И.С.): Текст``;
- a paragraph, or its lead, in bold: ``**Петров П. П., глава города Вологды**``.

One person's spellings («ВОРОНЦОВ И.С.», «Воронцов Игорь Сергеевич») become one
name, the fullest one the transcript gives.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from chamber.transcript import format_timestamp, parse_timestamp
from word_import.markup import Block, blocks_markdown, inline_markdown

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_BRACKETED = re.compile(rf"[\[(]\s*({_TIME})\s*[\])]")
_LEADING_TIME = re.compile(rf"^\s*[\[(]\s*({_TIME})\s*[\])]\s*")
_TIME_ONLY = re.compile(rf"^\s*[\[(]?\s*({_TIME})\s*[\])]?\s*$")
_UPPER = "А-ЯЁ"
_WORD = rf"[{_UPPER}][а-яё]+(?:-[{_UPPER}][а-яё]+)?"
_SURNAME = rf"[{_UPPER}](?:[а-яё]+|[{_UPPER}]+)(?:-[{_UPPER}](?:[а-яё]+|[{_UPPER}]+))?"
_INITIALS = rf"[{_UPPER}]\.\s*(?:[{_UPPER}]\.)?"
_PATRONYMIC = rf"[{_UPPER}][а-яё]+(?:ич|на|оглы|кызы)"
_NAME_FORMS = (
    # Surname and initials: «ИВАНОВ И.И.», «Иванов И. И.»
    re.compile(rf"(?P<surname>{_SURNAME})\s+(?P<initials>{_INITIALS})"),
    # Initials first: «И.И. Иванов»
    re.compile(rf"(?P<initials>{_INITIALS})\s*(?P<surname>{_SURNAME})"),
    # Full name: «Иванов Иван Иванович», «ИВАНОВ Иван Иванович»
    re.compile(
        rf"(?P<surname>{_SURNAME})\s+(?P<first>{_WORD})\s+(?P<middle>{_PATRONYMIC})"
    ),
)
# «Name (role)», «Role (Name)», «Name, role», then an optional time and «:».
# What may follow a bold name: a colon, a time in brackets.
_AFTER_LABEL = re.compile(rf"\s*:?\s*(?:[\[(]\s*(?P<time>{_TIME})\s*[\])])?\s*:?\s*")
_SPEAKER_LINE = re.compile(
    rf"(?P<outer>[^():\[\]\n]{{2,120}}?)\s*(?:\((?P<inner>[^()\n]{{2,160}})\))?"
    rf"\s*(?:[\[(]\s*(?P<time>{_TIME})\s*[\])])?\s*:\s*(?P<rest>.*)",
    re.DOTALL,
)


@dataclass(frozen=True)
class Person:
    surname: str
    initials: str  # «И. И.»
    full: str | None  # «Иванов Иван Иванович», when the transcript gives it

    @property
    def key(self) -> tuple[str, str]:
        return (self.surname.casefold().replace("ё", "е"), self.initials)

    @property
    def name(self) -> str:
        return self.full or f"{self.surname} {self.initials}"


@dataclass
class _Turn:
    person: Person
    role: str | None
    start: int | None
    paragraphs: list[str]
    number: int


@dataclass
class ConvertedTranscript:
    markdown: str
    turns: int = 0
    speakers: Counter = field(default_factory=Counter)  # name → turns
    times: int = 0
    tables: int = 0
    unplaced: list[str] = field(default_factory=list)
    spellings: dict[str, set[str]] = field(default_factory=dict)  # name → as typed


def read_person(text: str) -> Person | None:
    """A person's name written one of the ways transcripts write it."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .:,")
    for form in _NAME_FORMS:
        match = form.fullmatch(text) or form.fullmatch(text + ".")
        if not match:
            continue
        surname = "-".join(p.capitalize() for p in match["surname"].split("-"))
        if "initials" in match.groupdict():
            letters = re.findall(rf"[{_UPPER}]", match["initials"])
            return Person(surname, " ".join(f"{ch}." for ch in letters), None)
        first, middle = match["first"], match["middle"]
        return Person(
            surname, f"{first[0]}. {middle[0]}.", f"{surname} {first} {middle}"
        )
    return None


def convert_transcript(blocks: list[Block]) -> ConvertedTranscript:
    result = ConvertedTranscript("")
    preamble: list[str] = []
    turns: list[_Turn] = []
    pending_time: tuple[int, int] | None = None  # (seconds, paragraph number)
    for block in blocks:
        if block.tag.find("img"):
            result.unplaced.append(
                f"абзац {block.number}: изображение в стенограмме не переносится."
            )
            continue
        if block.kind == "table":
            result.tables += 1
        time_only = _TIME_ONLY.match(block.text)
        if time_only and block.kind == "paragraph":
            if pending_time is not None:
                _unplaced_time(result, *pending_time)
            pending_time = (_seconds(time_only[1], block.number, result), block.number)
            continue
        speaker = _speaker(block, result) if block.kind == "paragraph" else None
        if speaker is not None:
            person, role, start, rest = speaker
            if start is None and pending_time is not None:
                start = pending_time[0]
            elif pending_time is not None:
                _unplaced_time(result, *pending_time)
            pending_time = None
            turns.append(
                _Turn(person, role, start, [rest] if rest else [], block.number)
            )
            continue
        if pending_time is not None:
            _unplaced_time(result, *pending_time)
            pending_time = None
        text = _speech(block)
        (turns[-1].paragraphs if turns else preamble).append(text)
    if pending_time is not None:
        _unplaced_time(result, *pending_time)
    # «Председательствует: Воронцов Игорь Сергеевич» names the chair in full.
    named = [
        read_person(match[0])
        for paragraph in preamble
        for match in _NAME_FORMS[2].finditer(paragraph)
    ]
    names = _canonical_names([turn.person for turn in turns], named)
    parts = list(preamble)
    for turn in turns:
        name = names[turn.person.key]
        result.speakers[name] += 1
        result.spellings.setdefault(name, set()).add(turn.person.name)
        label = f"{name}, {turn.role}" if turn.role else name
        header = f"**{label}**"
        if turn.start is not None:
            header += f" [{format_timestamp(turn.start)}]"
            result.times += 1
        if not turn.paragraphs:
            result.unplaced.append(
                f"абзац {turn.number}: у реплики «{name}» нет текста."
            )
        parts.append("\n".join([header, *turn.paragraphs[:1]]))
        parts.extend(turn.paragraphs[1:])
    result.turns = len(turns)
    result.markdown = "\n\n".join(parts) + "\n"
    return result


def _speaker(block: Block, result: ConvertedTranscript):
    """(person, role, seconds, the speech that follows) or None."""
    tag = block.tag
    raw = tag.get_text()
    start, offset = None, 0
    leading = _LEADING_TIME.match(raw)
    if leading:
        start = _seconds(leading[1], block.number, result)
        offset = leading.end()
    found, consumed = None, 0
    bold = _bold_lead(tag)
    if bold is not None:
        label, label_end = bold
        found = _label(label)
        after = _AFTER_LABEL.match(raw, label_end)
        consumed = after.end()
        if found is not None and after["time"]:
            found = (*found[:2], after["time"])
    if found is None:
        line = _SPEAKER_LINE.fullmatch(raw, offset)
        if line is None:
            return None
        found = _label(line["outer"], line["inner"])
        if found is not None and line["time"]:
            found = (*found[:2], line["time"])
        consumed = line.start("rest")
    if found is None:
        return None
    person, role, time = found
    if time is not None:
        start = _seconds(time, block.number, result)
    rest = _without_prefix(tag, consumed)
    speech = _safe_lead(inline_markdown(rest)) if rest.get_text(strip=True) else ""
    return person, role, start, speech


def _label(outer: str, inner: str | None = None):
    """(person, role, time) from «Name, role», «Name (role)», «Role (Name)»."""
    time = None
    bracketed = _BRACKETED.search(outer)
    if bracketed:
        time, outer = (
            bracketed[1],
            (outer[: bracketed.start()] + outer[bracketed.end() :]),
        )
    if inner is None and "(" in outer and outer.rstrip(" :").endswith(")"):
        outer, _, inner = outer.rstrip(" :")[:-1].partition("(")
    if inner is not None and re.fullmatch(_TIME, inner.strip()):
        time, inner = inner.strip(), None
    outer = outer.strip(" :")
    name, _, role = outer.partition(",")
    person = read_person(name)
    if person is not None:
        return person, _role(role or inner), time
    if inner is not None:
        inner_name, _, inner_role = inner.partition(",")
        person = read_person(inner_name)
        if person is not None and not role and len(outer.split()) <= 4:
            return (
                person,
                _role(outer + (f", {inner_role}" if inner_role else "")),
                time,
            )
    return None


def _role(text: str | None) -> str | None:
    role = " ".join((text or "").split()).strip(" ,.:")
    if len(role) > 1 and role[1].islower():
        role = role[0].lower() + role[1:]
    return role or None


def _bold_lead(tag: Tag) -> tuple[str, int] | None:
    """The paragraph's leading bold text and where it ends in the text."""
    skipped = 0
    for child in tag.children:
        if isinstance(child, Tag) and child.name == "strong":
            return child.get_text(), skipped + len(child.get_text())
        if str(child).strip():
            return None
        skipped += len(str(child))
    return None


def _without_prefix(tag: Tag, length: int) -> Tag:
    """A copy of the paragraph without its first ``length`` characters of text."""
    copy = BeautifulSoup(str(tag), "html.parser").find()
    for text in list(copy.find_all(string=True)):
        if length <= 0:
            break
        keep = str(text)[length:]
        length -= len(text)
        if keep:
            text.replace_with(keep.lstrip())
        else:
            text.extract()
    for element in copy.find_all(True):
        if not element.get_text(strip=True) and element.name != "br":
            element.decompose()
    return copy


def _speech(block: Block) -> str:
    if block.kind in ("list", "table"):
        return blocks_markdown([block], {})
    if block.kind == "heading":
        return block.text
    return _safe_lead(inline_markdown(block.tag))


def _safe_lead(text: str) -> str:
    """A speech paragraph that starts in bold would read as a speaker's header."""
    return re.sub(r"^\*\*(.+?)\*\*", r"__\1__", text)


def _seconds(time: str, number: int, result: ConvertedTranscript) -> int | None:
    try:
        return parse_timestamp(time)
    except ValueError as error:
        result.unplaced.append(f"абзац {number}: {error}; время не перенесено.")
        return None


def _unplaced_time(result: ConvertedTranscript, seconds: int | None, number: int):
    if seconds is not None:
        result.unplaced.append(
            f"абзац {number}: отметка времени [{format_timestamp(seconds)}] стоит "
            "не перед репликой; время не перенесено."
        )


def _canonical_names(
    people: list[Person], named: list[Person]
) -> dict[tuple[str, str], str]:
    """One name per person: the full name if the transcript ever gives it.

    Initials may be incomplete («Иванов И.»): they join a person with the same
    surname whose initials begin the same way, if there is only one.
    """
    full: dict[tuple[str, str], str] = {}
    for person in [*people, *named]:
        if person.full and person.key not in full:
            full[person.key] = person.full
    names = {}
    keys = {person.key for person in people}
    for person in people:
        key = person.key
        longer = [
            k for k in keys if k[0] == key[0] and k != key and k[1].startswith(key[1])
        ]
        target = longer[0] if len(longer) == 1 else key
        names[key] = full.get(target) or next(
            (p.name for p in people if p.key == target), person.name
        )
    return names
