"""Every kind of page passes axe-core in Chromium, loads nothing from other hosts
and breaks no rule of the Content-Security-Policy."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser.pages import PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_passes_axe(page, served_site, name):
    siteurl, _ = served_site
    page.goto(f"{siteurl}/{PAGES[name]}")
    results = Axe().run(page)
    assert results.response["passes"], "axe-core did not run"
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_nothing_from_other_hosts(page, served_site, name):
    siteurl, _ = served_site
    page.goto(f"{siteurl}/{PAGES[name]}", wait_until="networkidle")
    assert page.outside_requests == []
    assert [e for e in page.console_errors if "Content Security Policy" in e] == []
