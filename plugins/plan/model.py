"""The Chamber's work plans as data: one `<year>.toml` per year, checked on load."""

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEDULES = ("once", "monthly", "quarterly", "year")
EVIDENCE_SECTIONS = ("articles", "digests", "meetings", "documents")
REQUIREMENTS = ("video", "transcript", "city")

_PLAN_REF = re.compile(r"(\d{4})-(\d+)")
_URL = re.compile(r"https?://\S+")


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
    """A plan file an editor has to fix; the message names the file and the field."""

    def __init__(self, path: Path, detail: str):
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


def parse_plan_ref(ref: str) -> tuple[int, int]:
    """`"2021-6"` → `(2021, 6)`: the year of the plan and the item number."""
    match = _PLAN_REF.fullmatch(ref.strip())
    if match is None or int(match[2]) < 1:
        raise ValueError(
            f"ссылка на пункт плана «{ref}» должна иметь вид ГОД-НОМЕР, например 2021-6"
        )
    return int(match[1]), int(match[2])


def load_plans(folder: Path) -> dict[int, Plan]:
    """Every plan in `folder`, keyed by year; a missing folder means no plans."""
    plans: dict[int, Plan] = {}
    for path in sorted(folder.glob("*.toml")):
        plan = load_plan(path)
        if path.stem != str(plan.year):
            raise PlanFileError(
                path, f"имя файла должно совпадать с годом плана: {plan.year}.toml"
            )
        plans[plan.year] = plan
    return plans


def load_plan(path: Path) -> Plan:
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise PlanFileError(path, f"ошибка синтаксиса TOML: {error}") from None
    return _Reader(path).plan(data)


class _Reader:
    """Turns the parsed TOML into a Plan, keeping the file name for messages."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, message: str) -> PlanFileError:
        return PlanFileError(self.path, f"{where}{message}")

    def check_keys(
        self, table: dict[str, Any], where: str, required: set[str], optional: set[str]
    ) -> None:
        # A misspelt optional key («require») would otherwise be ignored silently.
        for key in table:
            if key not in required | optional:
                raise self.fail(where, f"неизвестное поле «{key}»")
        for key in sorted(required - table.keys()):
            raise self.fail(where, f"нет обязательного поля «{key}»")

    def text(self, table: dict[str, Any], key: str, where: str) -> str:
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"поле «{key}» должно быть непустой строкой")
        return value

    def integer(self, table: dict[str, Any], key: str, where: str) -> int:
        value = table[key]
        # bool is an int subclass: `number = true` must not pass as 1.
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise self.fail(where, f"поле «{key}» должно быть целым числом больше 0")
        return value

    def table_list(self, table: dict[str, Any], key: str, where: str) -> list[dict]:
        value = table[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(where, f"поле «{key}» должно быть списком таблиц [[{key}]]")
        return value

    def choices(
        self, table: dict[str, Any], key: str, where: str, allowed: tuple[str, ...]
    ) -> tuple[str, ...]:
        value = table.get(key, [])
        if (
            not isinstance(value, list)
            or not all(v in allowed for v in value)
            or len(set(value)) != len(value)
        ):
            raise self.fail(
                where,
                f"поле «{key}» должно быть списком без повторов из значений "
                + ", ".join(allowed),
            )
        return tuple(value)

    def plan(self, data: dict[str, Any]) -> Plan:
        self.check_keys(
            data, "", {"year", "title", "document_status", "sections", "items"}, set()
        )
        year = self.integer(data, "year", "")
        sections = self.sections(self.table_list(data, "sections", ""))
        known_sections = {section.number for section in sections}
        items: list[Item] = []
        for index, table in enumerate(self.table_list(data, "items", ""), start=1):
            item = self.item(table, index, known_sections)
            if any(other.number == item.number for other in items):
                raise self.fail(
                    f"пункт {item.number}: ", "поле «number» повторяет номер пункта"
                )
            items.append(item)
        if not items:
            raise self.fail("", "в плане нет ни одного пункта [[items]]")
        return Plan(
            year=year,
            title=self.text(data, "title", ""),
            document_status=self.text(data, "document_status", ""),
            sections=sections,
            items=tuple(items),
        )

    def sections(self, tables: list[dict]) -> tuple[Section, ...]:
        sections: list[Section] = []
        for index, table in enumerate(tables, start=1):
            where = f"раздел {index}: "
            self.check_keys(table, where, {"number", "title"}, set())
            section = Section(
                number=self.integer(table, "number", where),
                title=self.text(table, "title", where),
            )
            if any(other.number == section.number for other in sections):
                raise self.fail(where, "поле «number» повторяет номер раздела")
            sections.append(section)
        if not sections:
            raise self.fail("", "в плане нет ни одного раздела [[sections]]")
        return tuple(sections)

    def item(self, table: dict[str, Any], index: int, known_sections: set[int]) -> Item:
        # Until the number is known, the item is named by its place in the file.
        if "number" not in table:
            raise self.fail(f"{index}-й пункт [[items]]: ", "нет поля «number»")
        number = self.integer(table, "number", f"{index}-й пункт [[items]]: ")
        where = f"пункт {number}: "
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
        section = self.integer(table, "section", where)
        if section not in known_sections:
            raise self.fail(where, f"поле «section»: раздела {section} нет в плане")
        schedule = table["schedule"]
        if schedule not in SCHEDULES:
            raise self.fail(
                where, "поле «schedule» должно быть одним из " + ", ".join(SCHEDULES)
            )
        evidence = self.choices(table, "evidence", where, EVIDENCE_SECTIONS)
        if not evidence:
            raise self.fail(where, "поле «evidence» не должно быть пустым")
        return Item(
            number=number,
            section=section,
            title=self.text(table, "title", where),
            deadline=self.text(table, "deadline", where),
            result=self.text(table, "result", where),
            schedule=schedule,
            months=self.months(table, where, schedule),
            evidence=evidence,
            requires=self.choices(table, "requires", where, REQUIREMENTS),
            count=self.count(table, where, schedule),
            manual_evidence=tuple(
                self.manual_evidence(entry, f"{where}ручное подтверждение {index}: ")
                for index, entry in enumerate(
                    self.table_list(table, "manual_evidence", where)
                    if "manual_evidence" in table
                    else [],
                    start=1,
                )
            ),
        )

    def months(
        self, table: dict[str, Any], where: str, schedule: str
    ) -> tuple[int, int] | None:
        if schedule != "once":
            if "months" in table:
                raise self.fail(where, "поле «months» нужно только при schedule = once")
            return None
        if "months" not in table:
            raise self.fail(where, "нет поля «months»: оно обязательно при once")
        value = table["months"]
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(type(month) is int and 1 <= month <= 12 for month in value)
            or value[0] > value[1]
        ):
            raise self.fail(
                where,
                "поле «months» должно быть парой [первый, последний] месяцев "
                "от 1 до 12, например [2, 3]",
            )
        return value[0], value[1]

    def count(self, table: dict[str, Any], where: str, schedule: str) -> int:
        if "count" not in table:
            return 1
        if schedule != "once":
            raise self.fail(where, "поле «count» нужно только при schedule = once")
        return self.integer(table, "count", where)

    def manual_evidence(self, table: dict[str, Any], where: str) -> ManualEvidence:
        self.check_keys(table, where, {"title", "url", "date"}, set())
        url = self.text(table, "url", where)
        if not _URL.fullmatch(url):
            raise self.fail(
                where, "поле «url» должно быть полным адресом, начинающимся с https://"
            )
        date = table["date"]
        # tomllib gives datetime for `2021-05-01T10:00`; a date is all we compare.
        if not isinstance(date, datetime.date) or isinstance(date, datetime.datetime):
            raise self.fail(
                where, "поле «date» должно быть датой ГГГГ-ММ-ДД без кавычек"
            )
        return ManualEvidence(
            title=self.text(table, "title", where), url=url, date=date
        )
