"""Russian typography for what readers see in pages.

Bodies and summaries are HTML wherever they go (pages and feeds), so they are set
once when read. Titles are also data (JSON, calendars, feed titles), so templates
set them with the `typo` filter only where they are shown as part of a page.
"""

from pelican import signals

from build_cache import remembered
from chamber.typography import typograph_html, typograph_text

# A pure function of the text: kept between builds by build_speed.
_typographed = remembered("typography", typograph_html)


def set_body(content) -> None:
    content._content = _typographed(content._content or "")
    if "summary" in content.metadata:
        content.metadata["summary"] = _typographed(content.metadata["summary"])


def add_filter(pelican) -> None:
    pelican.settings["JINJA_FILTERS"] = {
        **pelican.settings.get("JINJA_FILTERS", {}),
        "typo": typograph_text,
    }


def register():
    signals.initialized.connect(add_filter)
    signals.content_object_init.connect(set_body)
