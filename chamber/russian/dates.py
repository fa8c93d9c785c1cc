"""Russian dates through Babel, independent of the machine's locale.

Pelican's ``DATE_FORMATS`` would call ``setlocale`` for the whole process and fall
back to English month names where ``ru_RU`` is missing.
"""

import os
import re
from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time

LOCALE = "ru_RU"

# «19 января 2021 г.»: genitive month, as in running text and official documents.
LONG_DATE = "d MMMM y 'г.'"
# «март 2021»: nominative month, as in a digest title or a calendar heading.
MONTH_YEAR = "LLLL y"
# «март», «янв.»: a month within a year the page already names (the plan's).
MONTH = "LLLL"
MONTH_SHORT = "LLL"

# ISO only: «05.01.2021» is 5 January to editors and 1 May to dateutil, and
# `date.fromisoformat` would also take «20210105» or «2021-W01-2».
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def format_date(value: date | datetime) -> str:
    return _formatted(value.year, value.month, value.day, LONG_DATE)


def format_datetime(value: datetime) -> str:
    """«19 января 2021 г., 10:00» — a meeting's start in Moscow time."""
    return f"{format_date(value)}, {babel_format_time(value, 'HH:mm', locale=LOCALE)}"


def format_month(value: date | datetime) -> str:
    return _formatted(value.year, value.month, 1, MONTH_YEAR)


def format_month_name(value: date | datetime, short: bool = False) -> str:
    return _formatted(value.year, value.month, 1, MONTH_SHORT if short else MONTH)


# Every archive page lists every month of the archive, and Babel takes about
# 0.2 ms a date. Keyed by the calendar day, never by the value itself: two aware
# datetimes of one instant in different zones are equal, yet fall on different
# days; Babel, too, formats a datetime's own (local) date.
@lru_cache(maxsize=8192)
def _formatted(year: int, month: int, day: int, pattern: str) -> str:
    return babel_format_date(date(year, month, day), pattern, locale=LOCALE)


def format_iso_date(value: date | datetime) -> str:
    """The machine-readable form for ``<time datetime>``."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def parse_day(text: str) -> date:
    """A day written ГГГГ-ММ-ДД; ValueError for anything else, the caller says where."""
    if not _ISO_DAY.fullmatch(text.strip()):
        raise ValueError(text)
    return date.fromisoformat(text.strip())


def site_today(timezone: str) -> date:
    """Today in the site's time zone (the `TIMEZONE` setting).

    A reproducible build (SOURCE_DATE_EPOCH) is made as of its commit's day.
    """
    zone = ZoneInfo(timezone)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).astimezone(zone).date()
    return datetime.now(zone).date()
