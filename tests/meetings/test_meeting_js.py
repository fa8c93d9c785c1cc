"""The meeting page's script in Chromium: players framed on request only, times
that seek, links to turns copied, words found in the transcript."""

import pytest

from sitebuild import served_fixture_site

RUTUBE_PAGE = "meetings/zasedanie-rutube/"
FILE_PAGE = "meetings/zasedanie-fayl/"
RUTUBE_EMBED = "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef"


@pytest.fixture(scope="module")
def siteurl(tmp_path_factory):
    folder = tmp_path_factory.mktemp("meeting_js")
    with served_fixture_site("meetings_pages", folder) as (url, _):
        yield url


@pytest.fixture
def page(open_page, siteurl):
    """A page that blocks and records every request leaving the test server."""
    page = open_page(siteurl, permissions=["clipboard-read", "clipboard-write"])
    yield page
    assert page.errors == []


def open_meeting(page, siteurl, relative, fragment=""):
    page.goto(f"{siteurl}/{relative}{fragment}", wait_until="networkidle")
    assert page.locator("[data-transcript-search]").is_visible(), (
        "meeting.js did not run: article.html must include "
        '"partials/section_head/" ~ article.section ~ ".html" in its head block'
    )


def test_the_player_is_framed_only_when_the_reader_presses_play(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    assert page.outside_requests == []
    assert page.locator("iframe").count() == 0
    page.click(".video-facade")
    frame = page.locator("[data-video-player] iframe")
    assert frame.get_attribute("src") == f"{RUTUBE_EMBED}?autoplay=1"
    assert frame.get_attribute("title") == (
        "Видеоплеер: Видеозапись заседания (RuTube)"
    )
    assert page.outside_requests == [f"{RUTUBE_EMBED}?autoplay=1"]


def test_a_time_starts_the_player_at_that_moment(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    page.click("#turn-2 .turn-time")
    frame = page.locator("[data-video-player] iframe")
    assert frame.get_attribute("src") == f"{RUTUBE_EMBED}?t=750&autoplay=1"
    # A playing RuTube player is told to seek, not reloaded.
    page.locator("#turn-4 .turn-time").scroll_into_view_if_needed()
    page.click("#turn-4 .turn-time")
    assert frame.get_attribute("src") == f"{RUTUBE_EMBED}?t=750&autoplay=1"
    assert page.url == f"{siteurl}/{RUTUBE_PAGE}"


def test_a_time_seeks_a_video_file_on_the_page(page, siteurl):
    open_meeting(page, siteurl, FILE_PAGE)
    page.click("#turn-2 .turn-time")
    assert page.evaluate("document.querySelector('video').currentTime") == 200
    assert page.url == f"{siteurl}/{FILE_PAGE}"
    assert page.outside_requests == []


def test_a_shared_link_lands_on_its_turn(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE, "#turn-4")
    assert page.evaluate("document.querySelector(':target').id") == "turn-4"


def test_the_copy_button_copies_the_link_to_its_turn(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    button = page.locator("button[data-copy-link='turn-3']")
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"{siteurl}/{RUTUBE_PAGE}#turn-3"
    )
    assert page.locator("[data-transcript-announcer]").text_content() == (
        "Ссылка на реплику скопирована."
    )


def test_find_shows_matching_turns_and_marks_the_words(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    box = page.locator("#transcript-query")
    box.fill("ВОПРОС")
    status = page.locator("#transcript-search-status")
    status.filter(has_text="Найдено").wait_for()
    assert status.text_content() == "Найдено: 3 реплики из 5."
    visible = page.eval_on_selector_all(
        ".turn", "turns => turns.filter(t => !t.hidden).map(t => t.id)"
    )
    assert visible == ["turn-1", "turn-4", "turn-5"]
    assert page.locator(".turn mark").all_text_contents() == ["вопрос"] * 3
    box.press("Escape")
    assert page.locator(".turn:not([hidden])").count() == 5
    assert page.locator(".turn mark").count() == 0


def test_find_treats_yo_as_ye(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    page.locator("#transcript-query").fill("петр андреевич")
    page.locator("#transcript-search-status").filter(has_text="Найдено").wait_for()
    assert page.locator(".turn:not([hidden])").count() == 1
    assert page.locator(".turn-speaker mark").all_text_contents() == [
        "Пётр",
        "Андреевич",
    ]
