"""The shapes the plugins' settings checks share: defaults merged, typed values, addresses.

Each plugin still says in its own Russian words what one of its settings must be;
what repeats across plugins (the merge, what counts as a whole number or a full
address, the SITEURL and preview-address rules) is written here once.
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from chamber.problems import SettingsError

# Where `invoke serve` shows the site: what a preview build (SITEURL = "") uses
# when it needs absolute addresses.
PREVIEW_SITE_URL = "http://localhost:8000"


def with_defaults(settings: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict:
    """A plugin's settings: each of its defaults, unless the site sets it."""
    return {name: settings.get(name, default) for name, default in defaults.items()}


def is_count(value: object, minimum: int = 1) -> bool:
    """A whole number of at least `minimum`; True and False are not numbers here."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def is_absolute_url(value: object) -> bool:
    """An http(s) address with a host, which links and ids can be built from."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def checked_site_url(settings: Mapping[str, Any], built_from_it: str) -> str:
    """SITEURL: a full address, or empty for a preview; `built_from_it` names
    what the plugin builds from it, for the message."""
    site_url = settings.get("SITEURL") or ""
    if site_url and not is_absolute_url(site_url):
        raise SettingsError(
            f"SITEURL «{site_url}» должен быть полным адресом (https://…) или пустым "
            f"для предпросмотра: из него строятся {built_from_it}."
        )
    return site_url


def check_preview_site_url(name: str, value: object) -> None:
    """A plugin's address for previews must be a full one."""
    if not is_absolute_url(value):
        raise SettingsError(
            f"настройка {name} должна быть полным адресом, "
            f"например {PREVIEW_SITE_URL}, а не {value!r}."
        )
