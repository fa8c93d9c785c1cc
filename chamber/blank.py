"""A new publication's file, with every field an editor fills in (`invoke new`)."""

from datetime import date
from pathlib import Path

from chamber.fields import TIME_PLACEHOLDER, parse_month
from chamber.plan.model import PLANS_DIR, Plan, load_plans
from chamber.problems import FieldError
from chamber.russian.slugs import slugify
from chamber.sections import SECTIONS

# The kinds `invoke new` makes: every dated publication.
_KINDS = {key: s for key, s in SECTIONS.items() if s.publication}


def sample_body(kind: str) -> str:
    """The text a new publication of the section starts with (the web editor's too)."""
    section = SECTIONS.get(kind)
    return section.blank_body if section else ""


class BlankError(ValueError):
    pass


def blank_publication(
    kind: str,
    today: date,
    title: str = "",
    month: str = "",
    plan: Plan | None = None,
    body: str | None = None,
) -> tuple[str, str]:
    """The file's path relative to the content folder and its text (a draft).

    ``plan`` is the current year's plan: a publication refers to no other, since
    an old plan does not count it. Without one the file has no `Plan` line.
    ``body`` replaces the sample text: the Word import fills the same blank.
    """
    if kind not in _KINDS:
        raise BlankError(
            f"неизвестный вид публикации «{kind}». Допустимо: "
            + ", ".join(_KINDS)
            + "."
        )
    section = _KINDS[kind]
    if section.slug_field == "month":
        if not month:
            raise BlankError("для дайджеста укажите месяц: --month 2021-04.")
        try:
            month = parse_month(month)
        except FieldError as error:
            raise BlankError(f"--month: {error}") from None
        name, header = month, [f"Month: {month}"]
    else:
        if not slugify(title):
            raise BlankError('укажите заголовок: --title "Заголовок публикации".')
        name, header = f"{today:%Y-%m-%d}-{slugify(title)}", [f"Title: {title}"]
    lines = [
        *header,
        # A meeting starts at a time only the editor knows; the check asks for it.
        f"Date: {today:%Y-%m-%d}"
        + (f" {TIME_PLACEHOLDER}" if section.needs_time else ""),
        "Status: draft",
        "Summary: ",
        "Tags: ",
        "Authors: ",
        *section.blank_fields,
        *([] if plan is None else [f"Plan: {suggested_item(plan, kind)}"]),
    ]
    text = section.blank_body if body is None else body
    return f"{kind}/{name}.md", "\n".join(lines) + "\n\n" + text


def current_plan(content_dir: Path, year: int) -> Plan | None:
    """The plan for ``year``, if its file exists and reads without errors."""
    plans, _errors = load_plans(content_dir / PLANS_DIR)
    return plans.get(year)


def suggested_item(plan: Plan, kind: str) -> str:
    """The one regular item this kind of publication reports on («2021-15» for
    the monthly digest), or nothing when the editor must choose among several."""
    regular = [
        item
        for item in plan.items
        if kind in item.evidence and item.schedule in ("monthly", "quarterly")
    ]
    return f"{plan.year}-{regular[0].number}" if len(regular) == 1 else ""


KINDS = {key: section.name for key, section in _KINDS.items()}
