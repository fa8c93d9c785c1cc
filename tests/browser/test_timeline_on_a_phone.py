"""The plan page's timeline in Chromium on a 360 px phone: legible, scrolled
sideways inside its own frame (by keyboard too), the page itself not wider than
the screen, and axe-core clean while the frame actually scrolls. On paper,
where nothing scrolls, the picture is left out and every item is printed as
text, within the page's width."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from sitebuild import served_fixture_site

PHONE = {"width": 360, "height": 740}
# A4 less print.css's margins, in CSS pixels: narrower than the 46rem the
# timeline keeps on a screen.
PAPER = {"width": 670, "height": 1000}
PLAN_ITEMS = 15  # in the 2021 work plan


@pytest.fixture(scope="module")
def served_corpus(tmp_path_factory):
    with served_fixture_site("plan_corpus", tmp_path_factory.mktemp("plan")) as site:
        yield site


@pytest.fixture
def phone_page(open_page, served_corpus):
    siteurl, _ = served_corpus
    page = open_page(siteurl, viewport=PHONE)
    page.goto(f"{siteurl}/plan/2021/")
    return page


def test_timeline_text_stays_legible(phone_page):
    # The SVG sets its text size in its own units; the on-screen scale makes the size.
    size, scale = phone_page.evaluate(
        "(s => [parseFloat(s.getAttribute('font-size')), s.getScreenCTM().a])"
        "(document.querySelector('svg.plan-timeline'))"
    )
    assert size * scale >= 11


def test_timeline_scrolls_in_its_frame_not_the_page(phone_page):
    frame = phone_page.locator(".plan-timeline-scroll")
    widths = frame.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert widths[0] > widths[1]
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_keyboard_reaches_and_scrolls_the_timeline(phone_page):
    frame = phone_page.locator(".plan-timeline-scroll")
    # Tab through the page until the frame has the focus, as a keyboard user would.
    for _ in range(50):
        phone_page.keyboard.press("Tab")
        if frame.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the timeline frame is not reachable with Tab")
    phone_page.keyboard.press("ArrowRight")
    # Arrow keys may scroll smoothly; the page's CSP forbids wait_for_function.
    for _ in range(20):
        if frame.evaluate("e => e.scrollLeft") > 0:
            return
        phone_page.wait_for_timeout(50)
    pytest.fail("the arrow key does not scroll the timeline")


def test_page_passes_axe_on_a_phone(phone_page):
    results = Axe().run(phone_page)
    assert results.response["passes"], "axe-core did not run"
    assert results.violations_count == 0, results.generate_report()


def test_on_paper_every_item_is_printed_within_the_page(open_page, served_corpus):
    siteurl, _ = served_corpus
    page = open_page(siteurl, viewport=PAPER)
    page.emulate_media(media="print")
    page.goto(f"{siteurl}/plan/2021/")
    assert not page.locator(".plan-timeline-scroll").is_visible()
    items = page.locator(".plan-items > li")
    assert items.count() == PLAN_ITEMS
    for index in range(PLAN_ITEMS):
        box = items.nth(index).bounding_box()
        assert box is not None and box["width"] > 0, index
        assert box["x"] >= 0 and box["x"] + box["width"] <= PAPER["width"], index
