"""The archive's years and months, as the sidebar of every archive page lists them
(the months of the years in view only), and a year's page, month by month.

Pelican hands each archive page the whole `period_archives`; sorting, grouping and
naming its months in the template took as long again for each of the hundred
pages as the rest of the page. The list is the same for every page: made once.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chamber.russian.dates import format_month


@dataclass(frozen=True)
class ArchiveMonth:
    period_num: tuple[int, int]  # (year, month), as Pelican's period pages have it
    label: str  # «март 2021»
    url: str
    count: int


# A year's page shows each month's newest few and links the month's page for the
# rest. Listing the whole year, it grew with the archive: 385 KiB for a year of
# 1,000 publications (the benchmark at 10,000 documents), near the 400 KB limit.
YEAR_PAGE_LATEST = 5


@dataclass(frozen=True)
class MonthOfYear:
    month: int
    newest: tuple  # at most YEAR_PAGE_LATEST publications, the newest first
    count: int  # all of the month's


@dataclass(frozen=True)
class ArchiveYear:
    number: int
    url: str
    months: tuple[ArchiveMonth, ...]  # the newest first
    count: int  # all of the year's, listed by month or not


def archive_years(period_archives: Mapping[str, Sequence[Mapping]]) -> tuple:
    """Every year with its months, the newest first; a month without its year's
    archive (YEAR_ARCHIVE_SAVE_AS off) is not listed."""
    months: dict[int, list[ArchiveMonth]] = {}
    for month in period_archives.get("month", ()):
        months.setdefault(month["period_num"][0], []).append(
            ArchiveMonth(
                month["period_num"],
                format_month(month["dates"][0].date),
                month["url"],
                len(month["dates"]),
            )
        )
    years = sorted(
        period_archives.get("year", ()), key=lambda y: y["period_num"], reverse=True
    )
    return tuple(
        ArchiveYear(
            year["period_num"][0],
            year["url"],
            tuple(
                sorted(
                    months.get(year["period_num"][0], ()),
                    key=lambda m: m.period_num,
                    reverse=True,
                )
            ),
            len(year["dates"]),
        )
        for year in years
    )


def months_of_year(dates: Sequence, latest: int = YEAR_PAGE_LATEST) -> tuple:
    """A year page's publications by month, the newest month first, each cut to
    its `latest` newest; publications of the same moment keep their order."""
    by_month: dict[int, list] = {}
    for publication in dates:
        by_month.setdefault(publication.date.month, []).append(publication)
    return tuple(
        MonthOfYear(
            month,
            tuple(sorted(items, key=lambda p: p.date, reverse=True)[:latest]),
            len(items),
        )
        for month, items in sorted(by_month.items(), reverse=True)
    )
