from concurrent.futures import ThreadPoolExecutor

import pytest

import search.indexing


@pytest.fixture
def run_apart():
    """A function run in a thread of its own, as the build runs Pagefind: once a
    browser test has run, Playwright's sync API keeps an event loop running in
    the test thread, where `asyncio.run` refuses to start."""

    def run(function, *args):
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(function, *args).result()

    return run


@pytest.fixture
def globs_given(monkeypatch):
    """The globs Pagefind is given, in order, as it is given them."""
    given = []
    add = search.indexing._add

    async def spied(index, site, glob):
        given.append(glob)
        await add(index, site, glob)

    monkeypatch.setattr(search.indexing, "_add", spied)
    return given
