"""Pagefind over the site being built: the index is written into its `pagefind/`."""

import asyncio
import gzip
import json
import queue
import shutil
import threading
from pathlib import Path

from pagefind.service import PagefindService

from build_cache import KeptFolder, tree_digest
from chamber import background
from chamber.collisions import SEARCH_FOLDER as BUNDLE
from search.marked import PAGE_SUFFIX, MarkedPages, is_marked_page, pagefind_globs
from search.stable import ENTRY, stabilise

# What Pagefind reads of the site (its default glob).
INDEXED = (PAGE_SUFFIX,)
GZIP_MAGIC = b"\x1f\x8b"
# How long to wait for Pagefind's last writes: checked every 50 ms, up to 10 s.
SETTLE_INTERVAL = 0.05
SETTLE_CHECKS = 200


class IndexingError(RuntimeError):
    pass


# Marked pages handed to Pagefind at once while the rest of the site is written.
BATCH = 200
# How often the indexing looks for pages handed to it.
POLL_INTERVAL = 0.02


class SiteIndex:
    """Pagefind's index of a site while it is being written.

    Pagefind reads the marked pages (`search.marked`) handed to it in batches as
    they are written (`page_written`), on the other core, while the build
    writes the lists, feeds and archives; once every page is written
    (`all_written`) it gets the rest and writes its bundle into `site/pagefind/`.
    `work` does all of it, in a thread of its own (`chamber.background`), from
    the first batch on; `cancel`, from another thread, ends it and the binary.

    Then the site's pages are read for their digest. When every page has the
    bytes of a build before, that build's bundle (`kept`) is copied instead, and
    what Pagefind read is dropped. Otherwise a bundle left by an earlier build
    (the preview writes over its folder) is removed first: Pagefind names its
    files by content and would leave stale ones. After `timeout` seconds from
    `all_written` Pagefind is stopped and the indexing fails.
    """

    def __init__(self, site: Path, kept: KeptFolder, timeout: float):
        self.site = site
        self._kept = kept
        self._timeout = timeout
        self._handed: list[str] = []  # to Pagefind, or about to be
        self._waiting: list[str] = []
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        # A page whose path cannot be written in a glob: Pagefind starts over
        # with its own glob once all are written.
        self._over_again = False
        self._seen: set[str] = set()
        self._run = background.CancellableRun()
        self._written = threading.Event()
        self._timed_out = False
        self.started = False

    def page_written(self, relative: str, data: bytes) -> bool:
        """A file written at `relative` (inside the site, with `/`); True once a
        batch is ready and `work` should start."""
        if relative in self._seen:
            # Written over: Pagefind may have read what was there first.
            self._over_again = True
        self._seen.add(relative)
        if is_marked_page(relative, data):
            self._waiting.append(relative)
        if len(self._waiting) >= BATCH:
            self._hand_over()
        return bool(self._handed)

    def _hand_over(self) -> None:
        globs = pagefind_globs(self._waiting)
        if globs is None:
            self._over_again = True
        elif not self._over_again:
            for glob in globs:
                self._queue.put(glob)
        self._handed += self._waiting
        self._waiting = []

    def all_written(self) -> None:
        self._queue.put(_ALL_WRITTEN)
        self._written.set()

    def cancel(self) -> None:
        self._run.cancel()

    def work(self) -> int:
        """Index the site; how many pages the index has."""
        bundle = self.site / BUNDLE
        try:
            self._run(self._index())
            entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        except asyncio.CancelledError:
            if not self._timed_out:
                raise
            raise IndexingError(
                f"поиск: Pagefind не построил указатель за {_seconds(self._timeout)} "
                "с и остановлен. Запустите сборку снова; если это повторится, "
                "увеличьте SEARCH_TIMEOUT в pelicanconf.py или сообщите разработчикам."
            ) from None
        except Exception as error:  # the binary's failures come as assorted errors
            raise IndexingError(
                f"поиск: Pagefind не смог построить указатель в {bundle}: {error}"
            ) from error
        return sum(language["page_count"] for language in entry["languages"].values())

    async def _index(self) -> None:
        """Pagefind's work, stopped `timeout` seconds after `all_written`."""
        pagefind = asyncio.ensure_future(self._pagefind())
        watch = asyncio.ensure_future(self._time_out(pagefind))
        try:
            await pagefind
        finally:
            watch.cancel()

    async def _time_out(self, pagefind: asyncio.Future) -> None:
        while not self._written.is_set():
            await asyncio.sleep(POLL_INTERVAL)
        await asyncio.sleep(self._timeout)
        self._timed_out = True
        pagefind.cancel()

    async def _pagefind(self) -> None:
        bundle = self.site / BUNDLE
        # The site is Russian: Pagefind takes the language, and with it the
        # stemmer, from <html lang="ru">.
        async with PagefindService() as service:
            options = {"output_path": str(bundle)}
            index = await service.create_index(options)
            while (glob := await self._next()) is not _ALL_WRITTEN:
                await _add(index, self.site, glob)
            marked = MarkedPages()
            pages = tree_digest(self.site, INDEXED, marked.note)
            if self._kept.restore(pages, bundle):
                return
            shutil.rmtree(bundle, ignore_errors=True)
            handed = set(self._handed)
            rest = [page for page in marked.found if page not in handed]
            globs = pagefind_globs(rest)
            if self._over_again or not marked.found or (rest and globs is None):
                # Every page once: a new index, by globs or by Pagefind's own.
                index = await service.create_index(options)
                globs = marked.globs() or (None,)
            for glob in globs or ():
                await _add(index, self.site, glob)
            await index.write_files()
            await _written(bundle)
        check_complete(bundle)
        stabilise(bundle)
        self._kept.keep(pages, bundle)

    async def _next(self):
        while True:
            try:
                return self._queue.get_nowait()
            except queue.Empty:
                await asyncio.sleep(POLL_INTERVAL)


_ALL_WRITTEN = object()


async def _add(index, site: Path, glob: str | None) -> None:
    """`glob` None: Pagefind's own, every page."""
    await index.add_directory(str(site), glob=glob)


def index_site(site: Path, kept: KeptFolder, timeout: float) -> int:
    """Index a site written already; how many pages the index has."""
    index = SiteIndex(site, kept, timeout)
    index.all_written()
    return index.work()


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")


async def _written(bundle: Path) -> None:
    """Wait until Pagefind's last writes have reached the disk.

    Pagefind 1.5 answers "written" once it has handed each file to tokio, which
    writes in the background and is not flushed (`write` in
    pagefind/src/output/mod.rs); closing the service kills the binary, and a
    file still being written is left cut short. Under load this truncated
    pagefind-component-ui.css at 32 KiB. The sizes stop changing once it is done.
    """
    previous = None
    for _ in range(SETTLE_CHECKS):
        sizes = sorted(
            (str(path), path.stat().st_size)
            for path in bundle.rglob("*")
            if path.is_file()
        )
        # No bundle file is empty: one of size 0 is created but not written yet.
        if sizes == previous and all(size for _name, size in sizes):
            return
        previous = sizes
        await asyncio.sleep(SETTLE_INTERVAL)


def check_complete(bundle: Path) -> None:
    """Every compressed bundle file decompresses whole: gzip's trailer holds the
    length and checksum, so a file cut short cannot pass."""
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and path.read_bytes()[:2] == GZIP_MAGIC:
            try:
                gzip.decompress(path.read_bytes())
            except (EOFError, OSError) as error:
                raise ValueError(
                    f"{path.name} записан не полностью ({error})"
                ) from error
