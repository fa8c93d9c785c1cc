"""Версия для слабовидящих: chosen once, applied at once, remembered on every page,
and every colour scheme still passes axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser.pages import PAGES

SCHEMES = {
    "contrast": "rgb(255, 255, 255)",
    "inverse": "rgb(0, 0, 0)",
    "blue": "rgb(157, 209, 255)",
}


def open_settings(page, url):
    page.goto(url)
    page.click("text=Версия для слабовидящих")
    assert page.locator("#low-vision-settings").is_visible()


def background(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_the_panel_needs_javascript(browser, served_site):
    siteurl, _ = served_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{siteurl}/")
    assert not page.locator("text=Версия для слабовидящих").is_visible()
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_scheme_is_applied_and_remembered(page, served_site, scheme):
    siteurl, _ = served_site
    open_settings(page, f"{siteurl}/")
    page.check(f'input[name="scheme"][value="{scheme}"]')
    assert page.evaluate("document.documentElement.dataset.scheme") == scheme
    assert background(page) == SCHEMES[scheme]
    page.goto(f"{siteurl}/{PAGES['article']}")
    assert background(page) == SCHEMES[scheme]


def test_font_size_spacing_and_images(page, served_site):
    siteurl, _ = served_site
    open_settings(page, f"{siteurl}/{PAGES['article']}")
    size = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    page.check('input[name="font"][value="xlarge"]')
    page.check('input[name="spacing"][value="wide"]')
    page.check('input[name="images"][value="off"]')
    larger = page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    assert larger == pytest.approx(size * 1.5)
    assert page.evaluate("getComputedStyle(document.body).letterSpacing") != "normal"
    assert not page.locator("main img").first.is_visible()
    page.click("text=Обычная версия сайта")
    assert page.evaluate("Object.keys(document.documentElement.dataset)") == []
    assert page.locator('input[name="font"][value="normal"]').is_checked()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_every_scheme_passes_axe(page, served_site, scheme, name):
    siteurl, _ = served_site
    open_settings(page, f"{siteurl}/")
    page.check(f'input[name="scheme"][value="{scheme}"]')
    page.goto(f"{siteurl}/{PAGES[name]}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


WINDOWS = """() => [...document.querySelectorAll('svg.plan-timeline rect')].map(rect => {
  const style = getComputedStyle(rect);
  return [rect.parentNode.classList[1], style.fill, style.stroke, style.strokeWidth];
})"""


def test_the_timeline_takes_its_colours_from_plan_css(page, served_site):
    siteurl, _ = served_site
    page.goto(f"{siteurl}/{PAGES['plan']}")
    windows = page.evaluate(WINDOWS)
    assert len(windows) == 15
    for status, fill, stroke, _ in windows:
        badge = page.locator(f".plan-status--{status.removeprefix('status-')}").first
        assert fill == badge.evaluate("b => getComputedStyle(b).backgroundColor")
        assert stroke == "none"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_scheme_outlines_the_timeline_windows_in_its_text_colour(
    page, served_site, scheme
):
    siteurl, _ = served_site
    open_settings(page, f"{siteurl}/")
    page.check(f'input[name="scheme"][value="{scheme}"]')
    page.goto(f"{siteurl}/{PAGES['plan']}")
    text = page.evaluate("getComputedStyle(document.body).color")
    windows = page.evaluate(WINDOWS)
    assert len(windows) == 15
    for _, fill, stroke, width in windows:
        assert (fill, stroke) == ("none", text)
        assert float(width.removesuffix("px")) >= 1.5
