import pytest

from meetings.transcript import parse_transcript
from meetings.webvtt import to_webvtt

MEETING = """\
Стенограмма заседания.

**Иванов Иван Иванович, глава города** [00:00:05]
Добрый день, коллеги.

Начинаем.

**Голос из зала**
Не слышно!

**Петрова Анна Сергеевна** [01:02:03]
Спасибо.
"""


def test_cues_run_from_one_timed_turn_to_the_next():
    assert to_webvtt(parse_transcript(MEETING)) == (
        "WEBVTT\n"
        "\n"
        "turn-1\n"
        "00:00:05.000 --> 01:02:03.000\n"
        "<v Иванов Иван Иванович>Иванов Иван Иванович: Добрый день, коллеги. "
        "Начинаем.\n"
        "\n"
        "turn-3\n"
        "01:02:03.000 --> 01:03:03.000\n"
        "<v Петрова Анна Сергеевна>Петрова Анна Сергеевна: Спасибо.\n"
    )


def test_last_cue_lasts_the_duration_hint():
    vtt = to_webvtt(parse_transcript(MEETING), duration_hint=600)
    assert "01:02:03.000 --> 01:12:03.000\n" in vtt


@pytest.mark.parametrize("duration_hint", [0, -5])
def test_last_cue_must_last_some_time(duration_hint):
    with pytest.raises(ValueError, match="больше нуля"):
        to_webvtt(parse_transcript(MEETING), duration_hint)


def test_transcript_without_times_gives_only_the_header():
    assert to_webvtt(parse_transcript("**Иванов**\nТекст.")) == "WEBVTT\n"
    assert to_webvtt(parse_transcript("")) == "WEBVTT\n"


def test_cue_text_and_voice_are_escaped():
    transcript = parse_transcript(
        "**Фонд <Развитие> & партнёры** [00:01:00]\nСтатья 5 --> «a < b & c > d»."
    )
    assert to_webvtt(transcript).splitlines()[4] == (
        "<v Фонд &lt;Развитие&gt; &amp; партнёры>"
        "Фонд &lt;Развитие&gt; &amp; партнёры: "
        "Статья 5 --&gt; «a &lt; b &amp; c &gt; d»."
    )


def test_captions_show_the_speech_without_markdown():
    transcript = parse_transcript(
        "**Иванов** [00:00:01]\nЭто *важно*: [закон](https://example.ru) R&amp;D."
    )
    assert to_webvtt(transcript).splitlines()[4] == (
        "<v Иванов>Иванов: Это важно: закон R&amp;D."
    )


def test_long_speech_is_cut_at_a_word_with_an_ellipsis():
    words = " ".join(["бюджет"] * 60)
    vtt = to_webvtt(parse_transcript(f"**Иванов** [00:00:01]\n{words}"))
    text = vtt.splitlines()[4].removeprefix("<v Иванов>")
    assert text.endswith("бюджет…")
    assert len(text) <= 201
    assert text.removesuffix("…") == "Иванов: " + " ".join(["бюджет"] * 27)


def test_cues_are_ordered_and_never_empty_when_times_go_backwards():
    transcript = parse_transcript(
        "**А** [00:10:00]\nа\n\n**Б** [00:05:00]\nб\n\n**В** [00:05:00]\nв"
    )
    timings = [line for line in to_webvtt(transcript).splitlines() if "-->" in line]
    assert timings == [
        "00:05:00.000 --> 00:10:00.000",
        "00:05:00.000 --> 00:10:00.000",
        "00:10:00.000 --> 00:11:00.000",
    ]
