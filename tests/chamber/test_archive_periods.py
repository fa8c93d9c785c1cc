from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from chamber.archive_periods import (
    ArchiveMonth,
    ArchiveYear,
    archive_years,
    months_of_year,
)

MOSCOW = ZoneInfo("Europe/Moscow")


def _articles(*days):
    return [SimpleNamespace(date=datetime(*day, 12, 0, tzinfo=MOSCOW)) for day in days]


def _month(year, month, count):
    return {
        "period_num": (year, month),
        "dates": _articles(*[(year, month, 1 + n) for n in range(count)]),
        "url": f"archives/{year}/{month:02d}/",
    }


def _year(year, count):
    return {
        "period_num": (year,),
        "dates": _articles(*[(year, 1, 1 + n) for n in range(count)]),
        "url": f"archives/{year}/",
    }


def test_years_and_their_months_come_newest_first_with_labels_and_counts():
    periods = {
        "year": [_year(2020, 1), _year(2021, 5)],
        "month": [_month(2020, 12, 1), _month(2021, 1, 2), _month(2021, 3, 3)],
    }
    assert archive_years(periods) == (
        ArchiveYear(
            2021,
            "archives/2021/",
            (
                ArchiveMonth((2021, 3), "март 2021", "archives/2021/03/", 3),
                ArchiveMonth((2021, 1), "январь 2021", "archives/2021/01/", 2),
            ),
            5,
        ),
        ArchiveYear(
            2020,
            "archives/2020/",
            (ArchiveMonth((2020, 12), "декабрь 2020", "archives/2020/12/", 1),),
            1,
        ),
    )
    # A year out of view is shown with its count alone.
    assert [year.count for year in archive_years(periods)] == [5, 1]


def test_months_without_their_years_archive_are_not_listed():
    assert archive_years({"month": [_month(2021, 1, 1)]}) == ()


def test_a_year_without_month_archives_has_no_months_and_its_count():
    assert archive_years({"year": [_year(2021, 2)]}) == (
        ArchiveYear(2021, "archives/2021/", (), 2),
    )


def _publication(day, hour=12, name=""):
    return SimpleNamespace(date=datetime(*day, hour, 0, tzinfo=MOSCOW), name=name)


def test_a_year_page_shows_each_months_newest_few_and_counts_them_all():
    march = [_publication((2021, 3, day), name=f"март {day}") for day in range(1, 9)]
    may = [_publication((2021, 5, 4), name="май")]
    months = months_of_year([*march, *may], latest=3)
    assert [(m.month, m.count) for m in months] == [(5, 1), (3, 8)]
    assert [p.name for p in months[0].newest] == ["май"]
    assert [p.name for p in months[1].newest] == ["март 8", "март 7", "март 6"]


def test_publications_of_the_same_moment_keep_their_order_on_a_year_page():
    same = [_publication((2021, 3, 1), name=name) for name in "вба"]
    (march,) = months_of_year(same, latest=2)
    assert [p.name for p in march.newest] == ["в", "б"]
    assert march.count == 3
