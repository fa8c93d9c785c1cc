"""The plugin's settings, with defaults, checked when the build starts."""

from pathlib import Path

from chamber.plan.model import PLANS_DIR
from chamber.problems import SettingsError
from chamber.settings_rules import with_defaults

DEFAULTS = {
    # The reference list of member cities; None means the list shipped with the plugin.
    "CONTENT_MODEL_CITIES_FILE": None,
    # Work plans, one TOML file a year, relative to the content folder.
    "CONTENT_MODEL_PLANS_DIR": PLANS_DIR,
    # A preview server keeps running and leaves out the faulty files instead.
    "CONTENT_MODEL_STOP_ON_ERRORS": True,
    # Stop after reading and checking the content, writing nothing.
    "CONTENT_MODEL_CHECK_ONLY": False,
}


def checked_settings(settings: dict) -> dict:
    """The plugin's settings merged with defaults; a Russian error for a bad one."""
    merged = with_defaults(settings, DEFAULTS)
    for name in ("CONTENT_MODEL_STOP_ON_ERRORS", "CONTENT_MODEL_CHECK_ONLY"):
        if not isinstance(merged[name], bool):
            raise SettingsError(f"настройка {name} должна быть True или False.")
    if not isinstance(merged["CONTENT_MODEL_PLANS_DIR"], str):
        raise SettingsError("настройка CONTENT_MODEL_PLANS_DIR должна быть строкой.")
    cities = merged["CONTENT_MODEL_CITIES_FILE"]
    if cities is not None and not Path(cities).is_file():
        raise SettingsError(
            f"настройка CONTENT_MODEL_CITIES_FILE: файл «{cities}» не найден."
        )
    return merged
