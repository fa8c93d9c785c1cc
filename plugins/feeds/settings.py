"""The plugin's settings, with defaults, checked when the build starts."""

import re

from chamber.problems import SettingsError
from chamber.settings_rules import (
    PREVIEW_SITE_URL,
    check_preview_site_url,
    checked_site_url,
    is_count,
    with_defaults,
)

DEFAULTS = {
    # Entries in each feed, newest first; readers keep what they have already seen.
    "FEEDS_LIMIT": 50,
    # The latest entries of each feed shown on the /feeds/ page.
    "FEEDS_PAGE_LATEST": 3,
    # The date in the entries' tag: URIs (RFC 4151). Changing it changes every id
    # and shows every publication to subscribers as new again.
    "FEEDS_ID_SINCE": "2021",
    # Meetings have a start time only; calendars need an end.
    "FEEDS_MEETING_DURATION": 120,
    # Feeds need absolute addresses; a preview (SITEURL = "") uses this one.
    "FEEDS_PREVIEW_SITEURL": PREVIEW_SITE_URL,
    # A build without SITEURL is for viewing from disk, and a feed needs the
    # site's real address: such a build writes no feeds and no calendar.
    "FEEDS_ENABLED": True,
}

# Pelican's own feeds would be written to the same files, without enclosures,
# language or stable ids.
PELICAN_FEED_SETTINGS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)

# RFC 4151: a year, a month or a day.
_TAG_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def checked_settings(settings: dict) -> dict:
    """The plugin's settings merged with defaults; a Russian error for a bad one."""
    merged = with_defaults(settings, DEFAULTS)
    enabled = [name for name in PELICAN_FEED_SETTINGS if settings.get(name)]
    if enabled:
        raise SettingsError(
            f"встроенные ленты Pelican включены ({', '.join(enabled)}), а ленты сайта "
            "строит плагин feeds. Задайте в настройках: "
            + ", ".join(f"{name} = None" for name in enabled)
            + "."
        )
    for name in ("FEEDS_LIMIT", "FEEDS_PAGE_LATEST", "FEEDS_MEETING_DURATION"):
        value = merged[name]
        if not is_count(value):
            raise SettingsError(
                f"настройка {name} должна быть целым числом больше нуля, а не {value!r}."
            )
    if not isinstance(merged["FEEDS_ENABLED"], bool):
        raise SettingsError(
            f"настройка FEEDS_ENABLED должна быть True или False, а не {merged['FEEDS_ENABLED']!r}."
        )
    since = merged["FEEDS_ID_SINCE"]
    if not isinstance(since, str) or not _TAG_DATE.fullmatch(since):
        raise SettingsError(
            f"настройка FEEDS_ID_SINCE должна быть годом или датой в виде строки: "
            f"«2021» или «2021-03-01», а не {since!r}."
        )
    checked_site_url(settings, "адреса и идентификаторы в лентах")
    check_preview_site_url("FEEDS_PREVIEW_SITEURL", merged["FEEDS_PREVIEW_SITEURL"])
    return merged


def feeds_site_url(site_url: str, preview_site_url: str) -> str:
    """The absolute address feeds are built for, without a trailing slash.

    An empty SITEURL is the preview's; any other was checked to be absolute.
    """
    return (site_url or preview_site_url).rstrip("/")
