from datetime import date, datetime

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
