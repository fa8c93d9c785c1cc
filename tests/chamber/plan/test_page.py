from dataclasses import replace
from datetime import date, timedelta

import pytest

from chamber.plan.model import Section, load_plan
from chamber.plan.page import (
    LinksOnPage,
    PlanPage,
    StatusCount,
    current_page,
    item_links,
    item_lists_on_page,
    item_pages,
    item_view,
    latest_links,
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


ITEM_URL = "plan/{year}/items/{number}/"
ITEM_SAVE_AS = "plan/{year}/items/{number}/index.html"


def item(report, number):
    return next(s for s in report.items if s.item.number == number)


def view_of(item_status, siteurl=SITEURL, shown=None):
    """The item's view on its own page (`shown` None) or on the plan page."""
    url = ITEM_URL.format(year=2021, number=item_status.item.number)
    return item_view(item_status, siteurl, url, shown)


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
    sections = sections_with_items(report, SITEURL, ITEM_URL, 5)
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
    assert [
        view.section.number
        for view in sections_with_items(report, SITEURL, ITEM_URL, 5)
    ] == [
        1,
        2,
        3,
        4,
    ]


def test_monthly_item_shows_one_cell_a_month():
    digests = [digest("2021-01", date(2021, 2, 5)), digest("2021-03", date(2021, 4, 2))]
    report = compute_report(PLAN_2021, digests, date(2021, 4, 20))
    view = view_of(item(report, 15), SITEURL)
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
    view = view_of(item(report, 13), SITEURL)
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
    view = view_of(item(report, 15), SITEURL)
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
    assert view_of(one_period, SITEURL).progress_text == "0 из 21\u00a0дайджеста"


def test_one_off_item_has_no_progress_and_splits_its_result_into_paragraphs():
    report = compute_report(PLAN_2021, [], date(2021, 7, 20))
    view = view_of(item(report, 4), SITEURL)
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
    shown = view_of(item(report, 1), siteurl)
    assert [(e.link.title, e.external) for e in shown.evidence.links] == [
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


def article(day: int, number: int = 13) -> Publication:
    """An article of 2021 with a city, referencing item `number`; the `day`-th of the year."""
    on = date(2021, 1, 1) + timedelta(days=day)
    return Publication(
        title=f"Статья {day:03}",
        url=f"{SITEURL}/articles/{day:03}/",
        date=on,
        section="articles",
        plan_refs=(f"2021-{number}",),
        published=True,
        city="Казань",
    )


def item_13_with_eight_articles():
    # Written in no particular order: the report sorts them by date.
    articles = [article(day) for day in (200, 10, 300, 40, 100, 250, 70, 150)]
    return item(compute_report(PLAN_2021, articles, date(2021, 12, 31)), 13)


def test_the_plan_page_shows_the_latest_links_and_counts_them_all():
    shown = view_of(item_13_with_eight_articles(), shown=5)
    assert shown.evidence.total == 8
    assert [e.link.title for e in shown.evidence.links] == [
        "Статья 100",
        "Статья 150",
        "Статья 200",
        "Статья 250",
        "Статья 300",
    ]
    assert shown.evidence.more_text == "Все 8\u00a0подтверждений пункта 13"
    assert shown.url == "plan/2021/items/13/"
    assert not shown.full


def test_the_item_page_shows_every_link_in_date_order():
    full = view_of(item_13_with_eight_articles())
    assert full.full
    assert [e.link.title for e in full.evidence.links] == [
        f"Статья {day:03}" for day in (10, 40, 70, 100, 150, 200, 250, 300)
    ]
    assert (full.evidence.total, full.evidence.more_text) == (8, None)


def test_related_links_are_cut_the_same_way():
    # Item 5 takes documents: articles referencing it are related, not evidence.
    articles = [article(day, number=5) for day in range(1, 8)]
    report = compute_report(PLAN_2021, articles, date(2021, 12, 31))
    shown = view_of(item(report, 5), shown=3)
    assert shown.evidence.total == 0
    assert [e.link.title for e in shown.related.links] == [
        "Статья 005",
        "Статья 006",
        "Статья 007",
    ]
    assert shown.related.more_text == "Все 7\u00a0связанных публикаций пункта 5"


@pytest.mark.parametrize(
    ("count", "evidence", "related"),
    [
        (21, "Все 21\u00a0подтверждение", "Все 21\u00a0связанная публикация"),
        (22, "Все 22\u00a0подтверждения", "Все 22\u00a0связанные публикации"),
        (25, "Все 25\u00a0подтверждений", "Все 25\u00a0связанных публикаций"),
    ],
)
def test_the_link_to_all_of_them_agrees_with_the_number(count, evidence, related):
    report = compute_report(
        PLAN_2021, [article(day) for day in range(count)], date(2021, 12, 31)
    )
    links = view_of(item(report, 13)).evidence.links
    evidence_forms = ("подтверждение", "подтверждения", "подтверждений")
    related_forms = (
        "связанная публикация",
        "связанные публикации",
        "связанных публикаций",
    )
    assert (
        latest_links(links, 5, evidence_forms, 13).more_text == f"{evidence} пункта 13"
    )
    assert latest_links(links, 5, related_forms, 13).more_text == f"{related} пункта 13"


def test_a_list_that_fits_is_shown_whole_with_no_link():
    report = compute_report(
        PLAN_2021, [article(day) for day in range(5)], date(2021, 12, 31)
    )
    shown = view_of(item(report, 13), shown=5)
    assert len(shown.evidence.links) == shown.evidence.total == 5
    assert shown.evidence.more_text is None


def test_a_long_list_of_gaps_is_cut_on_both_pages_and_counted():
    status = item_13_with_eight_articles()
    many = tuple(f"Статья {n:03}: не указан город" for n in range(30))
    status = replace(status, missing=status.missing + many)
    on_plan, own = view_of(status, shown=5), view_of(status)
    gaps = own.gaps
    assert gaps[-30:] == many
    assert on_plan.gaps_on_page == gaps[:5]
    assert on_plan.more_gaps_text == f"И ещё {len(gaps) - 5}\u00a0замечаний"
    assert own.gaps_on_page == gaps[:20]
    assert own.more_gaps_text == f"И ещё {len(gaps) - 20}\u00a0замечаний"


def test_a_short_list_of_gaps_is_shown_whole():
    status = item_13_with_eight_articles()
    status = replace(status, missing=("Статья 001: не указан город",))
    on_plan = view_of(status, shown=5)
    assert on_plan.gaps_on_page == on_plan.gaps == ("Статья 001: не указан город",)
    assert on_plan.more_gaps_text is None


def test_the_plan_page_items_lead_to_their_pages():
    report = compute_report(PLAN_2021, [], date(2021, 1, 1))
    views = [
        v for s in sections_with_items(report, SITEURL, ITEM_URL, 5) for v in s.items
    ]
    assert [v.url for v in views] == [f"plan/2021/items/{n}/" for n in range(1, 16)]
    assert not any(v.full for v in views)


def test_every_item_has_a_page_of_its_own():
    articles = [article(day) for day in range(8)]
    report = compute_report(PLAN_2021, articles, date(2021, 12, 31))
    pages = item_pages(report, SITEURL, ITEM_URL, ITEM_SAVE_AS)
    assert [page.url for page in pages] == [
        f"plan/2021/items/{n}/" for n in range(1, 16)
    ]
    assert pages[12].save_as == "plan/2021/items/13/index.html"
    assert [page.section.number for page in pages] == [1] * 4 + [2] * 5 + [3] * 3 + [
        4
    ] * 3
    assert all(page.view.full for page in pages)
    assert len(pages[12].view.evidence.links) == 8
    assert pages[12].links == item_links(pages[12].view)
    assert len(pages[12].links) == 8


def document(day: int) -> Publication:
    """A document of 2021 referencing item 5, which documents confirm."""
    return replace(article(day, number=5), section="documents", city=None)


def item_5_with_two_documents_and_three_articles():
    # Written in no particular order: the report sorts them by date.
    publications = [document(30), article(50, 5), article(20, 5), document(10)]
    publications.append(article(40, 5))
    report = compute_report(PLAN_2021, publications, date(2021, 12, 31))
    return view_of(item(report, 5))


def test_an_items_lines_are_its_evidence_then_its_related_each_by_its_place():
    lines = item_links(item_5_with_two_documents_and_three_articles())
    assert [
        (line.list_name, line.place, line.total, line.shown.link.title)
        for line in lines
    ] == [
        ("evidence", 1, 2, "Статья 010"),
        ("evidence", 2, 2, "Статья 030"),
        ("related", 1, 3, "Статья 020"),
        ("related", 2, 3, "Статья 040"),
        ("related", 3, 3, "Статья 050"),
    ]


def test_a_page_of_lines_shows_the_part_of_each_list_it_holds():
    lines = item_links(item_5_with_two_documents_and_three_articles())
    evidence, related = item_lists_on_page(lines[1:3])
    assert (evidence.list_name, evidence.first, evidence.total) == ("evidence", 2, 2)
    assert [view.link.title for view in evidence.links] == ["Статья 030"]
    assert (related.list_name, related.first, related.total) == ("related", 1, 3)
    assert [view.link.title for view in related.links] == ["Статья 020"]
    (rest,) = item_lists_on_page(lines[3:])
    assert (rest.list_name, rest.first, len(rest.links)) == ("related", 2, 2)
    assert item_lists_on_page(()) == ()


def test_a_cut_list_says_which_of_its_links_the_page_holds():
    shown = view_of(item_13_with_eight_articles()).evidence.links
    assert LinksOnPage("evidence", shown, 1, 8).range_text is None
    assert LinksOnPage("evidence", shown[:5], 1, 8).range_text == "1\u20135 из 8"
    assert LinksOnPage("evidence", shown[5:], 6, 8).range_text == "6\u20138 из 8"
    assert LinksOnPage("evidence", shown[7:], 8, 8).range_text == "8 из 8"


@pytest.mark.parametrize(
    ("evidence", "related", "text"),
    [
        (2, 3, "2\u00a0подтверждения и 3\u00a0связанные публикации"),
        (21, 0, "21\u00a0подтверждение"),
        (0, 5, "5\u00a0связанных публикаций"),
        (0, 0, None),
    ],
)
def test_the_items_pages_count_both_lists(evidence, related, text):
    publications = [document(day) for day in range(evidence)]
    publications += [article(day, number=5) for day in range(100, 100 + related)]
    report = compute_report(PLAN_2021, publications, date(2021, 12, 31))
    assert view_of(item(report, 5)).links_text == text
