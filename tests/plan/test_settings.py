from datetime import date, datetime

import pytest

from plan.settings import DEFAULTS, SettingsError, checked_settings

TODAY = date(2021, 6, 15)


def test_defaults_judge_the_plan_today():
    settings = checked_settings({}, TODAY)
    assert settings == DEFAULTS | {"PLAN_AS_OF": TODAY}
    assert settings["PLAN_URL"] == "plan/{year}/"
    assert settings["PLAN_JSON_SAVE_AS"] == "plan/{year}.json"
    assert settings["PLAN_INDEX_URL"] == "plan/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-12-31", date(2021, 12, 31)),
        (" 2021-02-10 ", date(2021, 2, 10)),
        (date(2022, 1, 20), date(2022, 1, 20)),
        (None, TODAY),
        ("", TODAY),
    ],
)
def test_as_of_is_a_date(value, expected):
    assert checked_settings({"PLAN_AS_OF": value}, TODAY)["PLAN_AS_OF"] == expected


@pytest.mark.parametrize(
    "value",
    [
        "31.12.2021",
        "2021-02-30",
        "2021-2-1",
        "завтра",
        20211231,
        datetime(2021, 12, 31, 10),
    ],
)
def test_as_of_that_is_not_a_day_is_refused_in_russian(value):
    with pytest.raises(
        SettingsError, match=r"PLAN_AS_OF: .* не дата\. Пишите ГГГГ-ММ-ДД"
    ):
        checked_settings({"PLAN_AS_OF": value}, TODAY)


@pytest.mark.parametrize("name", ["PLAN_URL", "PLAN_SAVE_AS", "PLAN_JSON_SAVE_AS"])
@pytest.mark.parametrize(
    "pattern", ["plan/", "plan/{slug}/", "plan/{year", "plan/{0}/"]
)
def test_per_year_patterns_need_the_year_and_nothing_else(name, pattern):
    with pytest.raises(SettingsError, match=rf"{name}: .*должен содержать {{year}}"):
        checked_settings({name: pattern}, TODAY)


@pytest.mark.parametrize("value", ["", "  ", None, 5])
def test_addresses_are_non_empty_strings(value):
    with pytest.raises(
        SettingsError, match="PLAN_INDEX_URL должна быть непустой строкой"
    ):
        checked_settings({"PLAN_INDEX_URL": value}, TODAY)


def test_own_addresses_are_kept():
    settings = checked_settings(
        {"PLAN_URL": "plany/{year}/", "PLAN_SAVE_AS": "plany/{year}/index.html"}, TODAY
    )
    assert settings["PLAN_URL"] == "plany/{year}/"
    assert settings["PLAN_SAVE_AS"] == "plany/{year}/index.html"
