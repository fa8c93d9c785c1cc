"""The plugin's settings, with defaults, checked when the build starts."""

from chamber.problems import SettingsError
from chamber.settings_rules import (
    PREVIEW_SITE_URL,
    check_preview_site_url,
    checked_site_url,
    with_defaults,
)

DEFAULTS = {
    # Canonical addresses and previews need absolute addresses; a preview
    # (SITEURL = "") uses this one.
    "DISCOVERY_PREVIEW_SITEURL": PREVIEW_SITE_URL,
    # The Chamber belongs to it: told to search engines as its parent body.
    "DISCOVERY_PARENT_ORGANIZATION": "Всероссийский конгресс муниципальных образований",
}


def checked_settings(settings: dict) -> dict:
    """The plugin's settings merged with defaults, and DISCOVERY_SITEURL."""
    merged = with_defaults(settings, DEFAULTS)
    preview = merged["DISCOVERY_PREVIEW_SITEURL"]
    # None: a build for viewing from disk, which has no address to give.
    if preview is not None:
        check_preview_site_url("DISCOVERY_PREVIEW_SITEURL", preview)
    parent = merged["DISCOVERY_PARENT_ORGANIZATION"]
    if parent is not None and (not isinstance(parent, str) or not parent.strip()):
        raise SettingsError(
            "настройка DISCOVERY_PARENT_ORGANIZATION — название организации "
            f"строкой или None, а не {parent!r}."
        )
    site_url = checked_site_url(settings, "канонические адреса и карта сайта")
    merged["DISCOVERY_SITEURL"] = (site_url or preview or "").rstrip("/")
    return merged
