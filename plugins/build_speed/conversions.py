"""Markdown conversions made ahead of the reader: in parallel, and kept between builds.

Converting Markdown is the largest single cost of a build. It is a pure function
of the text (given the Markdown settings and code, which the cache key covers),
so it is looked up by a hash of the exact text the reader converts: whatever
converted it (a worker process, an earlier build), the reader gets what its own
converter would have made, and a text nobody converted ahead is converted by the
reader as before. Everything else the reader does (the checks, the problems and
warnings it reports) runs on every build.

No Pelican here: the plugin passes in the settings and the files.
"""

import hashlib
import multiprocessing
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from markdown import Markdown

from build_cache import load_pickle, save_pickle

# A converted text: the HTML and the metadata block (`Markdown.Meta`).
Converted = tuple[str, dict[str, list[str]]]
CACHE_FILE = "markdown.pickle"


def digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).digest()


class Conversions:
    """The texts converted so far in this build, and those kept from the last one."""

    def __init__(self) -> None:
        self._known: dict[bytes, Converted] = {}
        self._used: set[bytes] = set()

    def reset(self) -> None:
        self._known.clear()
        self._used.clear()

    def convert(self, markdown: Markdown, text: str) -> Converted:
        """What ``markdown.reset().convert(text)`` gives, and its ``Meta``."""
        key = digest(text)
        self._used.add(key)
        found = self._known.get(key)
        if found is None:
            found = _converted(markdown, text)
            self._known[key] = found
        html, meta = found
        return html, {name: list(lines) for name, lines in meta.items()}

    def convert_ahead(self, texts: Iterable[str], options: dict, workers: int) -> int:
        """Convert the texts not known yet in ``workers`` processes; how many."""
        todo = {digest(text): text for text in texts}
        # Kept for the next build even where a kept reading spares converting
        # it (`readings`): that reading may not hold then, when another file changed.
        self._used.update(todo)
        todo = {key: text for key, text in todo.items() if key not in self._known}
        if workers < 2 or len(todo) < 2:
            return 0  # the reader converts them, one by one, as before
        # Fork: the workers inherit the loaded Markdown extensions and the
        # settings' functions (a slugify), which need not be picklable then.
        context = multiprocessing.get_context("fork")
        global _OPTIONS
        _OPTIONS = options
        try:
            with context.Pool(min(workers, len(todo))) as pool:
                results = pool.map(_convert_in_worker, list(todo.values()), 8)
        finally:
            _OPTIONS = None
        self._known.update(zip(todo, results, strict=True))
        return len(todo)

    def load(self, folder: Path) -> None:
        # None when there is no cache yet, or a broken one: all is converted anew.
        self._known.update(load_pickle(folder / CACHE_FILE) or {})

    def save(self, folder: Path) -> None:
        """Keep what this build used, so the cache does not grow with old versions."""
        kept = {key: self._known[key] for key in self._used if key in self._known}
        save_pickle(folder / CACHE_FILE, kept)


def forget_old_keys(cache: Path, kept: int) -> None:
    """Remove all but the ``kept`` most recently saved key folders."""
    folders = sorted(
        (folder for folder in cache.iterdir() if (folder / CACHE_FILE).is_file()),
        key=lambda folder: (folder / CACHE_FILE).stat().st_mtime,
        reverse=True,
    )
    for folder in folders[kept:]:
        shutil.rmtree(folder, ignore_errors=True)


def _converted(markdown: Markdown, text: str) -> Converted:
    html = markdown.reset().convert(text)
    return html, dict(getattr(markdown, "Meta", {}))


_OPTIONS: dict | None = None
_WORKER_MARKDOWN: Markdown | None = None


def _convert_in_worker(text: str) -> Converted:
    # One converter per worker, reset between texts, like the reader's own.
    global _WORKER_MARKDOWN
    if _WORKER_MARKDOWN is None:
        _WORKER_MARKDOWN = Markdown(**_OPTIONS)
    return _converted(_WORKER_MARKDOWN, text)


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def section_texts(
    content: Path, walks: Iterable[tuple[Iterable[str], Iterable[str]]], suffixes
) -> list[str]:
    """The texts of the Markdown files the reader will read, as it reads them.

    ``walks``: (folders, folders excluded from them), one pair per generator,
    as Pelican walks the content folder. A guess that may miss (a file with
    Word's control characters is converted after they are removed): a missed
    text is converted by the reader. Links are not followed; the content model
    refuses them before any conversion.
    """
    inside = content.resolve()
    paths = set()
    for folders, excluded in walks:
        skipped = {(content / folder).resolve() for folder in excluded}
        for folder in folders:
            root = content / folder
            for path in root.rglob("*") if root.is_dir() else ():
                if path.suffix.lstrip(".").lower() not in suffixes:
                    continue
                if path.is_symlink() or not path.is_file():
                    continue
                real = path.resolve()
                if real.is_relative_to(inside) and not skipped & set(real.parents):
                    paths.add(real)
    texts = []
    for path in sorted(paths):
        try:
            texts.append(path.read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            continue  # the reader reports it
    return texts


CONVERSIONS = Conversions()
