"""What search engines and link previews read: descriptions, canonical
addresses, Open Graph, schema.org JSON-LD, sitemap.xml and robots.txt.

The head of every page is laid out by `partials/head_meta.html`; this plugin
gives it the facts. Named `discovery`, not `seo` or `sitemap`: an installed
`pelican.plugins.seo` or `pelican.plugins.sitemap` would shadow a local plugin
of the same name.
"""

from pathlib import Path

from pelican import signals
from pelican.contents import Content

from chamber.discovery.sitemap import (
    ROBOTS_PATH,
    SITEMAP_PATH,
    SitemapEntry,
    page_address,
    robots_txt,
    sitemap_xml,
)
from chamber.json_ld import Organization, organization_data, script_json
from plugin_needs import needs

from .page_facts import content_facts, default_image
from .settings import checked_settings

# Pages written in this build; reset when a build starts (autoreload reuses it).
_WRITTEN: list[SitemapEntry] = []


def configure(pelican) -> None:
    _WRITTEN.clear()
    settings = pelican.settings
    settings.update(checked_settings(settings))
    chamber = chamber_of(settings)
    settings["DISCOVERY_ORGANIZATION_JSON_LD"] = script_json(organization_data(chamber))
    settings["DISCOVERY_DEFAULT_IMAGE"] = default_image(settings)
    settings["JINJA_FILTERS"] = {
        **settings.get("JINJA_FILTERS", {}),
        # A folder's index.html is the folder: the address readers share.
        "page_address": lambda path: page_address(settings["DISCOVERY_SITEURL"], path),
        # JSON-LD built in a template (breadcrumbs): Cyrillic as is, not as \u escapes.
        "script_json": script_json,
    }


def chamber_of(settings: dict) -> Organization:
    return Organization(
        name=settings["SITENAME"],
        url=f"{settings['DISCOVERY_SITEURL']}/",
        parent_name=settings["DISCOVERY_PARENT_ORGANIZATION"],
        description=settings["SITESUBTITLE"],
    )


def attach_facts(generator) -> None:
    settings = generator.settings
    chamber = chamber_of(settings)
    for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
        for content in getattr(generator, name, ()):
            content.discovery = content_facts(content, settings, chamber)


def remember_page(path, context) -> None:
    relative = context.get("output_file")
    if relative is None:
        return
    shown = context.get("article") or context.get("page")
    if isinstance(shown, Content):
        if shown.status != "published":
            return
        lastmod = _changed(shown)
    else:
        listed = context.get("articles_page") or context.get("dates_page")
        if listed:
            items = listed.object_list
        elif context.get("page_name") == "index":  # the latest of every section
            items = context["articles"]
        else:
            items = ()
        dates = [_changed(item) for item in items]
        lastmod = max((d for d in dates if d), default=None)
    _WRITTEN.append(SitemapEntry(Path(relative).as_posix(), lastmod))


def _changed(content):
    return getattr(content, "modified", None) or getattr(content, "date", None)


def write_sitemap(pelican) -> None:
    site_url = pelican.settings["DISCOVERY_SITEURL"]
    output = Path(pelican.output_path)
    if not site_url:  # a sitemap lists full addresses, which a disk build has not
        _WRITTEN.clear()
        return
    (output / SITEMAP_PATH).write_bytes(sitemap_xml(site_url, _WRITTEN))
    (output / ROBOTS_PATH).write_text(robots_txt(site_url), encoding="utf-8")
    _WRITTEN.clear()


# Images change the bodies that discovery describes.
check_plugins = needs(__name__, "images")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(configure)
    signals.article_generator_finalized.connect(attach_facts)
    signals.page_generator_finalized.connect(attach_facts)
    signals.content_written.connect(remember_page)
    signals.finalized.connect(write_sitemap)
