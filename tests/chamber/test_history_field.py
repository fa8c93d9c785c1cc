"""The `History` field of a document: dated notes, one per line."""

from datetime import date

import pytest

from chamber.fields import FieldContext, HistoryNote, check_fields
from chamber.sections import SECTIONS


@pytest.fixture
def ctx(tmp_path):
    return FieldContext(content_dir=tmp_path, source_dir=tmp_path, cities={}, plans={})


def document(ctx, history):
    return check_fields(
        {
            "title": "Д",
            "date": "2021-03-30",
            "kind": "Доклад",
            "stage": "проект",
            "history": history,
        },
        SECTIONS["documents"],
        ctx,
    )


def test_notes_are_read_in_date_order_with_or_without_a_dash(ctx):
    values, problems = document(
        ctx, "2021-05-20 — Учтены замечания.\n2021-04-15 Направлен городам."
    )
    assert problems == []
    assert values["history"] == (
        HistoryNote(date(2021, 4, 15), "Направлен городам."),
        HistoryNote(date(2021, 5, 20), "Учтены замечания."),
    )


def test_every_bad_line_is_named(ctx):
    _, problems = document(
        ctx, "15.04.2021 — Направлен.\n2021-02-30 — Нет дня.\n2021-05-20"
    )
    hint = "пишите каждую запись с новой строки так: 2021-04-15 — что изменилось"
    assert [(field, message.split(": ", 1)[0]) for field, message in problems] == [
        ("history", "строка «15.04.2021 — Направлен.»"),
        ("history", "строка «2021-02-30 — Нет дня.»"),
        ("history", "строка «2021-05-20»"),
    ]
    assert all(hint in message for _, message in problems)


def test_only_documents_take_a_history(ctx):
    _, problems = check_fields(
        {"title": "С", "date": "2021-03-30", "history": "2021-04-15 — Текст."},
        SECTIONS["articles"],
        ctx,
    )
    assert [field for field, _ in problems] == ["history"]
