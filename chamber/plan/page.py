"""What the plan pages show: the report arranged for reading, in Russian words.

The status is always said in words and marked by a distinct symbol as well as a
colour, so that it reads in monochrome print and to a screen reader.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby

from chamber.plan.model import Section
from chamber.plan.status import (
    STATUS_LABELS,
    STATUSES,
    EvidenceLink,
    ItemStatus,
    Period,
    PlanReport,
    Progress,
)
from chamber.russian.dates import format_month_name
from chamber.russian.plurals import count_with_noun, plural_form
from chamber.sections import SECTIONS
from chamber.sections import Section as PublicationSection

STATUS_ICONS = {"done": "✓", "in_progress": "◔", "overdue": "!", "planned": "○"}
# What is missing, at most this many lines on the item's own page; the plan page
# shows as many as it shows links. The plan's JSON file has every one.
GAPS_ON_ITEM_PAGE = 20
_GAP_NOUN = ("замечание", "замечания", "замечаний")

# A period is covered, missed (due and uncovered) or still ahead.
PERIOD_STATES = {
    "covered": ("✓", "есть"),
    "missed": ("✗", "нет"),
    "ahead": ("…", "ожидается"),
}


def _counted_noun(section: PublicationSection) -> tuple[str, str]:
    """Genitive singular and plural: «из 21 дайджеста», «из 12 дайджестов»."""
    return section.genitive, section.genitive_plural


_ANY_PUBLICATION = ("публикации", "публикаций")
# «Все 12 подтверждений пункта 13», «Все 21 связанная публикация пункта 5».
_EVIDENCE_NOUN = ("подтверждение", "подтверждения", "подтверждений")
_RELATED_NOUN = ("связанная публикация", "связанные публикации", "связанных публикаций")
_ROMAN_QUARTERS = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    icon: str
    count: int


@dataclass(frozen=True)
class PeriodCell:
    # The page is about one year: «январь», «I квартал» need no year.
    name: str
    state: str  # a key of PERIOD_STATES
    icon: str
    state_label: str
    url: str | None  # the first evidence covering the period


@dataclass(frozen=True)
class EvidenceView:
    link: EvidenceLink
    # Manual evidence points to other sites (the State Duma's, the Congress's).
    external: bool


@dataclass(frozen=True)
class ShownLinks:
    """One of an item's lists as a page shows it: the latest links, in date order.

    `total` is the whole list's length; when links are left out, `more_text`
    words the link to the item's page, where all of them are.
    """

    links: tuple[EvidenceView, ...]
    total: int
    more_text: str | None


@dataclass(frozen=True)
class ItemView:
    item_status: ItemStatus
    # The item's own page, relative to the site: every link is there.
    url: str
    # The item's page shows everything (the expected result too); the plan page
    # the latest few links of each list, so that it does not grow with them.
    full: bool
    label: str
    icon: str
    result_paragraphs: tuple[str, ...]
    evidence: ShownLinks
    related: ShownLinks
    # Recurring items only: «8 из 12 дайджестов», what was due by the as-of date
    # («к дате отчёта ожидалось 11, из них есть 7») and one cell per period.
    progress_text: str | None
    expected_text: str | None
    cells: tuple[PeriodCell, ...]
    # How many lines of `gaps` a page shows.
    gaps_limit: int

    @property
    def gaps(self) -> tuple[str, ...]:
        """What is missing beyond the periods whose cells already say «нет».

        The item's status lists one gap for each missed period first, then the
        other requirements (status.py), so the page does not say each twice.
        """
        missed = sum(cell.state == "missed" for cell in self.cells)
        return self.item_status.missing[missed:]

    @property
    def gaps_on_page(self) -> tuple[str, ...]:
        """The first of `gaps`: one line for each publication short of what
        the item requires would grow the page with the archive."""
        return self.gaps[: self.gaps_limit]

    @property
    def more_gaps_text(self) -> str | None:
        """«И ещё 12 замечаний», when `gaps_on_page` leaves some out."""
        left = len(self.gaps) - self.gaps_limit
        return f"И ещё {count_with_noun(left, *_GAP_NOUN)}" if left > 0 else None

    @property
    def links_text(self) -> str | None:
        """«33 подтверждения и 2 связанные публикации»: the item's pages count
        both lists, since the second may begin only on a later page."""
        counts = [
            count_with_noun(shown.total, *noun)
            for shown, noun in (
                (self.evidence, _EVIDENCE_NOUN),
                (self.related, _RELATED_NOUN),
            )
            if shown.total
        ]
        return " и ".join(counts) or None

    @property
    def item(self):
        return self.item_status.item

    @property
    def status(self) -> str:
        return self.item_status.status


@dataclass(frozen=True)
class SectionView:
    section: Section
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class ItemLink:
    """One line of an item's own pages. Pelican's paginator cuts an item's lines
    into pages (`PAGINATED_TEMPLATES["plan_item"]`), so that a busy item's page
    does not grow with the year's publications."""

    list_name: str  # "evidence" or "related"
    place: int  # in its list, from 1
    total: int  # its list's length
    shown: EvidenceView


@dataclass(frozen=True)
class LinksOnPage:
    """The part of one of an item's lists that one of the item's pages holds."""

    list_name: str
    links: tuple[EvidenceView, ...]
    first: int  # the place of links[0] in the whole list, from 1
    total: int

    @property
    def range_text(self) -> str | None:
        """«21–33 из 33» when the list is cut over pages, else None."""
        if len(self.links) == self.total:
            return None
        last = self.first + len(self.links) - 1
        shown = str(last) if last == self.first else f"{self.first}\u2013{last}"
        return f"{shown} из {self.total}"


@dataclass(frozen=True)
class ItemPage:
    view: ItemView
    section: Section
    save_as: str
    # Every line of the item's pages, in order; a page holds a run of them.
    links: tuple[ItemLink, ...]

    @property
    def url(self) -> str:
        return self.view.url


@dataclass(frozen=True)
class PlanPage:
    report: PlanReport
    url: str
    save_as: str
    json_save_as: str
    counts: tuple[StatusCount, ...]
    sections: tuple[SectionView, ...]
    timeline_svg: str

    @property
    def plan(self):
        return self.report.plan

    @property
    def year(self) -> int:
        return self.report.plan.year


def status_counts(summary: Mapping[str, int]) -> tuple[StatusCount, ...]:
    return tuple(
        StatusCount(
            status, STATUS_LABELS[status], STATUS_ICONS[status], summary[status]
        )
        for status in STATUSES
    )


def sections_with_items(
    report: PlanReport, siteurl: str, item_url: str, shown: int
) -> tuple[SectionView, ...]:
    """The plan page's sections in the plan's order, each with its items, every
    list cut to its `shown` latest links; empty sections left out.

    `item_url` is the pattern of the items' pages (PLAN_ITEM_URL).
    """
    year = report.plan.year
    views = [
        item_view(
            item_status,
            siteurl,
            item_url.format(year=year, number=item_status.item.number),
            shown,
        )
        for item_status in report.items
    ]
    return tuple(
        SectionView(section, items)
        for section in report.plan.sections
        if (items := tuple(v for v in views if v.item.section == section.number))
    )


def item_pages(
    report: PlanReport, siteurl: str, item_url: str, item_save_as: str
) -> tuple[ItemPage, ...]:
    """A page for every item of the plan, with all of its links."""
    year = report.plan.year
    pages = []
    for item_status in report.items:
        view = item_view(
            item_status,
            siteurl,
            item_url.format(year=year, number=item_status.item.number),
        )
        pages.append(
            ItemPage(
                view=view,
                section=report.plan.section(item_status.item.section),
                save_as=item_save_as.format(year=year, number=item_status.item.number),
                links=item_links(view),
            )
        )
    return tuple(pages)


def item_links(view: ItemView) -> tuple[ItemLink, ...]:
    """The lines of an item's own pages: its evidence, then its related
    publications, each list in date order."""
    return tuple(
        ItemLink(list_name, place, shown.total, link)
        for list_name, shown in (("evidence", view.evidence), ("related", view.related))
        for place, link in enumerate(shown.links, 1)
    )


def item_lists_on_page(links: Iterable[ItemLink]) -> tuple[LinksOnPage, ...]:
    """The parts of the item's lists that a page holding `links` shows, in order."""
    parts = []
    for list_name, run in groupby(links, key=lambda link: link.list_name):
        lines = tuple(run)
        parts.append(
            LinksOnPage(
                list_name,
                tuple(line.shown for line in lines),
                lines[0].place,
                lines[0].total,
            )
        )
    return tuple(parts)


def item_view(
    item_status: ItemStatus, siteurl: str, url: str, shown: int | None = None
) -> ItemView:
    """What a page shows of one item, whose own page is at `url`: everything
    (`shown` None: that page) or the `shown` latest links of each list."""
    item = item_status.item
    progress = item_status.progress

    def view(link: EvidenceLink) -> EvidenceView:
        return EvidenceView(link, external=not link.url.startswith(f"{siteurl}/"))

    return ItemView(
        item_status=item_status,
        url=url,
        full=shown is None,
        label=STATUS_LABELS[item_status.status],
        icon=STATUS_ICONS[item_status.status],
        result_paragraphs=tuple(
            line.strip() for line in item.result.splitlines() if line.strip()
        ),
        evidence=latest_links(
            tuple(map(view, item_status.evidence)), shown, _EVIDENCE_NOUN, item.number
        ),
        related=latest_links(
            tuple(map(view, item_status.related)), shown, _RELATED_NOUN, item.number
        ),
        progress_text=(
            None if progress is None else _progress_text(progress, item.evidence)
        ),
        expected_text=None if progress is None else _expected_text(progress),
        cells=tuple(
            _period_cell(period, item.schedule)
            for period in (progress.periods if progress else ())
        ),
        gaps_limit=GAPS_ON_ITEM_PAGE if shown is None else shown,
    )


def latest_links(
    links: tuple[EvidenceView, ...],
    shown: int | None,
    noun: tuple[str, str, str],
    number: int,
) -> ShownLinks:
    """The `shown` latest of `links` (kept in date order, oldest first, as the
    report sorts them), or all of them when `shown` is None or they fit."""
    if shown is None or len(links) <= shown:
        return ShownLinks(links, len(links), None)
    total = count_with_noun(len(links), *noun)
    return ShownLinks(links[-shown:], len(links), f"Все {total} пункта {number}")


def _progress_text(progress: Progress, evidence_sections: tuple[str, ...]) -> str:
    """«8 из 12 дайджестов»: periods covered of the year's, named by what covers them."""
    singular, plural = (
        _counted_noun(SECTIONS[evidence_sections[0]])
        if len(evidence_sections) == 1
        else _ANY_PUBLICATION
    )
    noun = plural_form(progress.total, singular, plural, plural)
    return f"{progress.covered} из {progress.total}\u00a0{noun}"


def _expected_text(progress: Progress) -> str:
    """What was due and how much of it is there: the numbers the status follows.

    «2 из 4 статей» with 2 expected may still be overdue when one of the two
    covers a quarter not yet due; «ожидалось 2, из них есть 1» says why.
    """
    if progress.expected == 0:
        return "к дате отчёта ещё ничего не ожидалось"
    return (
        f"к дате отчёта ожидалось {progress.expected}, "
        f"из них есть {progress.due_covered}"
    )


def _period_cell(period: Period, schedule: str) -> PeriodCell:
    if period.covered:
        state = "covered"
    elif period.due:
        state = "missed"
    else:
        state = "ahead"
    icon, state_label = PERIOD_STATES[state]
    if schedule == "monthly":
        name = format_month_name(period.start)
    else:
        name = f"{_ROMAN_QUARTERS[(period.start.month - 1) // 3]} квартал"
    return PeriodCell(
        name=name,
        state=state,
        icon=icon,
        state_label=state_label,
        url=period.evidence_urls[0] if period.evidence_urls else None,
    )


def current_page(pages: Iterable[PlanPage], as_of: datetime.date) -> PlanPage | None:
    """The plan the home page sums up: the as-of year's, else the latest before it."""
    by_year = sorted(pages, key=lambda page: page.year)
    past = [page for page in by_year if page.year <= as_of.year]
    if past:
        return past[-1]
    return by_year[0] if by_year else None
