"""The plan pages' settings, with defaults, checked when the build starts."""

import datetime
from collections.abc import Mapping
from typing import Any

from chamber.problems import SettingsError
from chamber.russian.dates import parse_day
from chamber.settings_rules import is_count, with_defaults

DEFAULTS: dict[str, Any] = {
    # The date the plan is judged on; None means today in the site's TIMEZONE.
    # `invoke build --as-of` passes a date; a string (pelicanconf, `pelican -e`) is parsed here.
    "PLAN_AS_OF": None,
    "PLAN_URL": "plan/{year}/",
    "PLAN_SAVE_AS": "plan/{year}/index.html",
    "PLAN_JSON_SAVE_AS": "plan/{year}.json",
    "PLAN_INDEX_URL": "plan/",
    "PLAN_INDEX_SAVE_AS": "plan/index.html",
    # Every item of every plan has a page of its own, with all its links.
    "PLAN_ITEM_URL": "plan/{year}/items/{number}/",
    "PLAN_ITEM_SAVE_AS": "plan/{year}/items/{number}/index.html",
    # How many of an item's evidence links, and of its related ones, the plan
    # page shows (the latest): the page must not grow with the publications.
    "PLAN_EVIDENCE_SHOWN": 5,
}

_ADDRESSES = tuple(
    name for name in DEFAULTS if name not in ("PLAN_AS_OF", "PLAN_EVIDENCE_SHOWN")
)
# Every plan has its own page and file: a pattern without the year would write
# each year's plan over the previous one.
_PER_YEAR = ("PLAN_URL", "PLAN_SAVE_AS", "PLAN_JSON_SAVE_AS")
# And every item its own page: without the number each would overwrite the last.
_PER_ITEM = ("PLAN_ITEM_URL", "PLAN_ITEM_SAVE_AS")


def checked_settings(settings: Mapping[str, Any], today: datetime.date) -> dict:
    """The plugin's settings merged with defaults, `PLAN_AS_OF` as a date."""
    merged = with_defaults(settings, DEFAULTS)
    for name in _ADDRESSES:
        if not isinstance(merged[name], str) or not merged[name].strip():
            raise SettingsError(f"настройка {name} должна быть непустой строкой.")
    for name in _PER_YEAR:
        try:
            per_year = merged[name].format(year=2021) != merged[name].format(year=2022)
        except (KeyError, IndexError, ValueError):
            per_year = False
        if not per_year:
            raise SettingsError(
                f"настройка {name}: «{merged[name]}» — шаблон должен содержать "
                "{year} и ничего другого в фигурных скобках, например plan/{year}/: "
                "у плана каждого года своя страница."
            )
    for name in _PER_ITEM:
        if not _per_item(merged[name]):
            raise SettingsError(
                f"настройка {name}: «{merged[name]}» — шаблон должен содержать "
                "{year} и {number} и ничего другого в фигурных скобках, например "
                "plan/{year}/items/{number}/: у каждого пункта плана своя страница."
            )
    if not is_count(merged["PLAN_EVIDENCE_SHOWN"]):
        raise SettingsError(
            "настройка PLAN_EVIDENCE_SHOWN должна быть целым числом не меньше 1 "
            "(сколько последних подтверждений и связанных публикаций пункта "
            f"показывать на странице плана), а не {merged['PLAN_EVIDENCE_SHOWN']!r}."
        )
    merged["PLAN_AS_OF"] = as_of_date(merged["PLAN_AS_OF"], today)
    return merged


def _per_item(pattern: str) -> bool:
    try:
        addresses = {
            pattern.format(year=year, number=number)
            for year, number in ((2021, 1), (2021, 2), (2022, 1))
        }
    except (KeyError, IndexError, ValueError):
        return False
    return len(addresses) == 3


def as_of_date(value: Any, today: datetime.date) -> datetime.date:
    if value is None or value == "":
        return today
    # A datetime is a date too, but the plan is judged by days, not hours.
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str):
        try:
            return parse_day(value)
        except ValueError:
            pass
    raise SettingsError(
        f"настройка PLAN_AS_OF: «{value}» — не дата. Пишите ГГГГ-ММ-ДД, "
        "например 2021-06-30."
    )
