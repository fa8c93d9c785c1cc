"""The plugin's settings, with defaults, checked when the build starts."""

from pathlib import Path

from chamber.problems import SettingsError
from chamber.settings_rules import is_count, with_defaults

DEFAULTS = {
    # Widths of the smaller copies, in pixels: a phone, a tablet, a laptop.
    "IMAGES_WIDTHS": (480, 800, 1200),
    # How wide an image is shown: the text column (42rem) or the whole screen.
    "IMAGES_SIZES": "(max-width: 44rem) 100vw, 42rem",
    # Copies already made, by image content; outside the output, kept between
    # builds. None: `.cache/images/` beside the content folder.
    "IMAGES_CACHE_PATH": None,
}


def checked_settings(settings: dict) -> dict:
    merged = with_defaults(settings, DEFAULTS)
    widths = merged["IMAGES_WIDTHS"]
    if (
        not isinstance(widths, list | tuple)
        or not widths
        or not all(map(is_count, widths))
    ):
        raise SettingsError(
            "настройка IMAGES_WIDTHS — список ширин в пикселях, например "
            f"(480, 800, 1200), а не {widths!r}."
        )
    merged["IMAGES_WIDTHS"] = tuple(widths)
    if not isinstance(merged["IMAGES_SIZES"], str) or not merged["IMAGES_SIZES"]:
        raise SettingsError(
            "настройка IMAGES_SIZES — значение атрибута sizes, например "
            f"«(max-width: 44rem) 100vw, 42rem», а не {merged['IMAGES_SIZES']!r}."
        )
    cache = merged["IMAGES_CACHE_PATH"]
    if cache is None:
        cache = Path(settings["PATH"]).resolve().parent / ".cache" / "images"
    merged["IMAGES_CACHE_PATH"] = str(cache)
    return merged
