"""Meeting transcripts (стенограммы) in the editors' text format.

A transcript is a UTF-8 text file of paragraphs separated by blank lines::

    Стенограмма заседания Палаты от 25 марта 2021 г.

    **Иванов Иван Иванович, глава города Кирова** [00:01:05]
    Уважаемые коллеги!

    Продолжение выступления.

    **Петров П. П.** [05:10] Спасибо.

Paragraphs before the first speaker header form the preamble. Decisions that
the format leaves open:

- A paragraph that starts with ``**`` is always a speaker header; speech that
  should begin in bold has to start with ``__…__`` instead. One rule editors
  can remember beats guessing whether a bold lead is a name.
- The bold part is "name, role": the role is everything after the first comma
  and may itself contain commas. A colon right before or after the closing
  ``**`` is dropped, since editors often write ``**Иванов И. И.:**``.
- A time in brackets, ``[ЧЧ:ММ:СС]`` or ``[ММ:СС]``, may follow the name. Text
  after it, on the same line or on the next lines of the same paragraph, is
  the turn's first paragraph, so no blank line is needed after a header.
- A header whose name cannot be read (unclosed ``**``, empty name) is reported
  and its paragraph is kept as text, so no words are lost; a turn with an
  unreadable time is kept without a time.
- A time the header would not read is reported rather than left in the speech:
  ``(00:10:00)`` or a bare ``00:10:00`` after the name, a second time, or a
  paragraph that starts with ``[00:10:00] **Name**``.
- Paragraph text stays raw: inline Markdown is the caller's to render.
"""

import re
from dataclasses import dataclass
from typing import Literal, NamedTuple

_HEADER = re.compile(
    # The name stays on one line and holds no "[": a header missing its closing
    # "**" must not swallow the time and the speech up to the next bold word.
    r"\*\*(?P<label>[^\n\[]*?)\*\*:?\s*(?:\[(?P<time>[^\]\n]*)\])?"
    r"(?P<gap>\s*)(?P<rest>.*)",
    re.DOTALL,
)
# What editors write when they mean a time: "[00:10:00]", "(10:00)" or, on the
# header's own line, a bare "00:10:00".
_CLOCK = r"\d{1,3}(?::\d{1,2}){1,2}(?!\d)"
_BRACKETED_TIME = re.compile(rf"[\[(]\s*{_CLOCK}\s*[\])]")
_BARE_TIME = re.compile(_CLOCK)
_TIME_BEFORE_NAME = re.compile(rf"{_BRACKETED_TIME.pattern}\s*\*\*")
_TIMESTAMP = re.compile(r"(?:(?P<hours>\d+):)?(?P<minutes>\d{1,2}):(?P<seconds>\d{2})")
_HEADER_EXAMPLE = "**Фамилия Имя Отчество, должность** [ЧЧ:ММ:СС]"


@dataclass(frozen=True)
class Turn:
    index: int  # 1-based, in document order
    speaker: str
    role: str | None
    start: int | None  # seconds from the start of the recording
    paragraphs: tuple[str, ...]
    line: int  # 1-based line of the header

    @property
    def anchor(self) -> str:
        return f"turn-{self.index}"


@dataclass(frozen=True)
class TranscriptProblem:
    line: int
    message: str
    severity: Literal["error", "warning"]


@dataclass(frozen=True)
class Transcript:
    preamble: tuple[str, ...]
    turns: tuple[Turn, ...]
    problems: tuple[TranscriptProblem, ...]


class _Paragraph(NamedTuple):
    line: int
    text: str


class _Header(NamedTuple):
    speaker: str
    role: str | None
    start: int | None
    first_paragraph: str


def parse_transcript(text: str) -> Transcript:
    preamble: list[str] = []
    headed: list[tuple[int, _Header, list[str]]] = []
    problems: list[TranscriptProblem] = []
    for paragraph in _paragraphs(text):
        header = _read_header(paragraph, problems)
        if header is None:
            (headed[-1][2] if headed else preamble).append(paragraph.text)
        else:
            first = [header.first_paragraph] if header.first_paragraph else []
            headed.append((paragraph.line, header, first))
    turns = tuple(
        Turn(index, header.speaker, header.role, header.start, tuple(texts), line)
        for index, (line, header, texts) in enumerate(headed, start=1)
    )
    problems += _check_turns(turns)
    return Transcript(
        tuple(preamble),
        turns,
        tuple(sorted(problems, key=lambda problem: problem.line)),
    )


def format_timestamp(seconds: int) -> str:
    """Always ЧЧ:ММ:СС, so that times line up in the text: 3723 -> "01:02:03"."""
    if seconds < 0:
        raise ValueError(f"Время не может быть отрицательным: {seconds}")
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}"


def parse_timestamp(text: str) -> int:
    """Seconds in "ЧЧ:ММ:СС" or "ММ:СС"; ValueError with an editor-facing message."""
    match = _TIMESTAMP.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"Отметка времени «{text}» не распознана: "
            "ожидается ЧЧ:ММ:СС или ММ:СС, например 01:02:03"
        )
    hours = int(match["hours"] or 0)
    minutes, seconds = int(match["minutes"]), int(match["seconds"])
    if minutes >= 60 or seconds >= 60:
        raise ValueError(
            f"В отметке времени «{text}» минуты и секунды должны быть меньше 60: "
            "ожидается ЧЧ:ММ:СС, например 01:15:00"
        )
    return hours * 3600 + minutes * 60 + seconds


def _paragraphs(text: str) -> list[_Paragraph]:
    # Replacing line endings rather than splitlines() keeps line numbers equal
    # to what editors see: splitlines() also breaks on \f, \x1c, \u2028...
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[_Paragraph] = []
    block: list[str] = []
    for number, line in enumerate([*lines.split("\n"), ""], start=1):
        if line.strip():
            block.append(line.rstrip())
        elif block:
            first_line = number - len(block)
            paragraphs.append(_Paragraph(first_line, "\n".join(block).strip()))
            block = []
    return paragraphs


def _read_header(
    paragraph: _Paragraph, problems: list[TranscriptProblem]
) -> _Header | None:
    if not paragraph.text.startswith("**"):
        if _TIME_BEFORE_NAME.match(paragraph.text):
            problems.append(
                _error(
                    paragraph.line,
                    "Отметка времени стоит перед именем выступающего: "
                    f"ожидается {_HEADER_EXAMPLE}",
                )
            )
        return None
    match = _HEADER.fullmatch(paragraph.text)
    if match is None:
        problems.append(
            _error(
                paragraph.line,
                "Не закрыто выделение «**» в заголовке реплики: "
                f"ожидается {_HEADER_EXAMPLE}",
            )
        )
        return None
    name, _, role = match["label"].strip().removesuffix(":").partition(",")
    speaker = " ".join(name.split())
    if not speaker:
        problems.append(
            _error(
                paragraph.line,
                f"Не указано имя выступающего: ожидается {_HEADER_EXAMPLE}",
            )
        )
        return None
    start = None
    if match["time"] is not None:
        try:
            start = parse_timestamp(match["time"])
        except ValueError as error:
            problems.append(_error(paragraph.line, str(error)))
    elif match["rest"].startswith("["):
        problems.append(
            _error(
                paragraph.line,
                "Не закрыта квадратная скобка у отметки времени: "
                "ожидается [ЧЧ:ММ:СС] на строке заголовка",
            )
        )
    stray_time = _stray_time(match["rest"], on_header_line="\n" not in match["gap"])
    if stray_time:
        problems.append(_error(paragraph.line, _stray_time_message(stray_time, start)))
    return _Header(speaker, " ".join(role.split()) or None, start, match["rest"])


def _stray_time(rest: str, on_header_line: bool) -> str | None:
    """A time the header does not read: in round brackets, without brackets or
    a second one. Taken as speech, it would be lost as a time."""
    match = _BRACKETED_TIME.match(rest) or (
        _BARE_TIME.match(rest) if on_header_line else None
    )
    return match[0] if match else None


def _stray_time_message(stray_time: str, start: int | None) -> str:
    if start is not None:
        return (
            f"Вторая отметка времени «{stray_time}» в заголовке реплики: "
            "оставьте одну, [ЧЧ:ММ:СС] сразу после имени"
        )
    return (
        f"Отметка времени «{stray_time}» не прочитана: время пишется в квадратных "
        f"скобках сразу после имени, ожидается {_HEADER_EXAMPLE}"
    )


def _check_turns(turns: tuple[Turn, ...]) -> list[TranscriptProblem]:
    problems = []
    previous: Turn | None = None
    for turn in turns:
        if not turn.paragraphs:
            problems.append(
                TranscriptProblem(
                    turn.line,
                    f"У реплики «{turn.speaker}» нет текста: "
                    "после заголовка ожидается хотя бы один абзац",
                    "warning",
                )
            )
        if turn.start is None:
            continue
        if previous is not None and turn.start < previous.start:
            problems.append(
                TranscriptProblem(
                    turn.line,
                    f"Время [{format_timestamp(turn.start)}] раньше, чем у "
                    f"предыдущей реплики [{format_timestamp(previous.start)}] "
                    f"на строке {previous.line}: проверьте отметку времени",
                    "warning",
                )
            )
        previous = turn
    return problems


def _error(line: int, message: str) -> TranscriptProblem:
    return TranscriptProblem(line, message, "error")
