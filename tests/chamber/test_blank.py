from datetime import date

import pytest

from chamber.blank import BlankError, blank_publication
from chamber.cities import load_cities
from chamber.fields import FieldContext, check_fields
from chamber.plan.model import load_plans
from chamber.sections import SECTIONS
from sitebuild import ROOT

PLANS = ROOT / "content" / "plans"

TODAY = date(2021, 4, 2)


def header(text):
    return dict(
        line.split(": ", 1)
        for line in text.split("\n\n", 1)[0].splitlines()
        if ": " in line
    )


def test_new_digest_is_named_after_its_month():
    path, text = blank_publication("digests", TODAY, month="2021-03")
    assert path == "digests/2021-03.md"
    fields = header(text)
    assert fields["Month"] == "2021-03"
    assert fields["Status"] == "draft"
    assert "## Нормативные правовые акты" in text


def test_new_meeting_has_its_fields():
    path, text = blank_publication("meetings", TODAY, title="Заседание Палаты")
    assert path == "meetings/2021-04-02-zasedanie-palaty.md"
    assert {"Title", "Date", "Format", "Transcript"} <= header(text).keys()


def test_new_document_has_kind_and_leaves_the_stage_optional():
    _, text = blank_publication("documents", TODAY, title="Доклад")
    assert header(text)["Kind"] == "Материалы"
    assert "Stage: \n" in text


def test_new_meeting_asks_for_its_start_time():
    _, text = blank_publication("meetings", TODAY, title="Заседание")
    fields = {name.lower(): value for name, value in header(text).items()}
    assert fields["date"] == "2021-04-02 ЧЧ:ММ"
    ctx = FieldContext(ROOT, ROOT, load_cities(), load_plans(PLANS)[0])
    assert check_fields(fields, SECTIONS["meetings"], ctx)[1] == [
        (
            "date",
            "вместо «ЧЧ:ММ» укажите время начала по Москве, например 2021-04-02 14:30.",
        )
    ]


@pytest.mark.parametrize(
    ("kind", "reference"),
    [("digests", "2021-15"), ("articles", "2021-13"), ("meetings", "")],
)
def test_new_file_refers_to_the_current_plan_only(kind, reference):
    plan = load_plans(PLANS)[0][2021]
    _, text = blank_publication(kind, TODAY, title="Т", month="2021-03", plan=plan)
    assert f"Plan: {reference}\n" in text


def test_without_a_plan_there_is_no_plan_line():
    _, text = blank_publication("digests", date(2026, 12, 1), month="2026-11")
    assert "Plan:" not in text


@pytest.mark.parametrize(
    ("kind", "kwargs", "message"),
    [
        ("digests", {}, "--month"),
        ("digests", {"month": "2021-4"}, "2021-03"),
        ("digests", {"month": "../../tmp/x"}, "2021-03"),
        ("articles", {}, "--title"),
        ("articles", {"title": "???"}, "--title"),
        ("news", {}, "неизвестный"),
    ],
)
def test_missing_options_are_explained(kind, kwargs, message):
    with pytest.raises(BlankError, match=message):
        blank_publication(kind, TODAY, **kwargs)


@pytest.mark.parametrize("kind", ["articles", "digests", "documents"])
def test_a_new_file_passes_the_checks_as_written(kind, tmp_path):
    plan = load_plans(PLANS)[0][2021]
    _, text = blank_publication(
        kind, TODAY, title="Новая публикация", month="2021-04", plan=plan
    )
    fields = {name.lower(): value for name, value in header(text).items()}
    ctx = FieldContext(tmp_path, tmp_path, load_cities(), load_plans(PLANS)[0])
    assert check_fields(fields, SECTIONS[kind], ctx)[1] == []
