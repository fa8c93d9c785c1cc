"""Atom and RSS feeds per site, section and city, and the meetings calendar.

Replaces Pelican's own feeds, which carry no enclosures or language and whose
ids change with the slug.
"""

from pelican import signals

from chamber.feeds.checks import IdentifiedFile, duplicate_entry_ids
from content_model.state import BUILD
from feeds.from_content import entry_id
from feeds.generator import FeedsGenerator, site_of
from feeds.settings import checked_settings
from plugin_needs import needs


def configure(pelican) -> None:
    pelican.settings.update(checked_settings(pelican.settings))


def add_generator(_pelican):
    return FeedsGenerator


def check_content(generator) -> None:
    """Report what would break a feed with the other problems, before writing."""
    site = site_of(generator.settings)
    contents = [
        *generator.articles,
        *generator.drafts,
        *getattr(generator, "hidden_articles", ()),
    ]
    for problem in duplicate_entry_ids(
        IdentifiedFile(
            content.relative_source_path,
            entry_id(content, site),
            bool(content.record.feed_id),
        )
        for content in contents
    ):
        BUILD.add(problem)


# The as-of date is the plan's setting; the city feeds follow the city pages.
check_plugins = needs(__name__, "content_model", "cities", "plan")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(configure)
    signals.get_generators.connect(add_generator)
    signals.article_generator_finalized.connect(check_content)
