"""Broken links, images and media sources are found before the site goes out.

Runs last, over the folder Pelican has just written (the staging folder of
`invoke build`), so a broken link leaves the published site untouched.
"""

import logging
from pathlib import Path
from urllib.parse import urlsplit

from pelican import signals

from build_cache import BytesMemo
from chamber import background
from chamber.absolutise import rebase_root_relative
from chamber.problems import Problem
from chamber.russian.plurals import count_with_noun
from plugin_needs import needs

from .check import broken_links, group_by_source, scan_file, scan_output
from .settings import checked_settings, site_bases

logger = logging.getLogger(__name__)

# Built file → the Markdown file it was made from, for messages.
SOURCES: dict[str, str] = {}
_CONTENT_LISTS = ("articles", "drafts", "hidden_articles", "pages", "draft_pages")
# Kept in build_speed's folder for this build's settings and code.
SCANS_FILE = "links.pickle"


def configure(pelican) -> None:
    pelican.settings.update(checked_settings(pelican.settings))


def rebase_links(content) -> None:
    """Editors' root-relative links (``/images/a.png``) on a site under a
    sub-path (``https://example.ru/palata``) go to ``/palata/images/a.png``."""
    base_path = urlsplit(content.settings.get("SITEURL") or "").path
    if not base_path.strip("/") or not content._content:
        return
    content._content = rebase_root_relative(content._content, base_path)
    if "summary" in content.metadata:
        content.metadata["summary"] = rebase_root_relative(
            content.metadata["summary"], base_path
        )


def remember_sources(generators) -> None:
    SOURCES.clear()
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, []):
                for item in (content, *getattr(content, "translations", [])):
                    if item.save_as:
                        SOURCES[item.save_as] = item.relative_source_path


def check_links(pelican) -> None:
    settings = pelican.settings
    content_dir = Path(settings["PATH"])
    # Most pages of a rebuild are the bytes they were: their links are known.
    memo = BytesMemo(settings.get("BUILD_SPEED_CACHE_FOLDER"), SCANS_FILE)
    scan = memo.wrap(scan_file)
    output = Path(pelican.output_path)
    # The pages are read while the search index is still being written; the
    # files of the index once it is done, its failure raised here.
    busy = [
        folder for folder in background.busy_folders() if folder.is_relative_to(output)
    ]
    files, scanned = scan_output(output, scan, leave=busy)
    background.wait()
    if busy:
        later_files, later_scanned = scan_output(output, scan, busy)
        files |= later_files
        scanned |= later_scanned
    broken = broken_links(files, scanned, site_bases(settings))
    texts = _SourceTexts(content_dir)
    grouped = group_by_source(broken, SOURCES, texts.has)
    problems = [
        _problem(where, item, texts, settings["STATIC_PATHS"])
        for where, items in grouped.items()
        for item in items
    ]
    SOURCES.clear()
    for problem in sorted(problems):
        logger.error("%s", problem)
    if not problems:
        # Kept only from a build that passes, as the Markdown cache is.
        memo.save()
        return
    logger.error(
        "Найдено: %s. Исправьте ссылки и запустите сборку снова.",
        count_with_noun(len(problems), "битая ссылка", "битые ссылки", "битых ссылок"),
    )
    if settings["LINKS_STOP_ON_ERRORS"]:
        raise SystemExit(1)


class _SourceTexts:
    """The Markdown files' text, read once each, to find where a link is written."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self._texts: dict[str, str] = {}

    def text(self, source: str) -> str:
        if source not in self._texts:
            path = self.content_dir / source
            self._texts[source] = (
                path.read_text(encoding="utf-8", errors="replace")
                if path.is_file()
                else ""
            )
        return self._texts[source]

    def has(self, source: str, url: str) -> bool:
        return url in self.text(source)

    def line_of(self, source: str, url: str) -> int | None:
        text = self.text(source)
        position = text.find(url)
        return text.count("\n", 0, position) + 1 if position >= 0 else None


def _problem(where: str, item, texts: _SourceTexts, static: list[str]) -> Problem:
    message = f"{item.link.kind} «{item.link.url}» не работает: {item.reason}."
    folder = item.target.split("/", 1)[0]
    if folder in static and "#" not in item.target:
        message += f" Положите файл в папку content/{folder}/ или исправьте ссылку."
    if where.endswith(".md"):
        return Problem(where, message, line=texts.line_of(where, item.link.url))
    # Written by a template or a plugin, maybe on many pages: told by the first.
    return Problem(f"страница {where} (и другие с той же ссылкой)", message)


# It checks what the others have written, the search index too.
check_plugins = needs(__name__, "content_model", "search")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(configure)
    signals.content_object_init.connect(rebase_links)
    signals.all_generators_finalized.connect(remember_sources)
    signals.finalized.connect(check_links)
