"""Build speed: Markdown converted in parallel and kept between builds, readings
kept between builds, URLs once.

Thin glue: the conversions (`conversions`), the readings (`readings`) and the
cache key (`cache_key`) are plain modules; the results kept by their inputs'
hash are in `build_cache`, a shared module that typography, links and search use
too. The content model's reader converts each text with `BUILD.convert` and
reads each file with `BUILD.read_once`, which this plugin points at
`CONVERSIONS.convert` and `READINGS.read_once`; it fills the first before the
reader starts, loads and saves the memos of the build's key, keeps compiled
templates, and saves everything after a successful build.
"""

import logging
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.contents import Content
from pelican.readers import MarkdownReader
from pelican.urlwrappers import URLWrapper

from build_cache import TEXT_MEMOS, forget_kept_folders, save_kept_folders
from chamber import background
from content_model.state import BUILD

from .cache_key import cache_key, tree_files
from .conversions import CONVERSIONS, forget_old_keys, section_texts, usable_cores
from .kept_pages import KEPT_PAGES, KeptTemplate, digest_as, notice_reads
from .readings import READINGS
from .settings import checked_settings
from .slugs import remember_slugs
from .templates import RememberingMissing

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
# The project's own code and templates; installed packages count by version.
CODE = ("chamber", "plugins", "theme", "publishing", "pelicanconf.py", "publishconf.py")
# Settings that name this build's own folders, not what it makes.
_PER_RUN = frozenset({"OUTPUT_PATH", "BUILD_SPEED_CACHE_FOLDER"})
# Caches under other keys kept, the newest first: the preview's and the
# publisher's settings differ, and one should not evict the other.
KEPT_KEYS = 4
COMPILED_TEMPLATES = "jinja"
_CONTENT_LISTS = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages")


def configure(pelican) -> None:
    pelican.settings.update(checked_settings(pelican.settings))
    BUILD.convert = CONVERSIONS.convert
    BUILD.read_once = READINGS.read_once


def convert_ahead(pelican) -> None:
    """At the start of every run: the key may change between two runs of one
    process (`--autoreload`), with the templates, plugins or plan files."""
    settings = pelican.settings
    CONVERSIONS.reset()
    _COMPILED.clear()
    forget_kept_folders()
    folder = _cache_folder(settings)
    settings["BUILD_SPEED_CACHE_FOLDER"] = str(folder) if folder else None
    if folder:
        CONVERSIONS.load(folder)
    for memo in TEXT_MEMOS:
        memo.load(folder)
    READINGS.load(folder, settings)
    KEPT_PAGES.load(folder)
    texts = section_texts(
        Path(settings["PATH"]),
        [
            (settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"]),
            (settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"]),
        ],
        MarkdownReader.file_extensions,
    )
    workers = settings["BUILD_SPEED_WORKERS"] or usable_cores()
    # Pelican's reader completes MARKDOWN (the metadata extension, the
    # configured ones) when it is made, after this signal: do it the same way.
    options = MarkdownReader(settings).settings["MARKDOWN"]
    converted = CONVERSIONS.convert_ahead(texts, options, workers)
    logger.debug("build_speed: converted ahead: %d, processes: %d", converted, workers)


def _cache_folder(settings) -> Path | None:
    if not settings["BUILD_SPEED_CACHE_PATH"]:
        return None
    content = Path(settings["PATH"])
    data = [content / settings.get("CONTENT_MODEL_PLANS_DIR", "plans")]
    if settings.get("CONTENT_MODEL_CITIES_FILE"):
        data.append(Path(settings["CONTENT_MODEL_CITIES_FILE"]))
    key = cache_key(
        {name: value for name, value in settings.items() if name not in _PER_RUN},
        tree_files(ROOT / name for name in CODE),
        tree_files(data),
    )
    return Path(settings["BUILD_SPEED_CACHE_PATH"]) / key


def freeze_urls(generators) -> None:
    """Pelican formats a page's URL from its settings on every use (a dozen
    times a page: every list it is in); once the pages are read it is fixed.
    Pelican's own override is used for it; `save_as` is left alone, so that its
    check against two pages written to one file still runs."""
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                for item in (content, *getattr(content, "translations", ())):
                    if not hasattr(item, "override_url"):
                        item.override_url = item.url


def remember_context(generators) -> None:
    _SHARED["context"] = generators[0].context


_SHARED: dict = {}


def begin_writing(pelican) -> None:
    """Pelican asks for its writer once everything is read and linked: what the
    pages are made of is complete, and none is written yet."""
    context = _SHARED.pop("context", None)
    if context is not None:
        KEPT_PAGES.begin(pelican.settings, context, _PER_RUN)


def prepare_templates(generator) -> None:
    generator.env.loader = RememberingMissing(generator.env.loader)
    # Each page rendered is looked up among the pages kept from the last build.
    generator.env.template_class = KeptTemplate
    folder = generator.settings.get("BUILD_SPEED_CACHE_FOLDER")
    if folder:
        # Compiled templates kept between builds; Jinja compiles a template
        # anew when its source differs from the one the kept code came from.
        compiled = Path(folder) / COMPILED_TEMPLATES
        generator.env.bytecode_cache = CompiledTemplates(str(compiled))


class CompiledTemplates(FileSystemBytecodeCache):
    """Templates compiled in this build are written once it has passed
    (`save_compiled_templates`), so a failed build leaves no cache behind."""

    def dump_bytecode(self, bucket) -> None:
        _COMPILED.append((self, bucket))


_COMPILED: list[tuple[CompiledTemplates, object]] = []


def save_compiled_templates() -> None:
    for cache, bucket in _COMPILED:
        Path(cache.directory).mkdir(parents=True, exist_ok=True)
        FileSystemBytecodeCache.dump_bytecode(cache, bucket)
    _COMPILED.clear()


def save_conversions(pelican) -> None:
    background.wait()  # the search index, kept by `save_kept_folders`
    folder = pelican.settings.get("BUILD_SPEED_CACHE_FOLDER")
    pages_valid = KEPT_PAGES.still_valid()
    KEPT_PAGES.end()
    logger.debug(
        "build_speed: readings reused: %d, pages reused: %d, rendered: %d",
        READINGS.reused,
        KEPT_PAGES.reused,
        KEPT_PAGES.rendered,
    )
    if not pages_valid and KEPT_PAGES.reused:
        logger.error("%s", STALE_PAGES)
        raise SystemExit(1)
    if folder:
        if pages_valid:
            KEPT_PAGES.save()
        CONVERSIONS.save(Path(folder))
        READINGS.save()
        save_compiled_templates()
        save_kept_folders()
        for memo in TEXT_MEMOS:
            memo.save()
        forget_old_keys(Path(folder).parent, KEPT_KEYS)


# What is made from a publication's text, read by few pages: its body, the
# metadata with the summary (Pelican's and the content model's `_summary`), the
# description (discovery) and a digest's outline (site_pages). Naming one here
# only spares pages from being rendered again; see kept_pages.
HEAVY_ATTRIBUTES = ("_content", "metadata", "_summary", "discovery", "digest_outline")
STALE_PAGES = (
    "Сборка остановлена: данные страниц менялись, пока страницы записывались, и "
    "страницы, взятые из прошлой сборки, могли устареть. Сообщите разработчикам; "
    "чтобы собрать сайт сейчас, удалите папку .cache/build и запустите сборку снова."
)


def register():
    notice_reads(Content, HEAVY_ATTRIBUTES)
    # A tag, category or author is its name and slug; its settings are the site's.
    for kind in (URLWrapper, *URLWrapper.__subclasses__()):
        digest_as(kind, lambda wrapper: (wrapper.name, wrapper.slug))
    remember_slugs()
    signals.initialized.connect(configure)
    signals.get_generators.connect(convert_ahead)
    signals.generator_init.connect(prepare_templates)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.all_generators_finalized.connect(remember_context)
    signals.get_writer.connect(begin_writing)
    signals.finalized.connect(save_conversions)
