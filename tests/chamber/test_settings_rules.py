import pytest

from chamber.problems import SettingsError
from chamber.settings_rules import (
    check_preview_site_url,
    checked_site_url,
    is_absolute_url,
    is_count,
    with_defaults,
)


def test_a_plugin_reads_its_own_settings_with_defaults():
    defaults = {"X_LIMIT": 50, "X_URL": "x/"}
    settings = {"X_LIMIT": 10, "SITENAME": "Палата"}
    assert with_defaults(settings, defaults) == {"X_LIMIT": 10, "X_URL": "x/"}


@pytest.mark.parametrize(
    ("value", "minimum", "expected"),
    [(1, 1, True), (0, 1, False), (0, 0, True), (True, 1, False), (2.0, 1, False)],
)
def test_a_count_is_a_whole_number_not_a_truth_value(value, minimum, expected):
    assert is_count(value, minimum) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://palata.example.ru", True),
        ("http://localhost:8000", True),
        ("palata.example.ru", False),
        ("ftp://palata.example.ru", False),
        ("https://", False),
        (None, False),
    ],
)
def test_an_absolute_address_has_a_web_scheme_and_a_host(value, expected):
    assert is_absolute_url(value) is expected


def test_siteurl_may_be_empty_for_a_preview():
    assert checked_site_url({"SITEURL": ""}, "ленты") == ""
    assert checked_site_url({}, "ленты") == ""
    assert checked_site_url({"SITEURL": "https://a.ru"}, "ленты") == "https://a.ru"


def test_a_relative_siteurl_says_what_is_built_from_it():
    with pytest.raises(SettingsError) as raised:
        checked_site_url({"SITEURL": "palata.ru"}, "адреса в лентах")
    assert str(raised.value) == (
        "SITEURL «palata.ru» должен быть полным адресом (https://…) или пустым "
        "для предпросмотра: из него строятся адреса в лентах."
    )


def test_a_preview_address_must_be_full():
    check_preview_site_url("X_PREVIEW_SITEURL", "http://localhost:8000")
    with pytest.raises(SettingsError) as raised:
        check_preview_site_url("X_PREVIEW_SITEURL", "localhost")
    assert str(raised.value) == (
        "настройка X_PREVIEW_SITEURL должна быть полным адресом, "
        "например http://localhost:8000, а не 'localhost'."
    )
