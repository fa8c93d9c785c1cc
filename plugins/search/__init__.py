"""Site search: Pagefind's static index, a search page and a box on every page.

Pagefind reads the marked pages as Pelican writes them, inside `invoke build` in
the staging folder, and writes its index at `finalized`, so a failed index
never reaches the published site (`search.indexing.SiteIndex`). It runs in the
background (`chamber.background`) from its first batch of pages on, while the
build writes the rest and the link check reads the pages; that check, and the
build's end, wait for it and raise its failure.
"""

import logging
import os
from functools import partial
from pathlib import Path

from pelican import signals

from build_cache import KeptFolder
from chamber import background
from chamber.build_report import pages_written
from chamber.sections import SECTIONS
from plugin_needs import needs
from search.attributes import body_weight, first_image, pagefind_attributes
from search.indexing import BUNDLE, SiteIndex
from search.marked import PAGE_SUFFIX
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


# The index of the site being written in this run, from `get_writer` on.
_WRITING: dict[str, SiteIndex] = {}
# Pages written in this run.
_PAGES = [0]


def begin_index(pelican) -> None:
    """Pelican asks for its writer once everything is read: no page is written yet."""
    _WRITING.clear()
    _PAGES[0] = 0
    settings = pelican.settings
    if settings["SEARCH_INDEX"]:
        # Kept in build_speed's folder for this build's settings and code.
        kept = KeptFolder(settings.get("BUILD_SPEED_CACHE_FOLDER"), KEPT_BUNDLE)
        site = Path(pelican.output_path)
        _WRITING["site"] = SiteIndex(site, kept, settings["SEARCH_TIMEOUT"])


def hand_page(path, context=None) -> None:
    """Each file Pelican's writer has written, as it is written."""
    if not str(path).endswith(PAGE_SUFFIX):
        return
    _PAGES[0] += 1
    index = _WRITING.get("site")
    if index is None:
        return
    relative = Path(os.path.relpath(path, index.site)).as_posix()
    if relative.startswith("../"):
        return
    if index.page_written(relative, Path(path).read_bytes()) and not index.started:
        _start(index)


def build_index(pelican) -> None:
    # Every page is finished by now (this plugin's place in PLUGINS): the
    # preview shows the site from this line on, while the index is made.
    print(pages_written(_PAGES[0]), flush=True)
    index = _WRITING.pop("site", None)
    if index is None:
        return
    index.all_written()
    if not index.started:
        _start(index)


def _start(index: SiteIndex) -> None:
    index.started = True
    background.start(index.site / BUNDLE, partial(_index, index), index.cancel)


def _index(index: SiteIndex) -> None:
    pages = index.work()
    logger.info("Поиск: в указателе %d стр.", pages)


# It indexes the finished pages, images and page facts included.
check_plugins = needs(__name__, "images", "discovery")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(configure)
    signals.get_writer.connect(begin_index)
    signals.content_written.connect(hand_page)
    signals.finalized.connect(build_index)
