"""Shared fixtures: fixture sites copied and built, and Debian's Chromium.

Chromium comes from the system (`apt-get install chromium`); nothing downloads a
browser at run time. One Playwright instance serves the whole session: Playwright's
sync API cannot run twice in one process.
"""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from sitebuild import build, copy_fixture_site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without these Chromium reaches out to Google's services at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


BROWSER_TESTS = Path(__file__).parent / "browser"
PLAYWRIGHT_MODULES = ("playwright", "axe_playwright_python")


def starts_chromium(item) -> bool:
    """A test in tests/browser/, one that needs the `browser` fixture (directly or
    through another fixture), or one in a module that imports Playwright."""
    if item.path.is_relative_to(BROWSER_TESTS):
        return True
    if "browser" in getattr(item, "fixturenames", ()):
        return True
    module = getattr(item, "module", None)
    return module is not None and any(
        getattr(value, attribute, "").startswith(PLAYWRIGHT_MODULES)
        for value in vars(module).values()
        for attribute in ("__module__", "__name__")
        if isinstance(getattr(value, attribute, None), str)
    )


def pytest_collection_modifyitems(items):
    # Marked here rather than file by file, so that no browser test escapes
    # `pytest -m "not browser"` (`invoke test --fast`).
    for item in items:
        if starts_chromium(item):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def temporary_folder_of_the_run(tmp_path_factory):
    """The builds' lock files (palata-output-<key>.lock, from publishing/lock.py,
    which filelock never removes) and other temporary files go to this run's
    folder, which pytest prunes, not to the system's: for this process and the
    builds it starts alike."""
    folder = tmp_path_factory.getbasetemp() / "temporary"
    folder.mkdir()
    before = os.environ.get("TMPDIR"), tempfile.tempdir
    os.environ["TMPDIR"] = tempfile.tempdir = str(folder)
    yield folder
    os.environ.pop("TMPDIR")
    if before[0] is not None:
        os.environ["TMPDIR"] = before[0]
    tempfile.tempdir = before[1]


@pytest.fixture
def site_copy(tmp_path):
    """Copy a fixture site (tests/fixtures/sites/<name>) with the real work plans."""
    return lambda name: copy_fixture_site(name, tmp_path)


@pytest.fixture
def build_site(tmp_path):
    """Run `invoke build` on a content folder; returns the result and output."""

    def build_into_tmp(content, as_of="2021-12-31", output=None):
        return build(content, output or tmp_path / "output", as_of)

    return build_into_tmp


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Нет Chromium: установите пакет chromium (apt-get install chromium).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open pages that record (and block) every request leaving `siteurl`, every
    console error and every script error."""
    contexts = []

    def open_for(siteurl: str, **context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        page = context.new_page()
        page.outside_requests, page.console_errors, page.errors = [], [], []

        def route(route):
            if route.request.url.startswith(siteurl):
                route.continue_()
            else:
                page.outside_requests.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on(
            "console",
            lambda message: (
                message.type == "error" and page.console_errors.append(message.text)
            ),
        )
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield open_for
    for context in contexts:
        context.close()
