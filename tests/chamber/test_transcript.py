import pytest

from chamber.transcript import (
    Transcript,
    TranscriptProblem,
    Turn,
    format_timestamp,
    parse_timestamp,
    parse_transcript,
)
from texts import KIROV_MEETING_TRANSCRIPT as MEETING


@pytest.fixture
def meeting() -> Transcript:
    return parse_transcript(MEETING)


def test_preamble_is_the_paragraphs_before_the_first_speaker(meeting):
    assert meeting.preamble == (
        "Стенограмма заседания Палаты городов-центров",
        "г. Киров, 25 марта 2021 г.",
    )


def test_well_formed_meeting_has_no_problems(meeting):
    assert meeting.problems == ()


def test_turns_are_read_in_order(meeting):
    assert meeting.turns[0] == Turn(
        index=1,
        speaker="Иванов Иван Иванович",
        role="председатель Палаты, глава города Кирова",
        start=65,
        paragraphs=("Уважаемые коллеги!", "Открываем заседание."),
        line=5,
    )
    assert [turn.anchor for turn in meeting.turns] == ["turn-1", "turn-2", "turn-3"]
    assert [turn.line for turn in meeting.turns] == [5, 10, 13]


def test_role_keeps_its_commas(meeting):
    assert meeting.turns[0].role == "председатель Палаты, глава города Кирова"


def test_minutes_and_seconds_time(meeting):
    assert meeting.turns[1].start == 12 * 60 + 30


def test_speech_on_the_header_line_is_the_first_paragraph(meeting):
    assert meeting.turns[2].start == 3723
    assert meeting.turns[2].paragraphs == ("Переходим ко второму вопросу.",)


def test_header_without_time_or_role():
    turn = parse_transcript("**Голос из зала**\n\nА регламент?").turns[0]
    assert (turn.speaker, turn.role, turn.start) == ("Голос из зала", None, None)
    assert turn.paragraphs == ("А регламент?",)


def test_colon_after_the_name_is_dropped():
    turns = parse_transcript(
        "**Иванов И. И.:** Добрый день.\n\n**Петров П. П.**: Да."
    ).turns
    assert [(turn.speaker, turn.paragraphs) for turn in turns] == [
        ("Иванов И. И.", ("Добрый день.",)),
        ("Петров П. П.", ("Да.",)),
    ]


def test_paragraph_without_header_continues_the_current_turn():
    transcript = parse_transcript(
        "**Иванов И. И.** [00:00:10]\n\nПервый абзац.\n\nВторой абзац\nв две строки."
    )
    assert transcript.turns[0].paragraphs == (
        "Первый абзац.",
        "Второй абзац\nв две строки.",
    )


def test_inline_markdown_stays_raw():
    transcript = parse_transcript("**Иванов И. И.**\n\nЭто *очень* __важно__.")
    assert transcript.turns[0].paragraphs == ("Это *очень* __важно__.",)


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\ufeff"])
def test_empty_transcript_has_no_turns(text):
    assert parse_transcript(text) == Transcript(preamble=(), turns=(), problems=())


def test_crlf_line_endings_and_bom():
    transcript = parse_transcript("\ufeff" + MEETING.replace("\n", "\r\n"))
    assert transcript.preamble[0] == "Стенограмма заседания Палаты городов-центров"
    assert transcript.turns[0].paragraphs == (
        "Уважаемые коллеги!",
        "Открываем заседание.",
    )
    assert transcript == parse_transcript(MEETING)


def test_old_mac_line_endings():
    assert parse_transcript(MEETING.replace("\n", "\r")) == parse_transcript(MEETING)


def test_minutes_over_59_is_an_error_on_the_header_line():
    transcript = parse_transcript(
        "Преамбула.\n\n**Иванов И. И.** [1:75:00]\nТекст выступления."
    )
    assert transcript.problems == (
        TranscriptProblem(
            line=3,
            message="В отметке времени «1:75:00» минуты и секунды должны быть "
            "меньше 60: ожидается ЧЧ:ММ:СС, например 01:15:00",
            severity="error",
        ),
    )
    assert transcript.turns[0].start is None
    assert transcript.turns[0].paragraphs == ("Текст выступления.",)


def test_unreadable_time_is_an_error():
    (problem,) = parse_transcript("**Иванов И. И.** [10 минут]\nТекст.").problems
    assert (problem.line, problem.severity) == (1, "error")
    assert "ожидается ЧЧ:ММ:СС или ММ:СС" in problem.message


def test_unclosed_time_bracket_is_an_error():
    (problem,) = parse_transcript("**Иванов И. И.** [00:01:00 Текст.").problems
    assert (problem.line, problem.severity) == (1, "error")
    assert problem.message.startswith("Не закрыта квадратная скобка")


def test_unclosed_bold_is_an_error_and_the_text_is_kept():
    text = "**Иванов И. И.** [00:00:05]\nТекст.\n\n**Петров П. П. [00:01:00]\nОтвет."
    transcript = parse_transcript(text)
    (problem,) = transcript.problems
    assert (problem.line, problem.severity) == (4, "error")
    assert problem.message.startswith("Не закрыто выделение «**» в заголовке реплики")
    assert "**Фамилия Имя Отчество, должность** [ЧЧ:ММ:СС]" in problem.message
    assert len(transcript.turns) == 1
    assert transcript.turns[0].paragraphs == (
        "Текст.",
        "**Петров П. П. [00:01:00]\nОтвет.",
    )


def test_unclosed_bold_does_not_run_into_later_bold_words():
    (problem,) = parse_transcript("**Иванов [00:00:05] Это **важно**.").problems
    assert problem.message.startswith("Не закрыто выделение")


@pytest.mark.parametrize(
    "header", ["**** [00:01:00]", "** , глава города** [00:01:00]"]
)
def test_empty_speaker_name_is_an_error(header):
    transcript = parse_transcript(f"Преамбула.\n\n{header}\nТекст.")
    (problem,) = transcript.problems
    assert (problem.line, problem.severity) == (3, "error")
    assert problem.message.startswith("Не указано имя выступающего")
    assert transcript.turns == ()


@pytest.mark.parametrize(
    ("header", "shown"),
    [
        ("**Иванов И. И.** (00:10:00)", "(00:10:00)"),
        ("**Иванов И. И.** 00:10:00", "00:10:00"),
        ("**Иванов И. И.** ( 10:00 ) Добрый день.", "( 10:00 )"),
        ("**Иванов И. И.:** 00:10:00 Добрый день.", "00:10:00"),
    ],
)
def test_a_time_outside_square_brackets_is_an_error(header, shown):
    transcript = parse_transcript(f"Преамбула.\n\n{header}\nТекст.")
    (problem,) = transcript.problems
    assert (problem.line, problem.severity) == (3, "error")
    assert problem.message == (
        f"Отметка времени «{shown}» не прочитана: время пишется в квадратных "
        "скобках сразу после имени, ожидается "
        "**Фамилия Имя Отчество, должность** [ЧЧ:ММ:СС]"
    )
    assert transcript.turns[0].speaker == "Иванов И. И."


def test_a_second_time_in_a_header_is_an_error():
    transcript = parse_transcript("**Иванов И. И.** [00:10:00] [00:11:00]\nТекст.")
    (problem,) = transcript.problems
    assert (problem.line, problem.severity) == (1, "error")
    assert problem.message.startswith("Вторая отметка времени «[00:11:00]»")
    assert transcript.turns[0].start == 600


def test_a_time_before_the_name_is_an_error_and_the_text_is_kept():
    transcript = parse_transcript(
        "**Петров П. П.** [00:05:00]\nДа.\n\n[00:10:00] **Иванов И. И.**\nТекст."
    )
    (problem,) = transcript.problems
    assert (problem.line, problem.severity) == (4, "error")
    assert problem.message.startswith("Отметка времени стоит перед именем")
    assert transcript.turns[0].paragraphs == (
        "Да.",
        "[00:10:00] **Иванов И. И.**\nТекст.",
    )


@pytest.mark.parametrize(
    "text",
    [
        # Speech that merely starts with a time or a link, on the next line.
        "**Иванов И. И.** [00:10:00]\n10:30 — начало второй части.",
        "**Иванов И. И.** [00:10:00] [Закон](https://example.ru) принят.",
        "**Иванов И. И.**\n[00:10:00]\nТекст.",
        "Программа: 10:00 **открытие**.",
    ],
)
def test_text_that_only_mentions_a_time_is_fine(text):
    assert parse_transcript(text).problems == ()


def test_time_going_backwards_is_a_warning():
    transcript = parse_transcript(
        "**Иванов И. И.** [00:10:00]\nТекст.\n\n"
        "**Петров П. П.**\nБез времени.\n\n"
        "**Сидоров С. С.** [00:05:00]\nТекст."
    )
    assert transcript.problems == (
        TranscriptProblem(
            line=7,
            message="Время [00:05:00] раньше, чем у предыдущей реплики [00:10:00] "
            "на строке 1: проверьте отметку времени",
            severity="warning",
        ),
    )


def test_turn_without_text_is_a_warning():
    transcript = parse_transcript(
        "**Иванов И. И.** [00:00:05]\n\n**Петров П. П.**\nДа."
    )
    (problem,) = transcript.problems
    assert (problem.line, problem.severity) == (1, "warning")
    assert "У реплики «Иванов И. И.» нет текста" in problem.message


def test_problems_are_sorted_by_line():
    transcript = parse_transcript(
        "**Иванов И. И.** [00:10:00]\n\n"
        "**Петров П. П.** [00:05:00]\nДа.\n\n"
        "**А [9:99]\nТекст."
    )
    assert [problem.line for problem in transcript.problems] == [1, 3, 6]


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(0, "00:00:00"), (65, "00:01:05"), (3723, "01:02:03"), (360000, "100:00:00")],
)
def test_format_timestamp(seconds, expected):
    assert format_timestamp(seconds) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("01:02:03", 3723), ("1:02:03", 3723), ("12:30", 750), (" 5:07 ", 307)],
)
def test_parse_timestamp(text, expected):
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1:75:00", "минуты и секунды должны быть меньше 60"),
        ("00:00:60", "минуты и секунды должны быть меньше 60"),
        ("75:00", "минуты и секунды должны быть меньше 60"),
        ("1.02.03", "ожидается ЧЧ:ММ:СС или ММ:СС"),
        ("", "ожидается ЧЧ:ММ:СС или ММ:СС"),
        ("01:02:3", "ожидается ЧЧ:ММ:СС или ММ:СС"),
    ],
)
def test_parse_timestamp_refuses(text, message):
    with pytest.raises(ValueError, match=message):
        parse_timestamp(text)
