from dataclasses import replace
from datetime import date

import pytest
from lxml import etree

from chamber.plan.model import load_plan
from chamber.plan.status import Publication, compute_report
from chamber.plan.timeline import render_timeline_svg
from texts import INAUGURAL_MEETING, SAMPLE_PLAN_2021

NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def report():
    return compute_report(
        load_plan(SAMPLE_PLAN_2021), [INAUGURAL_MEETING], date(2021, 4, 1)
    )


@pytest.fixture(scope="module")
def svg(report):
    return etree.fromstring(render_timeline_svg(report).encode())


def test_svg_is_labelled_image(svg):
    assert svg.get("role") == "img"
    assert (
        svg.get("aria-labelledby") == "plan-2021-timeline-title plan-2021-timeline-desc"
    )
    assert svg.findtext("svg:title", namespaces=NS) == (
        "Ход выполнения плана работы на 2021 год по состоянию на 1 апреля 2021 г."
    )


def test_description_names_the_items_of_each_status(svg):
    # Every row once, grouped in the order of the statuses; none is left out.
    assert svg.findtext("svg:desc", namespaces=NS) == (
        "Выполнено: пункты 1, 6; в работе: пункты 4, 9, 13, 14; "
        "просрочено: пункты 2, 3, 5, 7, 8, 15; запланировано: пункты 10, 11, 12."
    )


def test_a_status_with_one_item_says_so_and_an_empty_one_is_left_out(report):
    only_item_1 = replace(INAUGURAL_MEETING, plan_refs=("2021-1",))
    later = compute_report(report.plan, [only_item_1], date(2022, 2, 1))
    svg = etree.fromstring(render_timeline_svg(later).encode())
    desc = svg.findtext("svg:desc", namespaces=NS)
    assert (
        desc
        == "Выполнено: пункт 1; просрочено: пункты "
        + ", ".join(str(number) for number in range(2, 16))
        + "."
    )
    assert "в работе" not in desc and "запланировано" not in desc


def test_ids_are_prefixed_with_the_year(svg):
    ids = svg.xpath("//@id")
    assert ids == ["plan-2021-timeline-title", "plan-2021-timeline-desc"]


def test_svg_has_no_script_or_external_reference(report):
    text = render_timeline_svg(report)
    assert "<script" not in text
    assert "href" not in text


def test_twelve_russian_month_labels(svg):
    labels = svg.xpath("//svg:text[@class='month-label']/text()", namespaces=NS)
    assert labels[:4] == ["янв.", "февр.", "март", "апр."]
    assert len(labels) == 12


def test_one_row_per_item_with_status_class_and_text(svg):
    rows = svg.xpath("//svg:g[contains(@class, 'row')]", namespaces=NS)
    assert len(rows) == 15
    row_1 = rows[0]
    assert row_1.get("class") == "row status-done"
    assert row_1.findtext("svg:text[@class='item-label']", namespaces=NS) == "1"
    assert row_1.findtext("svg:text[@class='status-label']", namespaces=NS) == (
        "выполнено"
    )
    assert rows[4].get("class") == "row status-overdue"
    assert rows[4].findtext("svg:text[@class='status-label']", namespaces=NS) == (
        "просрочено"
    )


def test_one_off_window_spans_its_months_and_recurring_the_year(svg):
    item_2 = svg.xpath("//svg:g[@data-item='2']/svg:rect", namespaces=NS)[0]
    item_15 = svg.xpath("//svg:g[@data-item='15']/svg:rect", namespaces=NS)[0]
    # Columns are 62 wide after a 44-wide number column: February-March.
    assert (item_2.get("x"), item_2.get("width")) == ("106", "124")
    assert item_2.get("class") == "window window-once"
    assert (item_15.get("x"), item_15.get("width")) == ("44", "744")
    assert item_15.get("class") == "window window-monthly"


def test_status_colours_are_left_to_the_stylesheet(report, svg):
    rects = svg.xpath("//svg:rect", namespaces=NS)
    assert len(rects) == 15
    for rect in rects:
        assert {"fill", "fill-opacity", "rx"}.isdisjoint(rect.attrib), rect.attrib
    assert "#" not in render_timeline_svg(report)


def test_evidence_is_a_mark_at_its_date(svg):
    (mark,) = svg.xpath("//svg:g[@data-item='1']/svg:circle", namespaces=NS)
    # 16 February: the middle of day 16 of 28 in the second column.
    assert mark.get("cx") == "140.3"
    # No tooltip: the title and the date are in the item's list below the picture.
    assert len(mark) == 0
    assert len(svg.xpath("//svg:circle", namespaces=NS)) == 2


def test_many_publications_in_a_month_are_one_mark_at_the_first(report):
    followups = [
        Publication(
            title=f"Заседание номер {day}",
            url=f"https://example.org/meetings/{day}/",
            date=date(2021, 3, day),
            section="meetings",
            plan_refs=("2021-1",),
            published=True,
        )
        for day in (20, 5, 12)
    ]
    plan = load_plan(SAMPLE_PLAN_2021)
    busy = compute_report(plan, [INAUGURAL_MEETING, *followups], date(2021, 4, 1))
    svg = etree.fromstring(render_timeline_svg(busy).encode())
    marks = svg.xpath("//svg:g[@data-item='1']/svg:circle", namespaces=NS)
    # 16 February, then 5 March: the middle of day 5 of 31 in the third column.
    assert [mark.get("cx") for mark in marks] == ["140.3", "177"]


def test_as_of_line_with_label(svg):
    (line,) = svg.xpath("//svg:line[@class='as-of']", namespaces=NS)
    # 1 April: the middle of day 1 of 30 in the fourth column.
    assert line.get("x1") == line.get("x2") == "231"
    assert svg.findtext("svg:text[@class='as-of-label']", namespaces=NS) == (
        "на 1 апреля 2021 г."
    )


def test_as_of_after_the_year_is_drawn_at_its_end(report):
    later = compute_report(report.plan, [], date(2022, 2, 1))
    svg = etree.fromstring(render_timeline_svg(later).encode())
    (line,) = svg.xpath("//svg:line[@class='as-of']", namespaces=NS)
    assert line.get("x1") == "788"
    label = svg.find("svg:text[@class='as-of-label']", namespaces=NS)
    assert (label.text, label.get("text-anchor")) == ("на 1 февраля 2022 г.", "end")


def test_output_is_deterministic(report):
    assert render_timeline_svg(report) == render_timeline_svg(report)
