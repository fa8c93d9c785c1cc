"""Site search: Pagefind's static index, a search page and a box on every page.

Pagefind indexes the finished pages at `finalized`, inside `invoke build` in the
staging folder, so a failed index never reaches the published site. It runs in
the background (`chamber.background`) while the link check reads the pages;
that check, and the build's end, wait for it and raise its failure.
"""

import logging
from functools import partial
from pathlib import Path

from pelican import signals

from build_cache import KeptFolder
from chamber import background
from chamber.sections import SECTIONS
from plugin_needs import needs
from search.attributes import body_weight, first_image, pagefind_attributes
from search.indexing import BUNDLE, index_site
from search.settings import checked_settings

logger = logging.getLogger(__name__)

# The search page is one of Pelican's direct templates: theme/templates/search.html.
TEMPLATE = "search"
KEPT_BUNDLE = "pagefind"


def configure(pelican) -> None:
    settings = pelican.settings
    settings.update(checked_settings(settings, tuple(SECTIONS)))
    if TEMPLATE not in settings["DIRECT_TEMPLATES"]:
        settings["DIRECT_TEMPLATES"] = [*settings["DIRECT_TEMPLATES"], TEMPLATE]
    settings["JINJA_FILTERS"] = {
        **settings.get("JINJA_FILTERS", {}),
        "pagefind_attributes": pagefind_attributes,
        "search_body_weight": body_weight,
        "search_image": first_image,
    }


def build_index(pelican) -> None:
    settings = pelican.settings
    if not settings["SEARCH_INDEX"]:
        return
    # Kept in build_speed's folder for this build's settings and code.
    kept = KeptFolder(settings.get("BUILD_SPEED_CACHE_FOLDER"), KEPT_BUNDLE)
    site = Path(pelican.output_path)
    run = background.CancellableRun()
    timeout = settings["SEARCH_TIMEOUT"]
    background.start(
        site / BUNDLE, partial(_index, site, kept, run, timeout), run.cancel
    )


def _index(
    site: Path, kept: KeptFolder, run: background.CancellableRun, timeout: float
) -> None:
    pages = index_site(site, kept, run, timeout)
    logger.info("Поиск: в указателе %d стр.", pages)


# It indexes the finished pages, images and page facts included.
check_plugins = needs(__name__, "images", "discovery")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(configure)
    signals.finalized.connect(build_index)
