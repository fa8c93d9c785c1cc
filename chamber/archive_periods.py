"""The archive's years and months, as the sidebar of every archive page lists them.

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


@dataclass(frozen=True)
class ArchiveYear:
    number: int
    url: str
    months: tuple[ArchiveMonth, ...]  # the newest first


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
        )
        for year in years
    )
