import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest


@pytest.fixture
def run_apart():
    """`asyncio.run` in a thread of its own, as the build runs Pagefind: once a
    browser test has run, Playwright's sync API keeps an event loop running in
    the test thread, where `asyncio.run` refuses to start."""

    def run(coroutine):
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    return run
