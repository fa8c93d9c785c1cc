"""The plugin's settings, with defaults, checked when the build starts."""

from pathlib import Path

from chamber.problems import SettingsError
from chamber.settings_rules import is_count, with_defaults

DEFAULTS = {
    # Where converted texts are kept between builds, under a folder named by
    # the cache key; "" keeps nothing. Relative to the folder the build runs in.
    "BUILD_SPEED_CACHE_PATH": ".cache/build",
    # Processes converting Markdown ahead of the reader; 0: one per usable core.
    # With 1 (or on one core) the reader converts every file itself.
    "BUILD_SPEED_WORKERS": 0,
}


def cache_beside(output: Path) -> Path:
    """The cache of the builds into ``output``: next to it, as `.cache/build` is to
    the project's own `output`, so a build into a scratch folder brings its own."""
    return output.parent / ".cache" / "build"


def checked_settings(settings: dict) -> dict:
    merged = with_defaults(settings, DEFAULTS)
    if not isinstance(merged["BUILD_SPEED_CACHE_PATH"], str):
        raise SettingsError(
            "настройка BUILD_SPEED_CACHE_PATH — путь к папке кэша строкой "
            "или пустая строка, чтобы не хранить кэш."
        )
    workers = merged["BUILD_SPEED_WORKERS"]
    if not is_count(workers, minimum=0):
        raise SettingsError(
            "настройка BUILD_SPEED_WORKERS — целое число процессов, 0 или больше "
            "(0 — по одному на ядро процессора)."
        )
    return merged
