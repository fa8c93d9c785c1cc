"""Pages fit a phone screen: nothing makes the reader scroll sideways."""

import pytest
from browser.pages import PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_narrow_phone(open_page, served_site, name):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": 360, "height": 740})
    page.goto(f"{siteurl}/{PAGES[name]}")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{PAGES[name]}: шире экрана на {overflow} px"


def test_phone_menu_is_a_disclosure_that_needs_no_javascript(browser, served_site):
    siteurl, _ = served_site
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(f"{siteurl}/{PAGES['article']}")
    link = page.locator(".site-nav a", has_text="Документы")
    assert not link.is_visible()
    page.click(".site-menu > summary")
    assert link.is_visible()
    context.close()


def test_wide_screen_shows_the_sections_without_a_menu_button(open_page, served_site):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": 1280, "height": 800})
    page.goto(f"{siteurl}/{PAGES['article']}")
    assert not page.locator(".site-menu > summary").is_visible()
    links = page.locator(".site-nav a")
    assert links.count() == 7
    assert all(links.nth(i).is_visible() for i in range(links.count()))


def test_header_takes_little_of_a_phone_screen(open_page, served_site):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": 360, "height": 740})
    page.goto(f"{siteurl}/{PAGES['article']}")
    height = page.evaluate("document.querySelector('.site-header').offsetHeight")
    # Three short rows: the name, «Меню» with the low-vision switch, the search box.
    assert height <= 740 / 4, f"шапка {height} px"


def test_meeting_video_stays_in_view_beside_the_transcript(open_page, served_site):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": 1280, "height": 600})
    page.goto(f"{siteurl}/{PAGES['meeting']}")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 0
    video = page.locator(".meeting-videos > .video").first
    box = video.bounding_box()
    transcript = page.locator(".transcript").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 600
    assert box["x"] >= transcript["x"] + transcript["width"]


def test_print_hides_navigation_and_writes_link_addresses(open_page, served_site):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": 1280, "height": 800})
    page.goto(f"{siteurl}/{PAGES['digest']}")
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".breadcrumbs", ".site-tools", ".site-footer-links"):
        assert (
            page.evaluate(
                f"getComputedStyle(document.querySelector('{hidden}')).display"
            )
            == "none"
        ), hidden
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.publication-body a'), '::after')"
        ".content"
    )
    assert after == '" (https://example.ru/)"'
