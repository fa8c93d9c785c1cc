"""The published site's address: from the environment, or from `.env`.

`.env` is the publisher's own file (listed in .gitignore, never committed); it
holds `SITEURL=https://…` and nothing secret.
"""

from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from dotenv import dotenv_values

ENV_FILE = ".env"


class SiteUrlError(ValueError):
    pass


def configured_site_url(root: Path, environ: Mapping[str, str]) -> str:
    """SITEURL without a trailing slash, or "" when none is set."""
    value = environ.get("SITEURL")
    source = "переменной окружения SITEURL"
    if value is None:
        value = dotenv_values(root / ENV_FILE).get("SITEURL") or ""
        source = f"файле {ENV_FILE}"
    value = value.strip().rstrip("/")
    parts = urlsplit(value)
    if value and (parts.scheme not in ("http", "https") or not parts.hostname):
        raise SiteUrlError(
            f"Адрес сайта «{value}» в {source} должен быть полным, "
            "с https:// или http:// в начале."
        )
    return value
