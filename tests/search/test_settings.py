"""The plugin's settings: defaults, and one Russian message for each bad value."""

import pytest

from search.settings import DEFAULTS, SettingsError, checked_settings

SECTIONS = ("articles", "digests", "meetings", "documents")


def test_defaults_are_valid_and_index_by_default():
    settings = checked_settings({}, SECTIONS)
    assert settings == DEFAULTS
    assert settings["SEARCH_INDEX"] is True


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SEARCH_INDEX", "да", "SEARCH_INDEX должна быть True"),
        (
            "SEARCH_URL",
            "/search/",
            "SEARCH_URL — путь от корня сайта без начальной «/»",
        ),
        ("SEARCH_SAVE_AS", "", "SEARCH_SAVE_AS — путь от корня сайта"),
        (
            "SEARCH_BOX_RESULTS",
            0,
            "SEARCH_BOX_RESULTS должна быть целым числом от 1 до 20",
        ),
        ("SEARCH_BOX_RESULTS", True, "SEARCH_BOX_RESULTS должна быть целым"),
        ("SEARCH_SECTION_WEIGHTS", [], "SEARCH_SECTION_WEIGHTS — словарь"),
        (
            "SEARCH_SECTION_WEIGHTS",
            {"news": 1},
            "раздела «news» нет; разделы: articles",
        ),
        (
            "SEARCH_SECTION_WEIGHTS",
            {"digests": 11},
            "вес раздела «digests» должен быть числом от 0 до 10",
        ),
        ("SEARCH_SECTION_WEIGHTS", {"digests": "0.5"}, "вес раздела «digests»"),
        ("SEARCH_TIMEOUT", 0, "SEARCH_TIMEOUT — сколько секунд ждать Pagefind"),
        ("SEARCH_TIMEOUT", "600", "SEARCH_TIMEOUT — сколько секунд"),
        ("SEARCH_TIMEOUT", True, "SEARCH_TIMEOUT — сколько секунд"),
    ],
)
def test_a_bad_value_is_named_in_russian(name, value, message):
    with pytest.raises(SettingsError, match=message):
        checked_settings({name: value}, SECTIONS)
