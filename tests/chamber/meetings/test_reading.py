from chamber.meetings.reading import read_transcript
from chamber.problems import Problem
from chamber.source import CONTROL_CHARACTERS_WARNING
from texts import KIROV_MEETING_TRANSCRIPT

PATH = "meetings/transcripts/kirov.md"


def test_a_good_transcript_is_parsed_without_problems():
    reading = read_transcript(KIROV_MEETING_TRANSCRIPT.encode(), PATH, "")
    assert [turn.speaker for turn in reading.transcript.turns] == [
        "Иванов Иван Иванович",
        "Петрова Анна Сергеевна",
        "Иванов Иван Иванович",
    ]
    assert (reading.errors, reading.warnings) == ((), ())


def test_an_empty_file_is_one_error_naming_it_and_no_transcript():
    reading = read_transcript(b"  \n", PATH, "")
    assert reading.transcript is None
    assert [(p.path, p.message[:9]) for p in reading.errors] == [(PATH, "файл пуст")]


def test_parser_errors_come_before_html_ones_and_word_marks_are_a_warning():
    text = (
        "**Иванов** [1:75:00]\vТекст.\n\n"
        "**Петров** [00:02:00]\n[Ссылка](javascript:alert(1))\n"
    )
    reading = read_transcript(text.encode(), PATH, "")
    assert [(p.line, p.message[:22]) for p in reading.errors] == [
        (1, "В отметке времени «1:7"),
        (4, "ссылка «javascript:ale"),
    ]
    assert reading.warnings[0] == Problem(PATH, CONTROL_CHARACTERS_WARNING, None, 1)
    assert [turn.speaker for turn in reading.transcript.turns] == ["Иванов", "Петров"]
