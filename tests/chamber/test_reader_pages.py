"""The home page's meeting and a document's history, as plain functions."""

from datetime import date, datetime
from types import SimpleNamespace

from chamber.fields import HistoryNote
from chamber.reader_pages import HistoryEntry, document_history, meeting_to_show


def meeting(day):
    return SimpleNamespace(date=datetime.fromisoformat(day))


FEBRUARY, SEPTEMBER = meeting("2021-02-18 10:00"), meeting("2021-09-22 10:00")


def test_the_next_meeting_from_the_as_of_date():
    shown = meeting_to_show([SEPTEMBER, FEBRUARY], date(2021, 6, 30))
    assert (shown.meeting, shown.upcoming) == (SEPTEMBER, True)


def test_a_meeting_on_the_as_of_day_is_still_the_next():
    shown = meeting_to_show([SEPTEMBER, FEBRUARY], date(2021, 9, 22))
    assert (shown.meeting, shown.upcoming) == (SEPTEMBER, True)


def test_the_last_meeting_when_none_is_planned():
    shown = meeting_to_show([FEBRUARY, SEPTEMBER], date(2021, 12, 31))
    assert (shown.meeting, shown.upcoming) == (SEPTEMBER, False)


def test_no_meetings_no_box():
    assert meeting_to_show([], date(2021, 12, 31)) is None


def test_history_from_publication_notes_and_modified():
    notes = (HistoryNote(date(2021, 4, 15), "Направлен городам."),)
    assert document_history(
        datetime(2021, 3, 30), datetime(2021, 6, 10, 12, 0), notes
    ) == [
        HistoryEntry(date(2021, 3, 30), "Опубликован на сайте."),
        HistoryEntry(date(2021, 4, 15), "Направлен городам."),
        HistoryEntry(date(2021, 6, 10), "Документ обновлён."),
    ]


def test_a_note_of_the_modified_day_says_what_changed():
    notes = (HistoryNote(date(2021, 6, 10), "Учтены замечания."),)
    entries = document_history(datetime(2021, 3, 30), datetime(2021, 6, 10), notes)
    assert [entry.text for entry in entries] == [
        "Опубликован на сайте.",
        "Учтены замечания.",
    ]


def test_history_of_a_document_never_changed():
    assert document_history(datetime(2021, 3, 30), None) == [
        HistoryEntry(date(2021, 3, 30), "Опубликован на сайте.")
    ]
