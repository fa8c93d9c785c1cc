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


def test_every_item_has_its_own_page_by_default():
    settings = checked_settings({}, TODAY)
    assert settings["PLAN_ITEM_URL"].format(year=2021, number=13) == (
        "plan/2021/items/13/"
    )
    assert settings["PLAN_ITEM_SAVE_AS"].format(year=2021, number=13) == (
        "plan/2021/items/13/index.html"
    )
    assert settings["PLAN_EVIDENCE_SHOWN"] == 5


@pytest.mark.parametrize("name", ["PLAN_ITEM_URL", "PLAN_ITEM_SAVE_AS"])
@pytest.mark.parametrize(
    "pattern",
    ["plan/{year}/items/", "plan/items/{number}/", "plan/{year}/{slug}/", "{0}/{1}"],
)
def test_item_patterns_need_the_year_and_the_number(name, pattern):
    with pytest.raises(
        SettingsError, match=rf"{name}: .*должен содержать {{year}} и {{number}}"
    ):
        checked_settings({name: pattern}, TODAY)


@pytest.mark.parametrize("value", [0, -1, "5", 2.5, True, None])
def test_links_shown_is_a_whole_number_of_at_least_one(value):
    with pytest.raises(
        SettingsError,
        match=r"PLAN_EVIDENCE_SHOWN должна быть целым числом не меньше 1 .* а не ",
    ):
        checked_settings({"PLAN_EVIDENCE_SHOWN": value}, TODAY)


def test_own_item_addresses_and_limit_are_kept():
    settings = checked_settings(
        {
            "PLAN_ITEM_URL": "plany/{year}/punkt-{number}/",
            "PLAN_EVIDENCE_SHOWN": 3,
        },
        TODAY,
    )
    assert settings["PLAN_ITEM_URL"] == "plany/{year}/punkt-{number}/"
    assert settings["PLAN_EVIDENCE_SHOWN"] == 3
