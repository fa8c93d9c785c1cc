"""The meeting page's script in Chromium: players framed on request only, times
that seek, links to turns copied, words found in the transcript."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from sitebuild import served_fixture_site

RUTUBE_PAGE = "meetings/zasedanie-rutube/"
FILE_PAGE = "meetings/zasedanie-fayl/"
PARTS_PAGE = "meetings/zasedanie-dve-chasti/"
FILE_AND_RUTUBE_PAGE = "meetings/zasedanie-fayl-i-rutube/"
RUTUBE_EMBED = "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef"
YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# Stands in for a video host's player: keeps every message the page sends it.
RECORDING_PLAYER = """<!doctype html><title>Плеер</title><script>
window.received = [];
window.addEventListener("message", function (event) {
  window.received.push(event.data);
});
</script>"""


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


def stub_player(page, embed):
    page.route(
        lambda url: url.startswith(embed),
        lambda route: route.fulfill(content_type="text/html", body=RECORDING_PLAYER),
    )


def received_by(page, selector, count):
    """The messages the framed player got, once it has `count` of them."""
    player = page.locator(selector).element_handle().content_frame()
    player.wait_for_function(
        f"window.received && window.received.length >= {count}", timeout=5000
    )
    return [json.loads(message) for message in player.evaluate("window.received")]


def wait_until_loaded(page, selector):
    page.locator(selector).element_handle().content_frame().wait_for_function(
        "window.received !== undefined"
    )


def focus_of(page):
    return page.evaluate(
        "[document.activeElement.className, document.activeElement.textContent]"
    )


def in_view(page, selector):
    return page.eval_on_selector(
        selector,
        # Scrolling is by whole pixels: a box may sit a fraction above the top.
        "e => { const b = e.getBoundingClientRect();"
        " return b.top > -1 && b.bottom < window.innerHeight + 1; }",
    )


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
    page.click(".turn:has(#turn-2) .turn-time")
    frame = page.locator("[data-video-player] iframe")
    assert frame.get_attribute("src") == f"{RUTUBE_EMBED}?t=750&autoplay=1"
    # A playing RuTube player is told to seek, not reloaded.
    page.locator(".turn:has(#turn-4) .turn-time").scroll_into_view_if_needed()
    page.click(".turn:has(#turn-4) .turn-time")
    assert frame.get_attribute("src") == f"{RUTUBE_EMBED}?t=750&autoplay=1"
    assert page.url == f"{siteurl}/{RUTUBE_PAGE}"


def test_a_time_seeks_a_playing_rutube_player_by_message(page, siteurl):
    stub_player(page, RUTUBE_EMBED)
    open_meeting(page, siteurl, RUTUBE_PAGE)
    page.click(".turn:has(#turn-2) .turn-time")
    wait_until_loaded(page, "#video-1 iframe")
    page.click(".turn:has(#turn-4) .turn-time")
    assert received_by(page, "#video-1 iframe", 2) == [
        {"type": "player:setCurrentTime", "data": {"time": 3723}},
        {"type": "player:play", "data": {}},
    ]
    assert page.locator("#video-1 iframe").get_attribute("src") == (
        f"{RUTUBE_EMBED}?t=750&autoplay=1"
    )


def test_a_time_seeks_a_playing_youtube_player_by_message(page, siteurl):
    stub_player(page, YOUTUBE_EMBED)
    open_meeting(page, siteurl, PARTS_PAGE)
    page.click(".turn:has(#turn-1) .turn-time")
    frame = page.locator("#video-1 iframe")
    assert frame.get_attribute("src") == (
        f"{YOUTUBE_EMBED}?enablejsapi=1&start=100&autoplay=1"
    )
    wait_until_loaded(page, "#video-1 iframe")
    page.click(".turn:has(#turn-1) .turn-time")
    assert received_by(page, "#video-1 iframe", 2) == [
        {"event": "command", "func": "seekTo", "args": [100, True]},
        {"event": "command", "func": "playVideo", "args": []},
    ]


def test_a_framed_player_may_go_full_screen_without_the_old_attribute(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    page.click(".video-facade")
    frame = page.locator("#video-1 iframe")
    assert "fullscreen" in frame.get_attribute("allow").split("; ")
    assert frame.get_attribute("allowfullscreen") is None


def test_opening_a_player_puts_the_other_back_behind_its_facade(page, siteurl):
    open_meeting(page, siteurl, PARTS_PAGE)
    page.click("#video-1 .video-facade")
    page.click("#video-2 .video-facade")
    assert page.locator("iframe").count() == 1
    assert page.locator("#video-2 iframe").count() == 1
    assert page.locator("#video-1 .video-facade").is_visible()
    # And back again: the facade put back still plays.
    page.click("#video-1 .video-facade")
    assert page.locator("#video-1 iframe").count() == 1
    assert page.locator("#video-2 .video-facade").is_visible()


def test_a_video_file_and_a_framed_player_never_play_together(page, siteurl):
    page.goto(f"{siteurl}/{FILE_AND_RUTUBE_PAGE}", wait_until="networkidle")
    page.evaluate(
        "() => { window.paused = 0;"
        " HTMLMediaElement.prototype.pause = () => { window.paused += 1; }; }"
    )
    page.click("#video-2 .video-facade")
    assert page.evaluate("window.paused") == 1
    # Not awaited: a file that never loads keeps its promise pending.
    page.evaluate("() => { document.querySelector('video').play().catch(() => {}); }")
    page.locator("#video-2 .video-facade").wait_for()
    assert page.locator("iframe").count() == 0


def test_on_a_wide_screen_a_time_plays_the_video_beside_the_speech(open_page, siteurl):
    page = open_page(siteurl, viewport=DESKTOP)
    open_meeting(page, siteurl, RUTUBE_PAGE, "#turn-4")
    scrolled = page.evaluate("scrollY")
    page.focus(".turn:has(#turn-4) .turn-time")
    page.keyboard.press("Enter")
    # The player stays in view beside the text: the reader is not moved.
    assert in_view(page, "#video-1 iframe")
    assert page.evaluate("scrollY") == scrolled
    assert focus_of(page) == ["turn-time", "Смотреть видео с 01:02:03"]
    assert page.locator("[data-transcript-announcer]").text_content() == (
        "Видео с 01:02:03"
    )
    assert page.locator("[data-video-return]").is_hidden()
    assert page.errors == []


def test_on_a_wide_screen_videos_taller_than_the_text_leave_no_gap_in_it(
    open_page, siteurl
):
    page = open_page(siteurl, viewport=DESKTOP)
    page.goto(f"{siteurl}/{PARTS_PAGE}", wait_until="networkidle")
    # Between the agenda and the speakers: their margins, and nothing more.
    gap, margins = page.evaluate(
        """() => {
        const text = document.querySelector('.publication-body').lastElementChild;
        const heading = document.querySelector('.meeting-speakers h2');
        const margin = (e, side) => parseFloat(getComputedStyle(e)[side]);
        return [
          heading.getBoundingClientRect().top - text.getBoundingClientRect().bottom,
          margin(text, 'marginBottom') + margin(heading, 'marginTop'),
        ];
      }"""
    )
    assert gap < margins + 1
    beside = page.evaluate(
        "document.querySelector('.meeting-videos').getBoundingClientRect().left"
        " > document.querySelector('.transcript').getBoundingClientRect().right"
    )
    assert beside


def test_on_a_phone_a_time_goes_up_to_the_video_and_offers_the_way_back(
    open_page, siteurl
):
    page = open_page(siteurl, viewport=PHONE, reduced_motion="reduce")
    open_meeting(page, siteurl, RUTUBE_PAGE, "#turn-4")
    assert not in_view(page, "#video-1 .video-player")
    page.focus(".turn:has(#turn-4) .turn-time")
    page.keyboard.press("Enter")
    assert in_view(page, "#video-1 iframe")
    assert page.locator("[data-transcript-announcer]").text_content() == (
        "Видео с 01:02:03"
    )
    # Focus is by the player, on the way back, not left far below.
    assert focus_of(page) == [
        "video-return",
        "Вернуться к выступлению: Иванов Иван Иванович, 01:02:03",
    ]
    assert in_view(page, "[data-video-return]")
    page.keyboard.press("Enter")
    assert focus_of(page) == ["turn-time", "Смотреть видео с 01:02:03"]
    assert in_view(page, ".turn:has(#turn-4) .turn-time")
    assert page.locator("[data-video-return]").is_hidden()
    assert page.errors == []


def test_the_way_back_is_accessible(open_page, siteurl):
    page = open_page(siteurl, viewport=PHONE, reduced_motion="reduce")
    open_meeting(page, siteurl, RUTUBE_PAGE, "#turn-4")
    page.click(".turn:has(#turn-4) .turn-time")
    assert page.locator("[data-video-return]").is_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_time_seeks_a_video_file_on_the_page(page, siteurl):
    open_meeting(page, siteurl, FILE_PAGE)
    page.click(".turn:has(#turn-2) .turn-time")
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
        ".turn",
        "turns => turns.filter(t => !t.hidden)"
        ".map(t => t.querySelector('.turn-speaker').id)",
    )
    assert visible == ["turn-1", "turn-4", "turn-5"]
    assert page.locator(".turn mark").all_text_contents() == ["вопрос"] * 3
    box.press("Escape")
    assert page.locator(".turn:not([hidden])").count() == 5
    assert page.locator(".turn mark").count() == 0


def test_an_empty_search_status_takes_no_room(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    assert (
        page.eval_on_selector("#transcript-search-status", "e => e.offsetHeight") == 0
    )
    page.locator("#transcript-query").fill("вопрос")
    status = page.locator("#transcript-search-status")
    status.filter(has_text="Найдено").wait_for()
    assert status.evaluate("e => e.offsetHeight") > 0


def test_find_treats_yo_as_ye(page, siteurl):
    open_meeting(page, siteurl, RUTUBE_PAGE)
    page.locator("#transcript-query").fill("петр андреевич")
    page.locator("#transcript-search-status").filter(has_text="Найдено").wait_for()
    assert page.locator(".turn:not([hidden])").count() == 1
    assert page.locator(".turn-speaker mark").all_text_contents() == [
        "Пётр",
        "Андреевич",
    ]
