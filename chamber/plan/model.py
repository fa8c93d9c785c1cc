"""The Chamber's work plans as data: one `<year>.toml` per year, checked on load."""

import datetime
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from chamber.sections import PUBLICATION_SECTIONS
from chamber.source import (
    SAVE_AS_UTF8_IN_NOTEPAD,
    WINDOWS_1251_MESSAGE,
    looks_like_windows_1251,
)

SCHEDULES = ("once", "monthly", "quarterly", "year")
# Every dated publication can be evidence for an item.
EVIDENCE_SECTIONS = PUBLICATION_SECTIONS
REQUIREMENTS = ("video", "transcript", "city")
# The plans folder inside the content folder: one TOML file a year.
PLANS_DIR = "plans"

_PLAN_REF = re.compile(r"(\d{4})-(\d+)")
_URL = re.compile(r"https?://\S+")
_YEAR = re.compile(r"\d{4}")

T = TypeVar("T")


@dataclass(frozen=True)
class Section:
    number: int
    title: str


@dataclass(frozen=True)
class ManualEvidence:
    """Work published outside this site, vouched for in the plan file."""

    title: str
    url: str
    date: datetime.date


@dataclass(frozen=True)
class Item:
    number: int
    section: int
    title: str
    deadline: str
    result: str
    schedule: str
    # First and last month of the window; only one-off items have one.
    months: tuple[int, int] | None
    evidence: tuple[str, ...]
    requires: tuple[str, ...]
    count: int
    manual_evidence: tuple[ManualEvidence, ...]


@dataclass(frozen=True)
class Plan:
    year: int
    title: str
    document_status: str
    sections: tuple[Section, ...]
    items: tuple[Item, ...]

    def section(self, number: int) -> Section:
        return next(section for section in self.sections if section.number == number)


class PlanFileError(ValueError):
    """A plan file an editor has to fix: every problem found in it, each naming the
    place in the file (item, field) where it is."""

    def __init__(self, path: Path, *details: str):
        self.path = path
        self.details = details
        # All of them in one line, for a log or a single message.
        self.detail = "; ".join(details)
        super().__init__(f"{path}: {self.detail}")

    @property
    def year(self) -> int | None:
        """The year the file is named for: references to it cannot be checked."""
        return int(self.path.stem) if _YEAR.fullmatch(self.path.stem) else None


def parse_plan_ref(ref: str) -> tuple[int, int]:
    """`"2021-6"` → `(2021, 6)`: the year of the plan and the item number."""
    match = _PLAN_REF.fullmatch(ref.strip())
    if match is None or int(match[2]) < 1:
        raise ValueError(
            f"ссылка на пункт плана «{ref}» должна иметь вид ГОД-НОМЕР, например 2021-6"
        )
    return int(match[1]), int(match[2])


def load_plans(
    folder: Path,
) -> tuple[dict[int, Plan], list[PlanFileError]]:
    """Every good plan in `folder`, keyed by year, and an error for each bad file.

    Files are read one by one: a mistake in one year's plan must not hide the
    other years' plans from the publications that reference them.
    A missing folder means no plans.
    """
    plans: dict[int, Plan] = {}
    errors: list[PlanFileError] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            plan = load_plan(path)
        except PlanFileError as error:
            errors.append(error)
            continue
        if path.stem != str(plan.year):
            errors.append(
                PlanFileError(
                    path, f"имя файла должно совпадать с годом плана: {plan.year}.toml"
                )
            )
            continue
        plans[plan.year] = plan
    return plans, errors


def load_plan(path: Path) -> Plan:
    text = _decoded(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PlanFileError(path, f"ошибка синтаксиса TOML: {error}") from None
    return _Reader(path).plan(data)


def _decoded(path: Path) -> str:
    data = path.read_bytes()
    try:
        # Notepad on Windows may start a UTF-8 file with a byte-order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if looks_like_windows_1251(data):
        raise PlanFileError(path, WINDOWS_1251_MESSAGE)
    raise PlanFileError(path, f"файл не в кодировке UTF-8. {SAVE_AS_UTF8_IN_NOTEPAD}")


class _Invalid(Exception):
    """One problem in the file, already worded with its place («пункт 9: …»)."""


class _Reader:
    """Turns the parsed TOML into a Plan, noting every problem on the way.

    A field with a problem is noted and reading goes on with the next field, so
    that the editor sees every mistake of the file after one build. Checks that
    depend on another field (`months` on `schedule`) are skipped when that field
    is itself wrong, so that one mistake gives one message.
    """

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[str] = []

    def attempt(self, check: Callable[..., T], *args: Any) -> T | None:
        """The value `check` gives, or None once its problem is noted."""
        try:
            return check(*args)
        except _Invalid as problem:
            self.problems.append(str(problem))
            return None

    def field(
        self,
        check: Callable[..., T],
        table: dict[str, Any],
        key: str,
        where: str,
        *args: Any,
        default: T | None = None,
    ) -> T | None:
        """`table[key]` checked; `default` if absent (a required key's absence is
        noted by `check_keys`)."""
        if key not in table:
            return default
        return self.attempt(check, table, key, where, *args)

    def check_keys(
        self, table: dict[str, Any], where: str, required: set[str], optional: set[str]
    ) -> None:
        # A misspelt optional key («require») would otherwise be ignored silently.
        for key in table:
            if key not in required | optional:
                self.problems.append(f"{where}неизвестное поле «{key}»")
        for key in sorted(required - table.keys()):
            self.problems.append(f"{where}нет обязательного поля «{key}»")

    def text(self, table: dict[str, Any], key: str, where: str) -> str:
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            raise _Invalid(f"{where}поле «{key}» должно быть непустой строкой")
        return value

    def integer(self, table: dict[str, Any], key: str, where: str) -> int:
        value = table[key]
        # bool is an int subclass: `number = true` must not pass as 1.
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise _Invalid(f"{where}поле «{key}» должно быть целым числом больше 0")
        return value

    def table_list(self, table: dict[str, Any], key: str, where: str) -> list[dict]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise _Invalid(f"{where}поле «{key}» должно быть списком таблиц [[{key}]]")
        return value

    def choices(
        self, table: dict[str, Any], key: str, where: str, allowed: tuple[str, ...]
    ) -> tuple[str, ...]:
        value = table[key]
        if (
            not isinstance(value, list)
            or not all(v in allowed for v in value)
            or len(set(value)) != len(value)
        ):
            raise _Invalid(
                f"{where}поле «{key}» должно быть списком без повторов из значений "
                + ", ".join(allowed)
            )
        return tuple(value)

    def plan(self, data: dict[str, Any]) -> Plan:
        self.check_keys(
            data, "", {"year", "title", "document_status", "sections", "items"}, set()
        )
        year = self.field(self.integer, data, "year", "")
        title = self.field(self.text, data, "title", "")
        document_status = self.field(self.text, data, "document_status", "")
        sections, known_sections = self.sections(
            self.field(self.table_list, data, "sections", "")
        )
        items = self.items(
            self.field(self.table_list, data, "items", ""), known_sections
        )
        if self.problems:
            raise PlanFileError(self.path, *self.problems)
        return Plan(
            year=year,
            title=title,
            document_status=document_status,
            sections=sections,
            items=items,
        )

    def sections(
        self, tables: list[dict] | None
    ) -> tuple[tuple[Section, ...], set[int] | None]:
        """The good sections, and every section number given (so that an item of
        a section whose title is wrong is not told its section does not exist);
        None for the numbers if the sections could not be read at all."""
        if tables is None:
            return (), None
        if not tables:
            self.problems.append("в плане нет ни одного раздела [[sections]]")
        sections: list[Section] = []
        numbers: set[int] = set()
        for index, table in enumerate(tables, start=1):
            where = f"раздел {index}: "
            before = len(self.problems)
            self.check_keys(table, where, {"number", "title"}, set())
            number = self.field(self.integer, table, "number", where)
            title = self.field(self.text, table, "title", where)
            if number in numbers:
                self.problems.append(f"{where}поле «number» повторяет номер раздела")
            elif number is not None:
                numbers.add(number)
            if len(self.problems) == before:
                sections.append(Section(number=number, title=title))
        return tuple(sections), numbers

    def items(
        self, tables: list[dict] | None, known_sections: set[int] | None
    ) -> tuple[Item, ...]:
        if tables is None:
            return ()
        if not tables:
            self.problems.append("в плане нет ни одного пункта [[items]]")
        items: list[Item] = []
        numbers: set[int] = set()
        for index, table in enumerate(tables, start=1):
            before = len(self.problems)
            # Until the number is known, the item is named by its place in the file.
            place = f"{index}-й пункт [[items]]: "
            number = self.field(self.integer, table, "number", place)
            where = place if number is None else f"пункт {number}: "
            if number in numbers:
                self.problems.append(f"{where}поле «number» повторяет номер пункта")
            elif number is not None:
                numbers.add(number)
            item = self.item(table, where, number, known_sections)
            if len(self.problems) == before:
                items.append(item)
        return tuple(items)

    def item(
        self,
        table: dict[str, Any],
        where: str,
        number: int | None,
        known_sections: set[int] | None,
    ) -> Item:
        """The item; meaningless (and dropped by the caller) once a problem is noted."""
        self.check_keys(
            table,
            where,
            {
                "number",
                "section",
                "title",
                "deadline",
                "result",
                "schedule",
                "evidence",
            },
            {"months", "requires", "count", "manual_evidence"},
        )
        section = self.field(self.section, table, "section", where, known_sections)
        title = self.field(self.text, table, "title", where)
        deadline = self.field(self.text, table, "deadline", where)
        result = self.field(self.text, table, "result", where)
        schedule = self.field(self.schedule, table, "schedule", where)
        # Whether `months` and `count` are allowed depends on a valid schedule.
        if schedule is None:
            months, count = None, 1
        else:
            months = self.attempt(self.months, table, where, schedule)
            count = self.attempt(self.count, table, where, schedule)
        evidence = self.field(self.evidence, table, "evidence", where)
        requires = self.field(
            self.choices, table, "requires", where, REQUIREMENTS, default=()
        )
        manual_tables = self.field(
            self.table_list, table, "manual_evidence", where, default=[]
        )
        return Item(
            number=number,
            section=section,
            title=title,
            deadline=deadline,
            result=result,
            schedule=schedule,
            months=months,
            evidence=evidence,
            requires=requires,
            count=count,
            manual_evidence=tuple(
                self.manual_evidence(entry, f"{where}ручное подтверждение {index}: ")
                for index, entry in enumerate(manual_tables or [], start=1)
            ),
        )

    def section(
        self, table: dict[str, Any], key: str, where: str, known: set[int] | None
    ) -> int:
        section = self.integer(table, key, where)
        if known is not None and section not in known:
            raise _Invalid(f"{where}поле «{key}»: раздела {section} нет в плане")
        return section

    def schedule(self, table: dict[str, Any], key: str, where: str) -> str:
        if table[key] not in SCHEDULES:
            raise _Invalid(
                f"{where}поле «{key}» должно быть одним из " + ", ".join(SCHEDULES)
            )
        return table[key]

    def evidence(self, table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        evidence = self.choices(table, key, where, EVIDENCE_SECTIONS)
        if not evidence:
            raise _Invalid(f"{where}поле «{key}» не должно быть пустым")
        return evidence

    def months(
        self, table: dict[str, Any], where: str, schedule: str
    ) -> tuple[int, int] | None:
        if schedule != "once":
            if "months" in table:
                raise _Invalid(f"{where}поле «months» нужно только при schedule = once")
            return None
        if "months" not in table:
            raise _Invalid(f"{where}нет поля «months»: оно обязательно при once")
        value = table["months"]
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(type(month) is int and 1 <= month <= 12 for month in value)
            or value[0] > value[1]
        ):
            raise _Invalid(
                f"{where}поле «months» должно быть парой [первый, последний] месяцев "
                "от 1 до 12, например [2, 3]"
            )
        return value[0], value[1]

    def count(self, table: dict[str, Any], where: str, schedule: str) -> int:
        if "count" not in table:
            return 1
        if schedule != "once":
            raise _Invalid(f"{where}поле «count» нужно только при schedule = once")
        return self.integer(table, "count", where)

    def manual_evidence(self, table: dict[str, Any], where: str) -> ManualEvidence:
        self.check_keys(table, where, {"title", "url", "date"}, set())
        return ManualEvidence(
            title=self.field(self.text, table, "title", where),
            url=self.field(self.url, table, "url", where),
            date=self.field(self.date, table, "date", where),
        )

    def url(self, table: dict[str, Any], key: str, where: str) -> str:
        url = self.text(table, key, where)
        if not _URL.fullmatch(url):
            raise _Invalid(
                f"{where}поле «{key}» должно быть полным адресом, начинающимся "
                "с http:// или https://"
            )
        return url

    def date(self, table: dict[str, Any], key: str, where: str) -> datetime.date:
        value = table[key]
        # tomllib gives datetime for `2021-05-01T10:00`; a date is all we compare.
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise _Invalid(
                f"{where}поле «{key}» должно быть датой ГГГГ-ММ-ДД без кавычек"
            )
        return value
