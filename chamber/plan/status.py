"""How far each plan item has got, judged from what the site has published.

Evidence for an item is a published (not draft) publication dated on or before the
as-of date that references the item («2021-6»), sits in one of the item's evidence
sections and meets its requirements (video, transcript, city); plus the manual
evidence in the plan file dated on or before the as-of date.
"""

import calendar
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from chamber.plan.model import Item, Plan
from chamber.russian.dates import format_month
from chamber.sections import SECTIONS

STATUSES = ("done", "in_progress", "overdue", "planned")
STATUS_LABELS = {
    "done": "выполнено",
    "in_progress": "в работе",
    "overdue": "просрочено",
    "planned": "запланировано",
}

# A digest is written after the month it covers (its `Month`), so a month is only
# expected once 14 days have passed since its last day: the March digest becomes
# due on 15 April. Quarters get the same grace for one rule, but an article covers
# the quarter of its own date: one published in the grace days counts for the next
# quarter, and the grace only delays calling an empty quarter overdue.
GRACE = datetime.timedelta(days=14)

_MEETS_REQUIREMENT: dict[str, Callable[["Publication"], bool]] = {
    "video": lambda publication: publication.has_video,
    "transcript": lambda publication: publication.has_transcript,
    "city": lambda publication: bool(publication.city),
}
_UNMET_MESSAGES = {
    "video": "нет видеозаписи",
    "transcript": "нет стенограммы",
    "city": "не указан город",
}
_ROMAN_QUARTERS = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Publication:
    title: str
    url: str
    date: datetime.date
    section: str
    # As the reader wrote its checked references (PlanRef): «2021-6».
    plan_refs: tuple[str, ...]
    published: bool
    # Digests only: the month the digest covers, "YYYY-MM", checked when read.
    month: str | None = None
    city: str | None = None
    has_video: bool = False
    has_transcript: bool = False


@dataclass(frozen=True)
class EvidenceLink:
    title: str
    url: str
    date: datetime.date


@dataclass(frozen=True)
class Period:
    label: str
    start: datetime.date
    end: datetime.date
    # Ended, grace included: an uncovered due period makes the item overdue.
    due: bool
    covered: bool
    evidence_urls: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    # Periods covered, early ones included: «8 of 12 digests».
    covered: int
    # Periods due (ended, grace included) and how many of them are covered: the
    # item is overdue exactly when due_covered < expected. `covered` alone can
    # reach `expected` with a due period still empty, if a later one came early.
    expected: int
    due_covered: int
    total: int
    periods: tuple[Period, ...]


@dataclass(frozen=True)
class ItemStatus:
    item: Item
    status: str
    evidence: tuple[EvidenceLink, ...]
    progress: Progress | None
    missing: tuple[str, ...]
    # Publications that reference the item from a section it takes no evidence
    # from (the meeting that discussed a concept): shown, never counted.
    related: tuple[EvidenceLink, ...] = ()


@dataclass(frozen=True)
class PlanReport:
    plan: Plan
    as_of: datetime.date
    items: tuple[ItemStatus, ...]
    summary: dict[str, int]


@dataclass(frozen=True)
class _Evidence:
    link: EvidenceLink
    # (year, month) the evidence covers: a digest's month, otherwise its date's.
    covers: tuple[int, int]


def compute_report(
    plan: Plan, publications: Iterable[Publication], as_of: datetime.date
) -> PlanReport:
    referencing = _publications_by_item(plan, publications)
    items = tuple(
        _item_status(plan.year, item, referencing.get(item.number, []), as_of)
        for item in plan.items
    )
    summary = {status: 0 for status in STATUSES}
    for item_status in items:
        summary[item_status.status] += 1
    return PlanReport(plan=plan, as_of=as_of, items=items, summary=summary)


def _publications_by_item(
    plan: Plan, publications: Iterable[Publication]
) -> dict[int, list[Publication]]:
    # The references were checked and written alike («2021-6») when read.
    numbers_by_ref = {f"{plan.year}-{item.number}": item.number for item in plan.items}
    by_item: dict[int, list[Publication]] = {}
    for publication in publications:
        numbers = {
            numbers_by_ref[ref]
            for ref in publication.plan_refs
            if ref in numbers_by_ref
        }
        for number in numbers:
            by_item.setdefault(number, []).append(publication)
    return by_item


def _item_status(
    year: int, item: Item, referencing: list[Publication], as_of: datetime.date
) -> ItemStatus:
    visible = sorted(
        (
            publication
            for publication in referencing
            if publication.published and publication.date <= as_of
        ),
        key=lambda publication: (publication.date, publication.title, publication.url),
    )
    candidates = [p for p in visible if p.section in item.evidence]
    related = tuple(
        EvidenceLink(p.title, p.url, p.date)
        for p in visible
        if p.section not in item.evidence
    )
    status = _judged_status(year, item, candidates, as_of)
    return replace(status, related=related)


def _judged_status(
    year: int, item: Item, candidates: list[Publication], as_of: datetime.date
) -> ItemStatus:
    evidence: list[_Evidence] = []
    unmet: list[str] = []
    for publication in candidates:
        gaps = [
            _UNMET_MESSAGES[requirement]
            for requirement in item.requires
            if not _MEETS_REQUIREMENT[requirement](publication)
        ]
        if gaps:
            unmet.extend(f"{publication.title}: {gap}" for gap in gaps)
        else:
            evidence.append(_publication_evidence(publication))
    evidence.extend(
        _Evidence(
            EvidenceLink(manual.title, manual.url, manual.date),
            (manual.date.year, manual.date.month),
        )
        for manual in item.manual_evidence
        if manual.date <= as_of
    )
    evidence.sort(key=lambda entry: (entry.link.date, entry.link.title, entry.link.url))
    if item.schedule in ("monthly", "quarterly"):
        return _recurring_status(year, item, evidence, unmet, as_of)
    return _single_status(year, item, evidence, unmet, as_of)


def _publication_evidence(publication: Publication) -> _Evidence:
    link = EvidenceLink(publication.title, publication.url, publication.date)
    if publication.month is None:
        return _Evidence(link, (publication.date.year, publication.date.month))
    year, month = publication.month.split("-")
    return _Evidence(link, (int(year), int(month)))


def _single_status(
    year: int,
    item: Item,
    evidence: list[_Evidence],
    unmet: list[str],
    as_of: datetime.date,
) -> ItemStatus:
    """One-off items (within their months) and «в течение года» items."""
    first_month, last_month = item.months or (1, 12)
    start = datetime.date(year, first_month, 1)
    end = _month_end(year, last_month)
    if item.schedule == "once":
        needed = item.count
        done = len(evidence) >= needed
    else:
        # «В течение года» means within the plan's year: evidence for another year
        # (by date; a digest by its month) does not count and is not listed.
        # The item is judged only once the year is over.
        evidence = [entry for entry in evidence if entry.covers[0] == year]
        needed = 1
        done = as_of > end and bool(evidence)
    if done:
        status = "done"
    elif as_of < start:
        status = "planned"
    elif as_of <= end:
        status = "in_progress"
    else:
        status = "overdue"
    missing = [] if done else list(unmet)
    if status in ("in_progress", "overdue"):
        if evidence and len(evidence) < needed:
            missing.append(f"подтверждено {len(evidence)} из {needed}")
        elif not evidence and not unmet:
            missing.append(
                "нет публикаций"
                if item.schedule == "once"
                else f"нет публикаций за {year} год"
            )
    return ItemStatus(
        item=item,
        status=status,
        evidence=tuple(entry.link for entry in evidence),
        progress=None,
        missing=tuple(missing),
    )


def _recurring_status(
    year: int,
    item: Item,
    evidence: list[_Evidence],
    unmet: list[str],
    as_of: datetime.date,
) -> ItemStatus:
    # Evidence for another year covers no period of this plan and is not listed.
    evidence = [entry for entry in evidence if entry.covers[0] == year]
    periods: list[Period] = []
    for label, start, end in _periods(year, item.schedule):
        covering = [
            entry for entry in evidence if start.month <= entry.covers[1] <= end.month
        ]
        periods.append(
            Period(
                label=label,
                start=start,
                end=end,
                due=as_of > end + GRACE,
                covered=bool(covering),
                evidence_urls=tuple(entry.link.url for entry in covering),
            )
        )
    due = [period for period in periods if period.due]
    covered = sum(period.covered for period in periods)
    due_covered = sum(period.covered for period in due)
    if as_of < datetime.date(year, 1, 1):
        status = "planned"
    elif covered == len(periods):
        status = "done"
    # Only due periods are compared with the number expected: counting every
    # covered period would let an early December digest make up for a missing
    # January.
    elif due_covered < len(due):
        status = "overdue"
    else:
        status = "in_progress"
    missing = []
    if status != "done":
        noun = (
            SECTIONS[item.evidence[0]].genitive
            if len(item.evidence) == 1
            else "публикации"
        )
        missing = [
            f"нет {noun} за {period.label}" for period in due if not period.covered
        ] + unmet
    return ItemStatus(
        item=item,
        status=status,
        evidence=tuple(entry.link for entry in evidence),
        progress=Progress(
            covered=covered,
            expected=len(due),
            due_covered=due_covered,
            total=len(periods),
            periods=tuple(periods),
        ),
        missing=tuple(missing),
    )


def _periods(
    year: int, schedule: str
) -> list[tuple[str, datetime.date, datetime.date]]:
    if schedule == "monthly":
        return [
            (
                format_month(datetime.date(year, month, 1)),
                datetime.date(year, month, 1),
                _month_end(year, month),
            )
            for month in range(1, 13)
        ]
    return [
        (
            f"{roman} квартал {year}",
            datetime.date(year, 3 * index + 1, 1),
            _month_end(year, 3 * index + 3),
        )
        for index, roman in enumerate(_ROMAN_QUARTERS)
    ]


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])
