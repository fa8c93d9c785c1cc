from datetime import datetime

import pytest

from chamber.meetings.speakers import (
    MeetingTranscript,
    Speaker,
    TurnLink,
    index_speakers,
    meeting_speakers,
    speaker_key,
)
from chamber.transcript import parse_transcript

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


@pytest.mark.parametrize(
    "spelling",
    [
        "Королёв Пётр",
        "Королев Петр",
        "королев петр",
        "  Королёв   Пётр ",
        "КОРОЛЁВ ПЁТР",
    ],
)
def test_one_key_for_every_spelling_of_a_name(spelling):
    assert speaker_key(spelling) == "korolev-petr"


def test_initials_with_or_without_spaces_are_one_name():
    assert speaker_key("Иванов И.И.") == speaker_key("Иванов И. И.") == "ivanov-i-i"


def test_different_people_have_different_keys():
    assert speaker_key("Королёв Пётр") != speaker_key("Королёва Полина")


def test_a_name_of_punctuation_only_still_has_a_key():
    assert speaker_key("***") == "bez-imeni"


SPELLINGS = parse_transcript(
    "**Королёв Пётр, эксперт** [00:00:10]\nДоклад.\n\n"
    "**Иванов И. И.**\nВопрос.\n\n"
    "**Королев Петр**\nОтвет.\n\n"
    "**королев  петр**\nЕщё ответ."
)


def test_a_meeting_page_groups_turns_by_the_same_key():
    assert meeting_speakers(SPELLINGS) == (
        Speaker("Королёв Пётр", "эксперт", 3, "turn-1", "korolev-petr"),
        Speaker("Иванов И. И.", None, 1, "turn-2", "ivanov-i-i"),
    )


def test_the_speakers_page_groups_as_the_meeting_page_does():
    meeting = MeetingTranscript("Заседание", "meetings/z/", MARCH.date, SPELLINGS)
    entries = index_speakers([meeting])
    on_page = meeting_speakers(SPELLINGS)
    assert {entry.key: entry.turn_count for entry in entries} == {
        speaker.key: speaker.turn_count for speaker in on_page
    }


def test_a_meeting_speaker_role_given_on_a_later_turn():
    transcript = parse_transcript("**Иванов**\nА.\n\n**Иванов, глава города**\nБ.")
    (speaker,) = meeting_speakers(transcript)
    assert (speaker.role, speaker.turn_count) == ("глава города", 2)


def test_speakers_are_in_alphabetical_order_with_yo_as_ye():
    names = [entry.name for entry in index_speakers([MARCH, FEBRUARY])]
    assert names == ["Королев Игорь Олегович", "Петрова Анна Сергеевна"]


def test_one_person_across_meetings_and_spellings():
    korolev = index_speakers([MARCH, FEBRUARY])[0]
    # Named as first written, in the oldest meeting.
    assert korolev.name == "Королев Игорь Олегович"
    assert korolev.key == "korolev-igor-olegovich"
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
