"""Writes the feeds, the meetings calendar and the /feeds/ page."""

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from chamber.feeds.calendar import build_calendar
from chamber.feeds.catalogue import Catalogue, Feed, catalogue
from chamber.feeds.entries import FeedEntry, FeedInfo, stable_entry_id
from chamber.sections import PUBLICATION_SECTIONS, SECTIONS

from .build import build_atom, build_rss, newest_entries
from .from_content import Site, feed_entry, meeting_event
from .settings import feeds_site_url


def site_of(settings: dict) -> Site:
    return Site(
        feeds_site_url(settings["SITEURL"], settings["FEEDS_PREVIEW_SITEURL"]),
        settings["FEEDS_ID_SINCE"],
        ZoneInfo(settings["TIMEZONE"]),
    )


class FeedsGenerator(Generator):
    def generate_context(self):
        # Without a site address there are no feeds, and so nothing links to them.
        if not self.settings["FEEDS_ENABLED"]:
            return
        # Here, not when writing: every page's <head> links to these feeds, and
        # the pages of other generators are written before this one's output.
        self.context["feed_catalogue"] = catalogue(
            self.settings["SITENAME"],
            self.settings["SITESUBTITLE"],
            {key: SECTIONS[key].name for key in PUBLICATION_SECTIONS},
            (article.record.section for article in self.context["articles"]),
        )

    def generate_output(self, writer):
        if not self.settings["FEEDS_ENABLED"]:
            return
        site = site_of(self.settings)
        feeds: Catalogue = self.context["feed_catalogue"]
        articles = self.context["articles"]
        entries = {
            article.relative_source_path: feed_entry(article, site)
            for article in articles
        }
        # The /feeds/ page shows what each feed brings, newest first.
        latest: dict[str, list[FeedEntry]] = {}
        if feeds.site is not None:
            latest["all"] = self._write_feed(feeds.site, entries.values(), site)
        for key, feed in feeds.sections.items():
            latest[key] = self._write_feed(
                feed,
                (
                    entries[a.relative_source_path]
                    for a in articles
                    if a.record.section == key
                ),
                site,
            )
        city_feeds = []
        for page in self.context.get("city_pages", {}).values():
            feed = feeds.city(page.slug, page.city.name, page.url)
            latest[feed.key] = self._write_feed(
                feed, (entries[a.relative_source_path] for a in page.publications), site
            )
            city_feeds.append(feed)
        self._write_calendar(feeds, articles, site)
        writer.write_file(
            f"{feeds.page_url}index.html",
            self.get_template("feeds"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=feeds.page_url,
            page_name="feeds",
            city_feeds=sorted(city_feeds, key=lambda feed: _sort_key(feed.name)),
            feed_latest={
                key: selected[: self.settings["FEEDS_PAGE_LATEST"]]
                for key, selected in latest.items()
            },
        )

    def _write_feed(
        self, feed: Feed, entries: Iterable[FeedEntry], site: Site
    ) -> list[FeedEntry]:
        """Write the feed's files; return its entries, newest first."""
        info = FeedInfo(
            feed_id=stable_entry_id(site.url, f"feeds/{feed.key}", None, site.id_since),
            title=feed.title,
            subtitle=feed.subtitle,
            site_url=site.absolute(feed.page_url),
            self_url_atom=site.absolute(feed.atom_path),
            self_url_rss=site.absolute(feed.rss_path or feed.atom_path),
            stylesheet_url=site.absolute(
                f"{self.settings['THEME_STATIC_DIR']}/feeds/feed.css"
            ),
            catalogue_url=site.absolute(self.context["feed_catalogue"].page_url),
        )
        selected: Sequence[FeedEntry] = list(entries)
        limit = self.settings["FEEDS_LIMIT"]
        self._write(feed.atom_path, build_atom(info, selected, limit))
        if feed.rss_path:
            self._write(feed.rss_path, build_rss(info, selected, limit))
        return newest_entries(selected, limit)

    def _write_calendar(self, feeds: Catalogue, articles, site: Site):
        duration = timedelta(minutes=self.settings["FEEDS_MEETING_DURATION"])
        # The day the site is built for (`invoke build --as-of`), never "now".
        as_of = self.settings["PLAN_AS_OF"]
        stamp = datetime.combine(as_of, time(), site.zone)
        events = [
            meeting_event(article, site, duration, stamp)
            for article in articles
            if article.record.section == "meetings"
        ]
        name = f"{SECTIONS['meetings'].name} — {feeds.site_name}"
        prodid = f"-//{feeds.site_name}//{SECTIONS['meetings'].name}//RU"
        self._write(
            feeds.calendar_path, build_calendar(events, name, prodid, site.zone)
        )

    def _write(self, relative: str, data: bytes) -> None:
        path = Path(self.output_path, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _sort_key(title: str) -> str:
    # «Ё» sorts after «Я» by code point; readers expect it with «Е».
    return title.casefold().replace("ё", "е")
