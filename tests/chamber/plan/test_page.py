from dataclasses import replace
from datetime import date

import pytest

from chamber.plan.model import Section, load_plan
from chamber.plan.page import (
    PlanPage,
    StatusCount,
    current_page,
    item_view,
    sections_with_items,
    status_counts,
)
from chamber.plan.status import Publication, compute_report
from texts import FIXTURE_PLANS, SAMPLE_PLAN_2021

SITEURL = "https://palata.example.ru"
PLAN_2021 = load_plan(SAMPLE_PLAN_2021)


def digest(month: str, on: date) -> Publication:
    return Publication(
        title=f"Дайджест {month}",
        url=f"{SITEURL}/digests/{month}/",
        date=on,
        section="digests",
        plan_refs=("2021-15",),
        published=True,
        month=month,
    )


def item(report, number):
    return next(s for s in report.items if s.item.number == number)


def test_counts_follow_the_status_order_with_words_and_symbols():
    summary = {"planned": 4, "overdue": 3, "in_progress": 2, "done": 1}
    assert status_counts(summary) == (
        StatusCount("done", "выполнено", "✓", 1),
        StatusCount("in_progress", "в работе", "◔", 2),
        StatusCount("overdue", "просрочено", "!", 3),
        StatusCount("planned", "запланировано", "○", 4),
    )
    assert len({count.icon for count in status_counts(summary)}) == 4


def test_sections_keep_the_plan_order_and_hold_their_items():
    report = compute_report(PLAN_2021, [], date(2021, 1, 1))
    sections = sections_with_items(report, SITEURL)
    assert [view.section.number for view in sections] == [1, 2, 3, 4]
    assert [[v.item.number for v in s.items] for s in sections] == [
        [1, 2, 3, 4],
        [5, 6, 7, 8, 9],
        [10, 11, 12],
        [13, 14, 15],
    ]


def test_section_without_items_is_left_out():
    plan = replace(PLAN_2021, sections=(*PLAN_2021.sections, Section(5, "Пустой")))
    report = compute_report(plan, [], date(2021, 1, 1))
    assert [view.section.number for view in sections_with_items(report, SITEURL)] == [
        1,
        2,
        3,
        4,
    ]


def test_monthly_item_shows_one_cell_a_month():
    digests = [digest("2021-01", date(2021, 2, 5)), digest("2021-03", date(2021, 4, 2))]
    report = compute_report(PLAN_2021, digests, date(2021, 4, 20))
    view = item_view(item(report, 15), SITEURL)
    assert view.progress_text == "2 из 12\u00a0дайджестов"
    assert view.expected_text == "к дате отчёта ожидалось 3, из них есть 2"
    assert [cell.name for cell in view.cells[:4]] == [
        "январь",
        "февраль",
        "март",
        "апрель",
    ]
    assert [cell.state for cell in view.cells[:4]] == [
        "covered",
        "missed",
        "covered",
        "ahead",
    ]
    assert [cell.state_label for cell in view.cells[:4]] == [
        "есть",
        "нет",
        "есть",
        "ожидается",
    ]
    assert view.cells[0].url == f"{SITEURL}/digests/2021-01/"
    assert view.cells[1].url is None
    assert (view.label, view.icon) == ("просрочено", "!")


def test_quarterly_item_counts_articles_in_quarters():
    report = compute_report(PLAN_2021, [], date(2021, 7, 20))
    view = item_view(item(report, 13), SITEURL)
    assert view.progress_text == "0 из 4\u00a0статей"
    assert view.expected_text == "к дате отчёта ожидалось 2, из них есть 0"
    assert [cell.name for cell in view.cells] == [
        "I квартал",
        "II квартал",
        "III квартал",
        "IV квартал",
    ]
    assert [cell.state for cell in view.cells] == ["missed", "missed", "ahead", "ahead"]


def test_nothing_expected_yet_is_said_in_words():
    report = compute_report(PLAN_2021, [], date(2021, 1, 10))
    view = item_view(item(report, 15), SITEURL)
    assert view.expected_text == "к дате отчёта ещё ничего не ожидалось"


def test_progress_noun_agrees_with_the_total():
    report = compute_report(PLAN_2021, [], date(2021, 7, 20))
    monthly = item(report, 15)
    one_period = replace(
        monthly,
        progress=replace(
            monthly.progress, total=21, periods=monthly.progress.periods[:1]
        ),
    )
    assert item_view(one_period, SITEURL).progress_text == "0 из 21\u00a0дайджеста"


def test_one_off_item_has_no_progress_and_splits_its_result_into_paragraphs():
    report = compute_report(PLAN_2021, [], date(2021, 7, 20))
    view = item_view(item(report, 4), SITEURL)
    assert view.progress_text is view.expected_text is None
    assert view.cells == ()
    assert view.result_paragraphs == (
        "На сайте Конгресса опубликована статья о работе Палаты городов-центров "
        "субъектов Российской Федерации по подготовке предложений в проект Основ "
        "государственной политики Российской Федерации в области развития местного "
        "самоуправления до 2030 года.",
        "В статье содержатся экспертные позиции, интервью членов Палаты.",
    )


@pytest.mark.parametrize("siteurl", [SITEURL, ""])
def test_manual_evidence_is_marked_as_on_another_site(siteurl):
    plan = load_plan(FIXTURE_PLANS / "2022.toml")
    document = Publication(
        title="Законопроект внесен",
        url=f"{siteurl}/documents/vnesen/",
        date=date(2022, 1, 10),
        section="documents",
        plan_refs=("2022-1",),
        published=True,
    )
    report = compute_report(plan, [document], date(2022, 1, 20))
    view = item_view(item(report, 1), siteurl)
    assert [(e.link.title, e.external) for e in view.evidence] == [
        ("Законопроект внесен", False),
        ("Законопроект в системе обеспечения законодательной деятельности", True),
    ]


def page_for(year: int) -> PlanPage:
    plan = replace(PLAN_2021, year=year)
    report = compute_report(plan, [], date(year, 1, 1))
    return PlanPage(report, f"plan/{year}/", "", "", (), (), "")


@pytest.mark.parametrize(
    ("years", "as_of", "expected"),
    [
        ((2021, 2022), date(2022, 3, 1), 2022),
        ((2021, 2022), date(2021, 12, 31), 2021),
        ((2021,), date(2023, 1, 1), 2021),
        ((2021, 2022), date(2020, 6, 1), 2021),
    ],
)
def test_home_page_sums_up_the_current_plan(years, as_of, expected):
    pages = [page_for(year) for year in years]
    assert current_page(reversed(pages), as_of).year == expected


def test_no_plans_no_summary():
    assert current_page([], date(2021, 1, 1)) is None
