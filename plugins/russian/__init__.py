"""Russian dates, plurals and slugs for every page, whatever the machine's locale."""

from pelican import signals

from chamber.russian.dates import (
    format_date,
    format_datetime,
    format_iso_date,
    format_month,
)
from chamber.russian.plurals import count_with_noun
from chamber.russian.slugs import SLUG_REGEX_SUBSTITUTIONS, slugify
from russian.console import quiet_pelican

FILTERS = {
    "ru_date": format_date,
    "ru_datetime": format_datetime,
    "ru_month": format_month,
    "iso_date": format_iso_date,
    "ru_count": count_with_noun,
}


def configure(pelican) -> None:
    settings = pelican.settings
    settings["SLUGIFY_USE_UNICODE"] = True
    for kind in ("SLUG", "TAG", "CATEGORY", "AUTHOR"):
        settings[f"{kind}_REGEX_SUBSTITUTIONS"] = SLUG_REGEX_SUBSTITUTIONS
    toc = (
        settings["MARKDOWN"]
        .setdefault("extension_configs", {})
        .setdefault("markdown.extensions.toc", {})
    )
    toc["slugify"] = slugify
    settings["JINJA_FILTERS"] = {**FILTERS, **settings.get("JINJA_FILTERS", {})}


def register():
    # Before any plugin's settings are checked at `initialized`.
    quiet_pelican()
    signals.initialized.connect(configure)
