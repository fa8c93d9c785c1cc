import json
from datetime import date

import pytest

from chamber.plan.model import load_plan
from chamber.plan.report_json import dumps_report, report_to_dict
from chamber.plan.status import Publication, compute_report
from texts import INAUGURAL_MEETING, SAMPLE_PLAN_2021

JANUARY_DIGEST = Publication(
    title="Дайджест за январь 2021",
    url="https://example.org/digests/2021-01/",
    date=date(2021, 2, 5),
    section="digests",
    plan_refs=("2021-15",),
    published=True,
    month="2021-01",
)


@pytest.fixture(scope="module")
def report():
    return compute_report(
        load_plan(SAMPLE_PLAN_2021),
        [INAUGURAL_MEETING, JANUARY_DIGEST],
        date(2021, 3, 1),
    )


def test_report_shape(report):
    data = report_to_dict(report)
    assert list(data) == ["year", "as_of", "summary", "items"]
    assert data["year"] == 2021
    assert data["as_of"] == "2021-03-01"
    assert data["summary"] == {"done": 2, "in_progress": 7, "overdue": 1, "planned": 5}
    assert [item["number"] for item in data["items"]] == list(range(1, 16))


def test_one_off_item_has_no_progress(report):
    item_1 = report_to_dict(report)["items"][0]
    assert item_1 == {
        "number": 1,
        "section": "Подготовка предложений в проект Основ государственной политики "
        "Российской Федерации в области развития местного самоуправления до 2030 года",
        "title": "Проведение установочного заседания тематической группы "
        "«Стратегическое планирование и развитие городов и городских агломераций»",
        "deadline": "февраль",
        "status": "done",
        "evidence": [
            {
                "title": "Установочное заседание тематической группы",
                "url": "https://example.org/meetings/2021-02-16/",
                "date": "2021-02-16",
            }
        ],
        "related": [],
        "missing": [],
    }


def test_recurring_item_has_progress(report):
    item_15 = report_to_dict(report)["items"][14]
    assert list(item_15) == [
        "number",
        "section",
        "title",
        "deadline",
        "status",
        "progress",
        "evidence",
        "related",
        "missing",
    ]
    assert item_15["progress"] == {"covered": 1, "expected": 1, "total": 12}
    assert item_15["status"] == "in_progress"


def test_dumps_report_is_readable_json_with_trailing_newline(report):
    text = dumps_report(report)
    assert text.endswith("}\n")
    assert "«Стратегическое планирование" in text
    assert text.splitlines()[1] == '  "year": 2021,'
    assert json.loads(text) == report_to_dict(report)


def test_dumps_report_is_deterministic(report):
    again = compute_report(
        load_plan(SAMPLE_PLAN_2021),
        [JANUARY_DIGEST, INAUGURAL_MEETING],
        date(2021, 3, 1),
    )
    assert dumps_report(again) == dumps_report(report)
