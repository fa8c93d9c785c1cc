from datetime import datetime

from meetings.speakers import (
    MeetingTranscript,
    TurnLink,
    index_speakers,
    speaker_anchor,
)
from meetings.transcript import parse_transcript

MARCH = MeetingTranscript(
    "Мартовское заседание",
    "meetings/mart/",
    datetime(2021, 3, 25, 10),
    parse_transcript(
        "**Петрова Анна Сергеевна, глава города Вологды** [00:00:10]\nДобрый день.\n\n"
        "**Королёв Игорь Олегович, эксперт** [05:00]\nДоклад.\n\n"
        "**Петрова Анна Сергеевна**\nСпасибо."
    ),
)
FEBRUARY = MeetingTranscript(
    "Февральское заседание",
    "meetings/fevral/",
    datetime(2021, 2, 18, 11),
    parse_transcript(
        "**Королев Игорь Олегович, советник главы** [01:00]\nВыступление."
    ),
)


def test_speaker_anchor_is_the_latin_slug():
    assert speaker_anchor("Королёв Игорь Олегович") == "speaker-korolev-igor-olegovich"
    assert speaker_anchor("***") == "speaker-bez-imeni"


def test_speakers_are_in_alphabetical_order_with_yo_as_ye():
    names = [entry.name for entry in index_speakers([MARCH, FEBRUARY])]
    assert names == ["Королев Игорь Олегович", "Петрова Анна Сергеевна"]


def test_one_person_across_meetings_and_spellings():
    korolev = index_speakers([MARCH, FEBRUARY])[0]
    # Named as first written, in the oldest meeting.
    assert korolev.name == "Королев Игорь Олегович"
    assert korolev.anchor == "speaker-korolev-igor-olegovich"
    assert korolev.roles == ("советник главы", "эксперт")
    assert [a.title for a in korolev.appearances] == [
        "Февральское заседание",
        "Мартовское заседание",
    ]
    assert korolev.turn_count == 2


def test_an_appearance_lists_every_turn_with_its_time():
    petrova = index_speakers([MARCH])[1]
    (appearance,) = petrova.appearances
    assert appearance.url == "meetings/mart/"
    assert appearance.role == "глава города Вологды"
    assert appearance.turns == (
        TurnLink("turn-1", 1, "00:00:10"),
        TurnLink("turn-3", 3, None),
    )


def test_no_meetings_no_speakers():
    assert index_speakers([]) == ()
