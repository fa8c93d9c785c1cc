"""The plan year at a glance: a static SVG, readable without JavaScript.

The picture is drawn inline in the plan page, whose plan.css is always loaded:
the status colours live there alone (`.status-*` on each row), not here. Without
that stylesheet the windows would fall back to the text colour. The status is
also written out in words at the end of each row.
"""

import calendar
import datetime
import xml.etree.ElementTree as ET

from chamber.plan.status import STATUS_LABELS, STATUSES, ItemStatus, PlanReport
from chamber.russian.dates import format_date, format_month_name

# Sized for the page's full width on a desktop (about 1100 px), where the text
# comes out near the body text's size; plan.css keeps it legible on a phone.
FONT_SIZE = 15
LABEL_WIDTH = 44
MONTH_WIDTH = 62
STATUS_WIDTH = 160
HEADER_HEIGHT = 32
ROW_HEIGHT = 30
FOOTER_HEIGHT = 32
BAR_HEIGHT = 14
EVIDENCE_RADIUS = 5

GRID_LEFT = LABEL_WIDTH
GRID_RIGHT = LABEL_WIDTH + 12 * MONTH_WIDTH


def render_timeline_svg(report: PlanReport) -> str:
    year = report.plan.year
    rows_bottom = HEADER_HEIGHT + ROW_HEIGHT * len(report.items)
    width = GRID_RIGHT + STATUS_WIDTH
    height = rows_bottom + FOOTER_HEIGHT
    id_prefix = f"plan-{year}-timeline"
    as_of_text = format_date(report.as_of)

    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "plan-timeline",
            "role": "img",
            "aria-labelledby": f"{id_prefix}-title {id_prefix}-desc",
            "viewBox": f"0 0 {_number(width)} {_number(height)}",
            "width": _number(width),
            "height": _number(height),
            "fill": "currentColor",
            "font-family": "system-ui, sans-serif",
            "font-size": str(FONT_SIZE),
            # The numbers and the statuses, once for all rows: both end at their x.
            "text-anchor": "end",
        },
    )
    ET.SubElement(
        svg, "title", {"id": f"{id_prefix}-title"}
    ).text = f"Ход выполнения плана работы на {year} год по состоянию на {as_of_text}"
    ET.SubElement(svg, "desc", {"id": f"{id_prefix}-desc"}).text = _description(report)

    # Attributes shared by a kind of mark sit once on its group, not on every mark.
    labels = ET.SubElement(svg, "g", {"class": "labels", "text-anchor": "middle"})
    ET.SubElement(
        labels,
        "text",
        {"class": "column-label", "x": _number(LABEL_WIDTH / 2), "y": "21"},
    ).text = "№"
    rules = []
    for month in range(1, 13):
        left = _number(GRID_LEFT + (month - 1) * MONTH_WIDTH)
        rules.append(f"M{left} {_number(HEADER_HEIGHT)}V{_number(rows_bottom)}")
        ET.SubElement(
            labels,
            "text",
            {
                "class": "month-label",
                "x": _number(GRID_LEFT + (month - 0.5) * MONTH_WIDTH),
                "y": "21",
            },
        ).text = format_month_name(datetime.date(year, month, 1), short=True)
    # One path for the twelve rules: a line element each would weigh four times as much.
    ET.SubElement(
        svg,
        "path",
        {
            "class": "month-rules",
            "d": "".join(rules),
            "stroke": "currentColor",
            "stroke-opacity": "0.2",
        },
    )

    for index, item_status in enumerate(report.items):
        _row(svg, year, item_status, HEADER_HEIGHT + index * ROW_HEIGHT)

    as_of_x = _date_x(year, report.as_of)
    ET.SubElement(
        svg,
        "line",
        {
            "class": "as-of",
            "x1": _number(as_of_x),
            "y1": _number(HEADER_HEIGHT - 4),
            "x2": _number(as_of_x),
            "y2": _number(rows_bottom + 4),
            "stroke": "currentColor",
            "stroke-width": "2",
            "stroke-dasharray": "4 2",
        },
    )
    # Keep the label inside the picture whichever half of the year the line is in.
    anchor = "end" if as_of_x > (GRID_LEFT + GRID_RIGHT) / 2 else "start"
    ET.SubElement(
        svg,
        "text",
        {
            "class": "as-of-label",
            "x": _number(as_of_x),
            "y": _number(height - 10),
            "text-anchor": anchor,
        },
    ).text = f"на {as_of_text}"

    # No indentation: the picture is part of the page and counts towards its weight.
    return ET.tostring(svg, encoding="unicode") + "\n"


def _row(svg: ET.Element, year: int, item_status: ItemStatus, top: float) -> None:
    item = item_status.item
    middle = top + ROW_HEIGHT / 2
    row = ET.SubElement(
        svg,
        "g",
        {"class": f"row status-{item_status.status}", "data-item": str(item.number)},
    )
    ET.SubElement(
        row,
        "text",
        {
            "class": "item-label",
            "x": _number(LABEL_WIDTH / 2 + 8),
            "y": _number(middle + 5),
        },
    ).text = str(item.number)

    first_month, last_month = item.months or (1, 12)
    ET.SubElement(
        row,
        "rect",
        {
            "class": f"window window-{item.schedule}",
            "x": _number(GRID_LEFT + (first_month - 1) * MONTH_WIDTH),
            "y": _number(middle - BAR_HEIGHT / 2),
            "width": _number((last_month - first_month + 1) * MONTH_WIDTH),
            # Kept as an attribute: Safari before 17.4 takes no `height` from CSS.
            "height": _number(BAR_HEIGHT),
        },
    )
    # One dot per month with evidence, at its first publication. The dots have no
    # tooltips: hover-only text reaches neither touch, keyboard nor a screen
    # reader (the picture is one image), and every title and date is in the
    # item's list below the picture.
    months = {}
    for link in item_status.evidence:
        if link.date.year == year:
            months[link.date.month] = min(
                months.get(link.date.month, link.date), link.date
            )
    for first in months.values():
        ET.SubElement(
            row,
            "circle",
            {
                "cx": _number(_date_x(year, first)),
                "cy": _number(middle),
                "r": _number(EVIDENCE_RADIUS),
            },
        )

    ET.SubElement(
        row,
        "text",
        {
            "class": "status-label",
            "x": _number(GRID_RIGHT + STATUS_WIDTH - 8),
            "y": _number(middle + 5),
        },
    ).text = STATUS_LABELS[item_status.status]


def _description(report: PlanReport) -> str:
    """«Выполнено: пункты 1, 2; просрочено: пункт 3.»: the rows grouped by status.

    The same facts as one phrase a row, in a third of the words.
    """
    groups = []
    for status in STATUSES:
        numbers = [
            str(item_status.item.number)
            for item_status in report.items
            if item_status.status == status
        ]
        if numbers:
            noun = "пункт" if len(numbers) == 1 else "пункты"
            groups.append(f"{STATUS_LABELS[status]}: {noun} {', '.join(numbers)}")
    # How to read the picture is its figure's caption on the page.
    text = "; ".join(groups)
    return f"{text[0].upper()}{text[1:]}."


def _date_x(year: int, date: datetime.date) -> float:
    """Horizontal position of a date: the middle of its day, clamped to the year."""
    if date.year < year:
        return GRID_LEFT
    if date.year > year:
        return GRID_RIGHT
    days = calendar.monthrange(year, date.month)[1]
    return GRID_LEFT + MONTH_WIDTH * (date.month - 1 + (date.day - 0.5) / days)


def _number(value: float) -> str:
    # One decimal is finer than a pixel of the picture and never varies by platform.
    return f"{value:.1f}".removesuffix(".0")
