from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date as babel_format_date

from chamber.russian.dates import (
    format_date,
    format_datetime,
    format_iso_date,
    format_month,
    format_month_name,
)


def test_long_date_has_genitive_month_and_year_mark():
    assert format_date(date(2021, 1, 19)) == "19 января 2021 г."


def test_month_and_year_is_nominative():
    assert format_month(date(2021, 3, 1)) == "март 2021"
    assert format_month(date(2021, 5, 31)) == "май 2021"


def test_a_month_alone_is_nominative_or_abbreviated():
    assert format_month_name(date(2021, 9, 1)) == "сентябрь"
    assert format_month_name(date(2021, 9, 1), short=True) == "сент."


def test_meeting_time_is_shown_with_date():
    assert format_datetime(datetime(2021, 9, 22, 10, 0)) == "22 сентября 2021 г., 10:00"


def test_machine_readable_date_for_time_element():
    assert format_iso_date(date(2021, 3, 5)) == "2021-03-05"
    assert format_iso_date(datetime(2021, 3, 5, 14, 30)) == "2021-03-05T14:30"


# The formatting is remembered; it must give what Babel gives for each value.
AWARE_UTC = datetime(2020, 12, 31, 22, 30, tzinfo=UTC)
AWARE_MOSCOW = AWARE_UTC.astimezone(ZoneInfo("Europe/Moscow"))  # 1 January 2021


@pytest.mark.parametrize(
    "value",
    [
        date(2021, 1, 19),
        date(2024, 2, 29),
        datetime(2021, 9, 22, 10, 0),
        AWARE_UTC,
        AWARE_MOSCOW,
    ],
)
def test_remembered_formats_are_babels(value):
    def babel(pattern):
        return babel_format_date(value, pattern, locale="ru_RU")

    assert format_date(value) == babel("d MMMM y 'г.'")
    assert format_month(value) == babel("LLLL y")
    assert format_month_name(value) == babel("LLLL")
    assert format_month_name(value, short=True) == babel("LLL")


def test_one_instant_in_two_zones_keeps_each_zones_day():
    # Equal as datetimes, yet a day and a year apart on the calendar.
    assert AWARE_UTC == AWARE_MOSCOW
    assert format_date(AWARE_UTC) == "31 декабря 2020 г."
    assert format_date(AWARE_MOSCOW) == "1 января 2021 г."
    assert format_month(AWARE_UTC) == "декабрь 2020"
    assert format_month(AWARE_MOSCOW) == "январь 2021"


def test_the_short_and_the_full_month_are_remembered_apart():
    day = date(2021, 9, 1)
    assert format_month_name(day) == "сентябрь"
    assert format_month_name(day, short=True) == "сент."
    assert format_month_name(day) == "сентябрь"
