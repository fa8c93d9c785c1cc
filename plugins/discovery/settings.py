"""The plugin's settings, with defaults, checked when the build starts."""

from urllib.parse import urlsplit

from chamber.problems import SettingsError

DEFAULTS = {
    # Canonical addresses and previews need absolute addresses; a preview
    # (SITEURL = "") uses this one.
    "DISCOVERY_PREVIEW_SITEURL": "http://localhost:8000",
    # The Chamber belongs to it: told to search engines as its parent body.
    "DISCOVERY_PARENT_ORGANIZATION": "Всероссийский конгресс муниципальных образований",
}


def checked_settings(settings: dict) -> dict:
    """The plugin's settings merged with defaults, and DISCOVERY_SITEURL."""
    merged = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
    preview = merged["DISCOVERY_PREVIEW_SITEURL"]
    # None: a build for viewing from disk, which has no address to give.
    if preview is not None and not _is_absolute(preview):
        raise SettingsError(
            "настройка DISCOVERY_PREVIEW_SITEURL должна быть полным адресом, "
            f"например http://localhost:8000, а не {preview!r}."
        )
    parent = merged["DISCOVERY_PARENT_ORGANIZATION"]
    if parent is not None and (not isinstance(parent, str) or not parent.strip()):
        raise SettingsError(
            "настройка DISCOVERY_PARENT_ORGANIZATION — название организации "
            f"строкой или None, а не {parent!r}."
        )
    site_url = settings.get("SITEURL") or ""
    if site_url and not _is_absolute(site_url):
        raise SettingsError(
            f"SITEURL «{site_url}» должен быть полным адресом (https://…) или пустым "
            "для предпросмотра: из него строятся канонические адреса и карта сайта."
        )
    merged["DISCOVERY_SITEURL"] = (site_url or preview or "").rstrip("/")
    return merged


def _is_absolute(url: object) -> bool:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)
