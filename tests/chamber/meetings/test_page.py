import pytest

from chamber.meetings.page import build_meeting_page, html_duration, video_views
from chamber.transcript import parse_transcript
from chamber.video import labelled_video as Labelled

RUTUBE_ID = "0123456789abcdef0123456789abcdef"
RUTUBE = f"https://rutube.ru/video/{RUTUBE_ID}/"
YOUTUBE = "https://youtu.be/dQw4w9WgXcQ"
FILE = "/files/zasedanie.mp4"

TRANSCRIPT = """\
Стенограмма.

**Иванов Иван Иванович, председатель, глава города** [00:01:05]
Добрый *день*.

**Петрова Анна Сергеевна** [12:30]
Спасибо.

**Иванов Иван Иванович**
Без времени.
"""


def page_for(*urls, transcript=TRANSCRIPT, **files):
    return build_meeting_page(
        [Labelled(None, url) for url in urls],
        parse_transcript(transcript),
        "meetings/transcripts/zasedanie.md",
        **files,
    )


def test_videos_keep_their_order_labels_and_providers():
    views = video_views([Labelled("Часть 1", RUTUBE), Labelled("Часть 2", YOUTUBE)])
    assert [(v.number, v.label, v.provider_label) for v in views] == [
        (1, "Часть 1", "RuTube"),
        (2, "Часть 2", "YouTube"),
    ]
    assert [v.dom_id for v in views] == ["video-1", "video-2"]


def test_a_provider_video_is_watched_there_and_framed_playing():
    (view,) = video_views([Labelled(None, RUTUBE)])
    assert view.watch_url == RUTUBE
    assert view.embed_url == f"https://rutube.ru/play/embed/{RUTUBE_ID}"
    assert view.play_url == f"https://rutube.ru/play/embed/{RUTUBE_ID}?autoplay=1"
    assert not view.is_file
    assert not view.local


def test_a_youtube_player_on_the_page_takes_the_scripts_commands():
    (view,) = video_views([Labelled(None, YOUTUBE)])
    assert view.play_url == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1&autoplay=1"
    )
    assert view.embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    turn = page_for(YOUTUBE).transcript.turns[0]
    assert turn.play_url == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1"
        "&start=65&autoplay=1"
    )


def test_the_facade_starts_where_the_editors_link_did():
    (view,) = video_views([Labelled(None, f"{YOUTUBE}?t=42")])
    assert view.play_url.endswith("?enablejsapi=1&start=42&autoplay=1")
    assert view.watch_url.endswith("&t=42s")


def test_a_file_on_the_site_is_local():
    (view,) = video_views([Labelled(None, FILE)])
    assert view.is_file
    assert view.local
    assert view.media_type == "video/mp4"
    assert view.embed_url == view.watch_url == FILE


def test_turns_link_to_the_first_video_at_their_time():
    turns = page_for(RUTUBE, YOUTUBE).transcript.turns
    assert [turn.anchor for turn in turns] == ["turn-1", "turn-2", "turn-3"]
    assert turns[1].time_label == "00:12:30"
    assert turns[1].time_datetime == "PT0H12M30S"
    assert turns[1].watch_url == f"{RUTUBE}?t=750"
    assert turns[1].play_url == (
        f"https://rutube.ru/play/embed/{RUTUBE_ID}?t=750&autoplay=1"
    )


def test_an_untimed_turn_has_no_time_links():
    turn = page_for(RUTUBE).transcript.turns[2]
    assert (turn.start, turn.time_label, turn.watch_url, turn.play_url) == (
        None,
        None,
        None,
        None,
    )


def test_without_video_times_are_shown_but_not_linked():
    turn = page_for().transcript.turns[0]
    assert turn.time_label == "00:01:05"
    assert turn.watch_url is None


def test_turn_text_and_preamble_are_rendered():
    transcript = page_for(RUTUBE).transcript
    assert transcript.preamble_html == "<p>Стенограмма.</p>"
    assert transcript.turns[0].html == "<p>Добрый <em>день</em>.</p>"
    assert transcript.turns[0].role == "председатель, глава города"


def test_speech_is_set_in_russian_typography():
    transcript = page_for(
        RUTUBE,
        transcript='Закон "о местном самоуправлении" и в 2021 г.\n\n'
        '**Иванов И. И.** [00:00:05]\nЭто "важно" — и в *городах*.',
    ).transcript
    assert transcript.preamble_html == (
        "<p>Закон «о\u00a0местном самоуправлении» и\u00a0в\u00a02021\u00a0г.</p>"
    )
    assert transcript.turns[0].html == (
        "<p>Это «важно»\u00a0— и\u00a0в\u00a0<em>городах</em>.</p>"
    )


def test_speakers_link_to_their_first_turn_and_their_place_on_speakers_page():
    speakers = page_for(RUTUBE).transcript.speakers
    assert [(s.name, s.turn_count, s.first_anchor) for s in speakers] == [
        ("Иванов Иван Иванович", 2, "turn-1"),
        ("Петрова Анна Сергеевна", 1, "turn-2"),
    ]
    assert speakers[0].key == "ivanov-ivan-ivanovich"


def test_captions_only_for_a_video_file_with_times():
    files = {"text_url": "m/t.txt", "captions_url": "m/t.vtt"}
    assert page_for(FILE, **files).transcript.captions_url == "m/t.vtt"
    assert page_for(RUTUBE, **files).transcript.captions_url is None
    assert page_for(YOUTUBE, FILE, **files).transcript.captions_url is None
    untimed = "**Иванов Иван Иванович**\nТекст."
    assert page_for(FILE, transcript=untimed, **files).transcript.captions_url is None
    assert page_for(FILE, **files).transcript.text_url == "m/t.txt"


def test_a_file_turn_links_to_the_file_at_its_time():
    turn = page_for(FILE).transcript.turns[0]
    assert turn.watch_url == f"{FILE}#t=65"


def test_a_meeting_without_transcript_has_only_videos():
    page = build_meeting_page([Labelled(None, RUTUBE)])
    assert page.transcript is None
    assert page.timed_video.provider == "rutube"
    assert build_meeting_page([]).timed_video is None


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "PT0H0M0S"), (65, "PT0H1M5S"), (3723, "PT1H2M3S")],
)
def test_html_duration(seconds, expected):
    assert html_duration(seconds) == expected


def test_the_typography_passed_in_sets_every_turn_and_the_preamble():
    seen = []

    def marked(html):
        seen.append(html)
        return f"[{html}]"

    page = build_meeting_page(
        [Labelled(None, RUTUBE)],
        parse_transcript(TRANSCRIPT),
        "meetings/transcripts/zasedanie.md",
        typograph=marked,
    )
    assert page.transcript.preamble_html == "[<p>Стенограмма.</p>]"
    assert [turn.html for turn in page.transcript.turns] == [
        "[<p>Добрый <em>день</em>.</p>]",
        "[<p>Спасибо.</p>]",
        "[<p>Без времени.</p>]",
    ]
    assert len(seen) == 4
