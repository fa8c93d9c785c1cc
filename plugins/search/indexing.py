"""Pagefind over a built site: the index is written into the site's `pagefind/`."""

import asyncio
import gzip
import json
import shutil
from collections.abc import Callable, Coroutine
from pathlib import Path

from pagefind.service import PagefindService

from build_cache import KeptFolder, tree_digest
from chamber.collisions import SEARCH_FOLDER as BUNDLE
from search.marked import MarkedPages
from search.stable import ENTRY, stabilise

# What Pagefind reads of the site (its default glob).
INDEXED = (".html",)
GZIP_MAGIC = b"\x1f\x8b"
# How long to wait for Pagefind's last writes: checked every 50 ms, up to 10 s.
SETTLE_INTERVAL = 0.05
SETTLE_CHECKS = 200


class IndexingError(RuntimeError):
    pass


def index_site(
    site: Path,
    kept: KeptFolder,
    run: Callable[[Coroutine], object],
    timeout: float,
) -> int:
    """Index the pages marked `data-pagefind-body` under `site`; how many there are.

    Pagefind is given only those pages (`search.marked`), found while the
    pages are read for their digest.

    A bundle left by an earlier build (the preview writes over its folder) is
    removed first: Pagefind names its files by content and would leave stale ones.
    When every page has the bytes of a build before, its bundle (`kept`) is
    copied instead: Pagefind reads nothing but the pages. `run` runs its
    coroutine, as `asyncio.run` does (`chamber.background.CancellableRun`);
    after `timeout` seconds Pagefind is stopped and the indexing fails.
    """
    marked = MarkedPages()
    pages = tree_digest(site, INDEXED, marked.note)
    try:
        if not kept.restore(pages, site / BUNDLE):
            shutil.rmtree(site / BUNDLE, ignore_errors=True)
            run(_within(timeout, _index(site, marked.globs())))
            check_complete(site / BUNDLE)
            stabilise(site / BUNDLE)
            kept.keep(pages, site / BUNDLE)
        entry = json.loads((site / BUNDLE / ENTRY).read_text(encoding="utf-8"))
    except TimeoutError:
        raise IndexingError(
            f"поиск: Pagefind не построил указатель за {_seconds(timeout)} с и "
            "остановлен. Запустите сборку снова; если это повторится, увеличьте "
            "SEARCH_TIMEOUT в pelicanconf.py или сообщите разработчикам."
        ) from None
    except Exception as error:  # the binary's failures come as assorted errors
        raise IndexingError(
            f"поиск: Pagefind не смог построить указатель в {site / BUNDLE}: {error}"
        ) from error
    return sum(language["page_count"] for language in entry["languages"].values())


async def _within(timeout: float, indexing: Coroutine) -> None:
    """`indexing`, cancelled after `timeout` seconds: its `async with` ends the
    binary, and TimeoutError is raised."""
    await asyncio.wait_for(indexing, timeout)


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")


async def _index(site: Path, globs: tuple[str, ...] | None) -> None:
    """`globs` None: Pagefind's own, every page."""
    # The site is Russian: Pagefind takes the language, and with it the stemmer,
    # from <html lang="ru">.
    async with PagefindService() as service:
        index = await service.create_index({"output_path": str(site / BUNDLE)})
        for glob in globs or (None,):
            await index.add_directory(str(site), glob=glob)
        await index.write_files()
        await _written(site / BUNDLE)


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
