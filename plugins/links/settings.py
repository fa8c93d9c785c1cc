"""The plugin's settings, with defaults, checked when the build starts."""

from chamber.problems import SettingsError
from chamber.settings_rules import with_defaults

DEFAULTS = {
    # A broken link fails the build; the preview reports it and keeps serving.
    "LINKS_STOP_ON_ERRORS": True,
    # Other addresses of this very site whose links are checked as internal
    # (feeds in the preview use one: FEEDS_PREVIEW_SITEURL).
    "LINKS_ALSO_INTERNAL": [],
}

# A preview has no site address; its relative links resolve against this one.
PREVIEW_BASE = "http://preview.invalid"


def checked_settings(settings: dict) -> dict:
    merged = with_defaults(settings, DEFAULTS)
    if not isinstance(merged["LINKS_STOP_ON_ERRORS"], bool):
        raise SettingsError(
            "настройка LINKS_STOP_ON_ERRORS должна быть True или False."
        )
    also = merged["LINKS_ALSO_INTERNAL"]
    if not isinstance(also, list | tuple) or not all(
        isinstance(url, str) and url.startswith(("http://", "https://")) for url in also
    ):
        raise SettingsError(
            "настройка LINKS_ALSO_INTERNAL — список адресов вида https://example.ru."
        )
    merged["LINKS_ALSO_INTERNAL"] = [url.rstrip("/") for url in also]
    return merged


def site_bases(settings: dict) -> list[str]:
    """The site's own address first, then the others its files may use."""
    own = (settings.get("SITEURL") or PREVIEW_BASE).rstrip("/")
    return [own, *settings["LINKS_ALSO_INTERNAL"]]
