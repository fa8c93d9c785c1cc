"""The plugin's settings, with defaults, checked when the build starts."""

from numbers import Real

from chamber.problems import SettingsError
from chamber.settings_rules import is_count, with_defaults

DEFAULTS = {
    # Build the Pagefind index in every build, the preview's included: editors
    # see what readers will find. It takes about 4 s for 1,000 publications.
    "SEARCH_INDEX": True,
    # The search page, written from the theme's search.html.
    "SEARCH_URL": "search/",
    "SEARCH_SAVE_AS": "search/index.html",
    # Results offered under the box in the header; the search page shows them all.
    "SEARCH_BOX_RESULTS": 5,
    # Words in a section's body count this much; 1 is Pagefind's normal weight.
    # A digest names dozens of cities in passing: for a city's name, the article
    # about that city comes first.
    "SEARCH_SECTION_WEIGHTS": {"digests": 0.5},
    # Seconds Pagefind may take before the build stops it and fails: a binary
    # that hangs must not hold the publisher's build for ever. It takes about 4 s
    # for 1,000 publications and a minute for 10,000.
    "SEARCH_TIMEOUT": 600,
}


def checked_settings(settings: dict, sections) -> dict:
    """The plugin's settings merged with defaults; a Russian error for a bad one.

    `sections` are the keys of the content model's sections.
    """
    merged = with_defaults(settings, DEFAULTS)
    if not isinstance(merged["SEARCH_INDEX"], bool):
        raise SettingsError(
            "настройка SEARCH_INDEX должна быть True (строить поиск) или False, "
            f"а не {merged['SEARCH_INDEX']!r}."
        )
    for name in ("SEARCH_URL", "SEARCH_SAVE_AS"):
        value = merged[name]
        if not isinstance(value, str) or not value.strip() or value.startswith("/"):
            raise SettingsError(
                f"настройка {name} — путь от корня сайта без начальной «/», "
                f"например {DEFAULTS[name]}, а не {value!r}."
            )
    limit = merged["SEARCH_BOX_RESULTS"]
    if not is_count(limit) or limit > 20:
        raise SettingsError(
            "настройка SEARCH_BOX_RESULTS должна быть целым числом от 1 до 20, "
            f"а не {limit!r}."
        )
    timeout = merged["SEARCH_TIMEOUT"]
    if isinstance(timeout, bool) or not isinstance(timeout, Real) or not timeout > 0:
        raise SettingsError(
            "настройка SEARCH_TIMEOUT — сколько секунд ждать Pagefind, число больше "
            f"нуля, например {DEFAULTS['SEARCH_TIMEOUT']}, а не {timeout!r}."
        )
    weights = merged["SEARCH_SECTION_WEIGHTS"]
    if not isinstance(weights, dict):
        raise SettingsError(
            "настройка SEARCH_SECTION_WEIGHTS — словарь «раздел: вес», например "
            f"{DEFAULTS['SEARCH_SECTION_WEIGHTS']!r}."
        )
    for key, weight in weights.items():
        if key not in sections:
            raise SettingsError(
                f"настройка SEARCH_SECTION_WEIGHTS: раздела «{key}» нет; разделы: "
                + ", ".join(sections)
                + "."
            )
        if (
            isinstance(weight, bool)
            or not isinstance(weight, Real)
            or not 0 <= weight <= 10
        ):
            raise SettingsError(
                f"настройка SEARCH_SECTION_WEIGHTS: вес раздела «{key}» должен быть "
                f"числом от 0 до 10, а не {weight!r}."
            )
    return merged
