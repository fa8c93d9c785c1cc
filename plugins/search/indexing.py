"""Pagefind over a built site: the index is written into the site's `pagefind/`."""

import asyncio
import json
import shutil
from pathlib import Path

from pagefind.index import PagefindIndex

from search.stable import ENTRY, stabilise

BUNDLE = "pagefind"


class IndexingError(RuntimeError):
    pass


def index_site(site: Path) -> int:
    """Index the pages marked `data-pagefind-body` under `site`; how many there are.

    A bundle left by an earlier build (the preview writes over its folder) is
    removed first: Pagefind names its files by content and would leave stale ones.
    """
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    try:
        asyncio.run(_index(site))
        stabilise(site / BUNDLE)
        entry = json.loads((site / BUNDLE / ENTRY).read_text(encoding="utf-8"))
    except Exception as error:  # the binary's failures come as assorted errors
        raise IndexingError(
            f"поиск: Pagefind не смог построить указатель в {site / BUNDLE}: {error}"
        ) from error
    return sum(language["page_count"] for language in entry["languages"].values())


async def _index(site: Path) -> None:
    # The site is Russian: Pagefind takes the language, and with it the stemmer,
    # from <html lang="ru">.
    async with PagefindIndex(config={"output_path": str(site / BUNDLE)}) as index:
        await index.add_directory(str(site))
