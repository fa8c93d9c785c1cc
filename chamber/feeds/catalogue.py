"""Which feeds the site has, where they live and what they are called.

The same descriptions serve the feed files, the /feeds/ page and the
``<link rel="alternate">`` in every page's head, so that they cannot disagree.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

FEEDS_DIR = "feeds"
FEEDS_PAGE_URL = f"{FEEDS_DIR}/"
CALENDAR_PATH = "meetings.ics"
ATOM_TYPE = "application/atom+xml"
RSS_TYPE = "application/rss+xml"


@dataclass(frozen=True)
class Feed:
    key: str  # "all", "articles", "cities/kazan": the file name without format
    name: str  # what the feed is about, in a list of feeds: «Казань»
    title: str
    subtitle: str
    page_url: str  # the site page the feed follows, relative to SITEURL
    has_rss: bool = True

    @property
    def atom_path(self) -> str:
        return f"{FEEDS_DIR}/{self.key}.atom.xml"

    @property
    def rss_path(self) -> str | None:
        return f"{FEEDS_DIR}/{self.key}.rss.xml" if self.has_rss else None


@dataclass(frozen=True)
class Catalogue:
    """The feeds that have entries; a feed with none would be invalid Atom."""

    site_name: str
    site: Feed | None
    sections: Mapping[str, Feed] = field(default_factory=dict)
    calendar_path: str = CALENDAR_PATH
    page_url: str = FEEDS_PAGE_URL

    def city(self, slug: str, city_name: str, page_url: str) -> Feed:
        # Only city pages with publications exist, so a city's feed is never empty.
        return Feed(
            f"cities/{slug}",
            city_name,
            f"{city_name} — {self.site_name}",
            f"Публикации о городе {city_name}",
            page_url,
            has_rss=False,
        )


def catalogue(
    site_name: str,
    site_subtitle: str,
    section_names: Mapping[str, str],
    sections_with_entries: Iterable[str],
) -> Catalogue:
    """The site feed and one feed per section that has publications.

    ``section_names`` gives the order (the site's sections) and the titles.
    """
    present = set(sections_with_entries)
    sections = {
        key: Feed(key, name, f"{name} — {site_name}", f"Раздел «{name}»", f"{key}/")
        for key, name in section_names.items()
        if key in present
    }
    site = (
        Feed("all", "Все публикации", site_name, site_subtitle, "")
        if sections
        else None
    )
    return Catalogue(site_name, site, sections)
