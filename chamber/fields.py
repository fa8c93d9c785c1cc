"""The rules for each metadata field, as plain functions.

Each parser takes the editor's text and returns the value the site uses, or raises
``FieldError`` with a Russian message that says what is wrong and how to write it.
"""

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from chamber.attachments import Attachment, describe_attachment
from chamber.cities import City, federal_city, find_city, suggest_city
from chamber.plan.model import Plan, parse_plan_ref
from chamber.problems import FieldError
from chamber.sections import (
    COMMON_FIELDS,
    DOCUMENT_KINDS,
    DOCUMENT_STAGES,
    FIELD_LABELS,
    MEETING_FORMATS,
    SECTIONS,
    STATUSES,
    Section,
)
from chamber.video import LabelledVideo, UnsupportedVideoError, labelled_video


@dataclass(frozen=True)
class FieldContext:
    """What the rules need to know beyond the file itself."""

    content_dir: Path
    source_dir: Path  # the folder of the file being checked
    cities: Mapping[str, City]
    plans: Mapping[int, Plan]
    files_dir_name: str = "files"
    broken_plan_years: frozenset[int] = frozenset()
    site_url: str = ""


@dataclass(frozen=True)
class PlanRef:
    """A publication's reference to an item of a work plan, e.g. «2021-6»."""

    year: int
    number: int
    title: str
    # False for an item whose evidence comes from other sections: the
    # publication is related to the item and shown with it, not counted.
    counts: bool = True

    def __str__(self) -> str:
        return f"{self.year}-{self.number}"


@dataclass(frozen=True)
class HistoryNote:
    """One dated line of a document's history, as the editor wrote it."""

    date: date
    text: str


DATE_HINT = "Пишите дату так: 2021-03-05 или 2021-03-05 14:30 (год-месяц-день, время московское)."
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?")
_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_VIDEO_RE = re.compile(r"(?:(?P<label>.*?)\s+)?(?P<url>(?:https?://|/)\S+)")
_TRUE = {"да", "yes", "true", "1"}
_FALSE = {"нет", "no", "false", "0"}


def split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,\n]", value) if part.strip()]


def parse_title(value: str, ctx: FieldContext) -> str:
    if not value.strip():
        raise FieldError("заголовок пуст.")
    return value.strip()


TIME_PLACEHOLDER = "ЧЧ:ММ"


def parse_date(value: str, ctx: FieldContext | None = None) -> datetime:
    if TIME_PLACEHOLDER in value:
        day = value.replace(TIME_PLACEHOLDER, "").strip()
        raise FieldError(
            f"вместо «{TIME_PLACEHOLDER}» укажите время начала по Москве, "
            f"например {day} 14:30."
        )
    match = _DATE_RE.fullmatch(value.strip())
    if not match:
        raise FieldError(f"«{value}» — не дата в нужном виде. {DATE_HINT}")
    year, month, day, hour, minute = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        raise FieldError(
            f"даты «{value}» не существует (проверьте число и месяц). {DATE_HINT}"
        ) from None


def parse_month(value: str, ctx: FieldContext | None = None) -> str:
    match = _MONTH_RE.fullmatch(value.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise FieldError(
            f"«{value}» — не месяц в нужном виде. Пишите год и месяц: 2021-03."
        )
    return match.group(0)


def parse_status(value: str, ctx: FieldContext) -> str:
    status = value.strip().lower()
    if status not in STATUSES:
        raise FieldError(
            f"«{value}» — неизвестный статус. Допустимо: published (опубликовано) "
            "или draft (черновик)."
        )
    return status


def parse_slug(value: str, ctx: FieldContext) -> str:
    if not _SLUG_RE.fullmatch(value.strip()):
        raise FieldError(
            f"«{value}» не годится для адреса страницы: используйте строчные латинские "
            "буквы, цифры и дефисы, например kazan-2021."
        )
    return value.strip()


def parse_feed_id(value: str, ctx: FieldContext) -> str:
    return value.strip()


def parse_sample(value: str, ctx: FieldContext) -> bool:
    answer = value.strip().lower()
    if answer not in _TRUE | _FALSE:
        raise FieldError(f"«{value}» — напишите «да» или «нет».")
    return answer in _TRUE


def each_item(value: str, parse_one: Callable[[str], object]) -> list[object]:
    """Parse every comma-separated entry, reporting all bad entries at once."""
    results, messages = [], []
    for text in split_list(value):
        try:
            results.append(parse_one(text))
        except FieldError as error:
            messages.extend(error.args)
    if messages:
        raise FieldError(*messages)
    return results


def parse_plan(value: str, ctx: FieldContext) -> tuple[PlanRef, ...]:
    def one(text: str) -> PlanRef | None:
        try:
            year, number = parse_plan_ref(text)
        except ValueError as error:
            raise FieldError(str(error)) from None
        plan = ctx.plans.get(year)
        if plan is None and year in ctx.broken_plan_years:
            return None  # the plan file's own errors fail the build already
        if plan is None:
            known = ", ".join(str(y) for y in sorted(ctx.plans)) or "нет ни одного"
            raise FieldError(
                f"плана работы на {year} год нет (есть планы: {known}); "
                f"ссылка «{text}»."
            )
        titles = {item.number: item.title for item in plan.items}
        if number not in titles:
            raise FieldError(
                f"в плане на {year} год нет пункта {number}: пункты с 1 по "
                f"{max(titles)}; ссылка «{text}»."
            )
        return PlanRef(year, number, titles[number])

    refs = {(ref.year, ref.number): ref for ref in each_item(value, one) if ref}
    return tuple(refs.values())


def parse_city(value: str, ctx: FieldContext) -> City:
    city = find_city(value, ctx.cities)
    if city is None and (federal := federal_city(value)):
        raise FieldError(
            f"{federal} — город федерального значения: он сам является субъектом "
            "Российской Федерации, а не административным центром субъекта, поэтому "
            "его нет в списке городов Палаты (это не ошибка списка). Если статья о "
            "городе-центре, укажите его; если о федеральном городе, уберите поле "
            "City и назовите город в тексте или в поле Tags."
        )
    if city is None:
        suggestion = suggest_city(value, ctx.cities)
        hint = f" Возможно, имелся в виду «{suggestion}»?" if suggestion else ""
        raise FieldError(
            f"города «{value}» нет в списке городов — административных центров "
            f"субъектов Российской Федерации.{hint}"
        )
    return city


def _choice(options: tuple[str, ...], what: str) -> Callable[[str, FieldContext], str]:
    by_key = {option.casefold().replace("ё", "е"): option for option in options}

    def parse(value: str, ctx: FieldContext) -> str:
        option = by_key.get(value.strip().casefold().replace("ё", "е"))
        if option is None:
            listed = ", ".join(f"«{o}»" for o in options)
            raise FieldError(f"«{value}» — неизвестный {what}. Допустимо: {listed}.")
        return option

    return parse


def parse_videos(value: str, ctx: FieldContext) -> tuple[LabelledVideo, ...]:
    def one(text: str) -> LabelledVideo:
        match = _VIDEO_RE.fullmatch(text)
        if not match:
            raise FieldError(f"«{text}» — не ссылка на видео.")
        try:
            labelled = labelled_video(match["label"] or None, match["url"])
        except UnsupportedVideoError as error:
            raise FieldError(str(error)) from None
        if labelled.video.provider == "file":
            file, size = _site_video_file(labelled.video.video_id, ctx)
            return replace(labelled, file=file, size=size)
        return labelled

    return tuple(each_item(value, one))


def site_file_path(url: str, site_url: str) -> str | None:
    """The path below the site root of a link to one of the site's own files
    (content/files/x.mp4 is served as /files/x.mp4), or None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if not site_url or not url.startswith(f"{site_url}/"):
            return None
        parts = urlsplit(url[len(site_url) :])
    return unquote(parts.path).lstrip("/")


def _site_video_file(url: str, ctx: FieldContext) -> tuple[str, int]:
    """A video file must be the site's own: the Content-Security-Policy lets
    readers' browsers play media from the site only, and feeds need its size."""
    relative = site_file_path(url, ctx.site_url)
    if relative is None:
        raise FieldError(
            f"видеофайл «{url}» лежит на другом сайте, а браузеры читателей "
            "показывают видео только с сайта Палаты. Положите файл в папку "
            "content/files/ и укажите ссылку вида /files/zasedanie.mp4."
        )
    path = ctx.content_dir / relative
    if not _inside(path, ctx.content_dir) or not path.is_file():
        raise FieldError(
            f"видеофайла «{url}» нет в папке content. Положите его в content/files/ "
            "и укажите ссылку вида /files/zasedanie-2021-09-22.mp4."
        )
    return relative, path.stat().st_size


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


_DURATION_RE = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})")


def parse_duration(value: str, ctx: FieldContext | None = None) -> int:
    """The video's length in seconds: «1:32:05» or «45:10»."""
    match = _DURATION_RE.fullmatch(value.strip())
    if match:
        hours, minutes, seconds = (int(g or 0) for g in match.groups())
        if minutes < 60 and seconds < 60 and (hours or minutes or seconds):
            return hours * 3600 + minutes * 60 + seconds
    raise FieldError(
        f"«{value}» — не длительность видео. Пишите часы, минуты и секунды "
        "через двоеточие: 1:32:05 (или минуты и секунды: 45:10)."
    )


def parse_transcript(value: str, ctx: FieldContext) -> str:
    """The transcript's path relative to the content folder."""
    path = ctx.source_dir / value.strip()
    if not _inside(path, ctx.content_dir):
        raise FieldError(f"«{value}» указывает за пределы папки content.")
    if not path.is_file():
        raise FieldError(
            f"файл стенограммы «{value}» не найден (путь считается от папки, где "
            "лежит файл заседания, например transcripts/2021-09-15.md)."
        )
    return path.resolve().relative_to(ctx.content_dir.resolve()).as_posix()


_HISTORY_RE = re.compile(r"(\S+)\s*[—–-]?\s*(.*)")


def parse_history(value: str, ctx: FieldContext) -> tuple[HistoryNote, ...]:
    """One note per line: «2021-04-15 — Учтены замечания городов.»"""
    notes, messages = [], []
    for line in filter(None, (line.strip() for line in value.splitlines())):
        when, text = _HISTORY_RE.fullmatch(line).groups()
        try:
            day = date.fromisoformat(when) if len(when) == 10 else None
        except ValueError:
            day = None
        if day is None or not text:
            messages.append(
                f"строка «{line}»: пишите каждую запись с новой строки так: "
                "2021-04-15 — что изменилось (дата год-месяц-день, тире, текст)."
            )
        else:
            notes.append(HistoryNote(day, text))
    if messages:
        raise FieldError(*messages)
    return tuple(sorted(notes, key=lambda note: note.date))


def parse_attachments(value: str, ctx: FieldContext) -> tuple[Attachment, ...]:
    files_dir = ctx.content_dir / ctx.files_dir_name

    def one(name: str) -> Attachment:
        relative = PurePosixPath(name.replace("\\", "/"))
        if relative.parts[:1] == (ctx.files_dir_name,):
            relative = relative.relative_to(ctx.files_dir_name)
        if not relative.as_posix().isascii() or " " in relative.as_posix():
            raise FieldError(
                f"имя файла «{name}» должно состоять из латинских букв, цифр, дефисов "
                "и точек, без пробелов (например, doklad-2021.pdf): иначе ссылка "
                "на него ломается у части читателей."
            )
        path = files_dir / relative
        if not _inside(path, files_dir) or not path.is_file():
            raise FieldError(
                f"файл «{name}» не найден в папке content/{ctx.files_dir_name}/."
            )
        return describe_attachment(path, files_dir)

    return tuple(each_item(value, one))


def _mark_related(
    refs: tuple[PlanRef, ...], section: Section, ctx: FieldContext
) -> tuple[PlanRef, ...]:
    """A reference to an item that takes its evidence from other sections is true
    (a meeting discussed the concept a document sets out) but confirms nothing."""
    return tuple(
        replace(ref, counts=section.key in _plan_item(ref, ctx).evidence)
        for ref in refs
    )


def _plan_item(ref: PlanRef, ctx: FieldContext):
    return next(i for i in ctx.plans[ref.year].items if i.number == ref.number)


def related_plan_notes(
    refs: tuple[PlanRef, ...], section: Section, ctx: FieldContext
) -> list[str]:
    """Warnings, not errors, for references that do not count as evidence."""
    notes = []
    for ref in refs:
        if ref.counts:
            continue
        allowed = ", ".join(
            f"«{SECTIONS[key].name}»" for key in _plan_item(ref, ctx).evidence
        )
        notes.append(
            f"пункт {ref} плана подтверждается публикациями раздела {allowed}, а этот "
            f"файл из раздела «{section.name}»: он показан у пункта в «Связанных "
            "публикациях» и не засчитывается как подтверждение."
        )
    return notes


FIELD_PARSERS: dict[str, Callable[[str, FieldContext], object]] = {
    "title": parse_title,
    "date": parse_date,
    "modified": parse_date,
    "month": parse_month,
    "status": parse_status,
    "slug": parse_slug,
    "sample": parse_sample,
    "feed-id": parse_feed_id,
    "plan": parse_plan,
    "city": parse_city,
    "format": _choice(MEETING_FORMATS, "формат заседания"),
    "kind": _choice(DOCUMENT_KINDS, "вид документа"),
    "stage": _choice(DOCUMENT_STAGES, "этап"),
    "video": parse_videos,
    "transcript": parse_transcript,
    "duration": parse_duration,
    "attachments": parse_attachments,
    "history": parse_history,
}

# Free text that Pelican itself reads (tags and authors become its objects).
FREE_TEXT_FIELDS = frozenset({"summary", "tags", "authors"})


def check_fields(
    meta: Mapping[str, str], section: Section, ctx: FieldContext
) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """Parse every field of one file; return the values and all (field, message)."""
    allowed = COMMON_FIELDS | section.fields
    # A field left blank, as `invoke new` writes them, is a field not given.
    meta = {name: text for name, text in meta.items() if text.strip()}
    values: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    for name, text in meta.items():
        if name not in allowed:
            close = difflib.get_close_matches(name, sorted(allowed), n=1)
            hint = (
                f" Возможно, имелось в виду «{FIELD_LABELS[close[0]]}»?"
                if close
                else ""
            )
            problems.append(
                (name, f"такого поля нет у раздела «{section.name}».{hint}")
            )
        elif name in FIELD_PARSERS:
            try:
                values[name] = FIELD_PARSERS[name](text, ctx)
            except FieldError as error:
                problems.extend((name, message) for message in error.args)
    if "plan" in values:
        values["plan"] = _mark_related(values["plan"], section, ctx)
    if (
        section.needs_time
        and isinstance(values.get("date"), datetime)
        and not _DATE_RE.fullmatch(meta["date"].strip())[4]
    ):
        problems.append(
            (
                "date",
                "у заседания нет времени начала: без него в календаре (meetings.ics) "
                "оно встаёт на полночь. Пишите дату и время по Москве: "
                f"{meta['date'].strip()} 14:30.",
            )
        )
    missing = section.required - meta.keys()
    problems.extend(
        (name, "обязательное поле не заполнено.") for name in sorted(missing)
    )
    if section.derived_title and "title" not in meta and section.slug_field in values:
        values["title"] = section.derived_title(values[section.slug_field])
    if (
        isinstance(values.get("date"), datetime)
        and isinstance(values.get("modified"), datetime)
        and values["modified"] < values["date"]
    ):
        problems.append(("modified", "дата изменения раньше даты публикации (Date)."))
    return values, problems
