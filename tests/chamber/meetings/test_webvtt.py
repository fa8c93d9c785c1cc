from itertools import pairwise

import pytest

from chamber.meetings import webvtt
from chamber.meetings.webvtt import split_text, to_webvtt
from chamber.transcript import parse_transcript

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


def test_last_cue_ends_at_the_videos_duration():
    vtt = to_webvtt(parse_transcript(MEETING), duration=4000)
    assert "01:02:03.000 --> 01:06:40.000\n" in vtt


def test_a_duration_before_the_last_turn_is_not_used():
    vtt = to_webvtt(parse_transcript(MEETING), duration=3000)
    assert "01:02:03.000 --> 01:03:03.000\n" in vtt


@pytest.mark.parametrize("duration", [0, -5])
def test_the_duration_must_be_positive(duration):
    with pytest.raises(ValueError, match="больше нуля"):
        to_webvtt(parse_transcript(MEETING), duration)


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


def test_a_long_speech_keeps_every_word_in_cues_timed_in_proportion():
    words = " ".join(f"слово{n}" for n in range(60))
    transcript = parse_transcript(
        f"**Иванов** [00:00:10]\n{words}\n\n**Петрова** [00:01:10]\nДа."
    )
    blocks = to_webvtt(transcript).split("\n\n")[1:]
    ivanov = [block.splitlines() for block in blocks if "<v Иванов>" in block]
    texts = [lines[2].removeprefix("<v Иванов>") for lines in ivanov]
    assert " ".join(texts) == f"Иванов: {words}"
    assert all(len(text) <= 84 for text in texts)
    assert len(texts) == 6
    assert [lines[0] for lines in ivanov] == [
        "turn-1",
        "turn-1-2",
        "turn-1-3",
        "turn-1-4",
        "turn-1-5",
        "turn-1-6",
    ]
    times = [lines[1].split(" --> ") for lines in ivanov]
    assert times[0][0] == "00:00:10.000"
    assert times[-1][1] == "00:01:10.000"
    # Each cue starts where the previous ended; longer text, longer cue.
    assert all(a[1] == b[0] for a, b in pairwise(times))


def test_split_text_cuts_between_words_preferring_sentence_ends(monkeypatch):
    monkeypatch.setattr(webvtt, "CUE_TEXT_LIMIT", 40)
    assert split_text("Первое предложение тут. Второе предложение длиннее") == [
        "Первое предложение тут.",
        "Второе предложение длиннее",
    ]
    monkeypatch.setattr(webvtt, "CUE_TEXT_LIMIT", 20)
    assert split_text("а " + "б" * 50 + " в") == ["а", "б" * 50, "в"]


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
