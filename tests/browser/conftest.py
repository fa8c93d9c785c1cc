"""A built fixture site served on localhost and Debian's Chromium driven by Playwright.

Chromium comes from the system (`apt-get install chromium`); nothing downloads a
browser at run time.
"""

import functools
import http.server
import shutil
import socket
import threading
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The `every_field` fixture site, built for and served at a localhost address."""
    folder = tmp_path_factory.mktemp("browser")
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    built = build(
        copy_fixture_site("every_field", folder), folder / "output", siteurl=siteurl
    )
    assert built.result.returncode == 0, built.log
    handler = functools.partial(QuietHandler, directory=str(built.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield siteurl, built
    server.shutdown()


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
def page(browser, served_site):
    """A page that records every request leaving localhost and every CSP report."""
    siteurl, _ = served_site
    context = browser.new_context()
    page = context.new_page()
    page.outside_requests = []
    page.console_errors = []

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
    yield page
    context.close()
