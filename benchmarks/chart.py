"""A small SVG chart of build time and memory against the number of documents.

Drawn by hand with ElementTree: two panels, a line each for the project and
bare Pelican, no plotting library to install. The same results give the same
bytes.
"""

import xml.etree.ElementTree as ET

SERIES = (
    ("project", "invoke build", "#1565c0"),
    ("pelican", "Pelican без плагинов", "#757575"),
)
PANEL_WIDTH, PANEL_HEIGHT = 300, 200
MARGIN_LEFT, MARGIN_TOP, MARGIN_BOTTOM, GAP = 56, 40, 44, 40
TICKS = 4


def svg(points: list[tuple[int, dict, dict]], time_title: str = "Время, с") -> str:
    """`points`: (documents, cold-build cell per tool, peak MiB per tool), by size."""
    points = sorted(points, key=lambda point: point[0])
    # Room on the right for the last size's label.
    width = MARGIN_LEFT * 2 + PANEL_WIDTH * 2 + GAP + 24
    height = MARGIN_TOP + PANEL_HEIGHT + MARGIN_BOTTOM + 24
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "aria-labelledby": "chart-title",
            "font-family": "sans-serif",
            "font-size": "12",
        },
    )
    ET.SubElement(root, "title", {"id": "chart-title"}).text = (
        "Сборка с нуля смешанного корпуса: время и пик памяти в зависимости "
        "от числа документов"
    )
    ET.SubElement(
        root, "rect", {"width": str(width), "height": str(height), "fill": "#fff"}
    )
    docs = [point[0] for point in points]
    times = {
        tool: [point[1][tool]["median"] for point in points] for tool, *_ in SERIES
    }
    peaks = {tool: [point[2][tool] for point in points] for tool, *_ in SERIES}
    _panel(root, MARGIN_LEFT, time_title, docs, times)
    _panel(root, MARGIN_LEFT * 2 + PANEL_WIDTH + GAP, "Пик памяти, МиБ", docs, peaks)
    legend_y = height - 10
    for index, (_, label, colour) in enumerate(SERIES):
        x = MARGIN_LEFT + index * 220
        ET.SubElement(
            root,
            "line",
            {"x1": str(x), "y1": str(legend_y - 4), "x2": str(x + 24),
             "y2": str(legend_y - 4), "stroke": colour, "stroke-width": "3"},
        )  # fmt: skip
        ET.SubElement(root, "text", {"x": str(x + 30), "y": str(legend_y)}).text = label
    ET.indent(root)
    return ET.tostring(root, encoding="unicode") + "\n"


def _panel(root, left: int, title: str, docs: list[int], series: dict) -> None:
    top, bottom = MARGIN_TOP, MARGIN_TOP + PANEL_HEIGHT
    top_value = _nice(max(max(values) for values in series.values()))
    first, last = min(docs), max(docs)

    def x(value: float) -> float:
        return left + (value - first) / ((last - first) or 1) * PANEL_WIDTH

    def y(value: float) -> float:
        return bottom - value / top_value * PANEL_HEIGHT

    ET.SubElement(
        root, "text", {"x": str(left), "y": str(top - 16), "font-weight": "bold"}
    ).text = title
    axes = ET.SubElement(root, "g", {"stroke": "#000", "stroke-opacity": "0.3"})
    for step in range(TICKS + 1):
        value = top_value * step / TICKS
        ET.SubElement(
            axes,
            "line",
            {
                "x1": str(left),
                "y1": _n(y(value)),
                "x2": str(left + PANEL_WIDTH),
                "y2": _n(y(value)),
            },
        )
        ET.SubElement(
            root,
            "text",
            {"x": str(left - 6), "y": _n(y(value) + 4), "text-anchor": "end"},
        ).text = _label(value)
    for value in docs:
        ET.SubElement(
            root,
            "text",
            {"x": _n(x(value)), "y": str(bottom + 16), "text-anchor": "middle"},
        ).text = f"{value:,}".replace(",", "\u00a0")
    ET.SubElement(
        root,
        "text",
        {
            "x": _n(left + PANEL_WIDTH / 2),
            "y": str(bottom + 32),
            "text-anchor": "middle",
        },
    ).text = "документов"
    for tool, label, colour in SERIES:
        values = series[tool]
        ET.SubElement(
            root,
            "polyline",
            {
                "points": " ".join(
                    f"{_n(x(d))},{_n(y(v))}" for d, v in zip(docs, values, strict=True)
                ),
                "fill": "none",
                "stroke": colour,
                "stroke-width": "2",
            },
        )
        for d, v in zip(docs, values, strict=True):
            mark = ET.SubElement(
                root,
                "circle",
                {"cx": _n(x(d)), "cy": _n(y(v)), "r": "3", "fill": colour},
            )
            ET.SubElement(
                mark, "title"
            ).text = f"{label}: {_label(v)} при {d} документах"


def _nice(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at or above `value`: round axis steps."""
    scale = 1.0
    while scale * 10 < value:
        scale *= 10
    while scale > value * 10:
        scale /= 10
    for factor in (1, 2, 5, 10):
        if factor * scale >= value:
            return factor * scale
    return 10 * scale


def _label(value: float) -> str:
    text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    return text.removesuffix(".0").replace(".", ",")


def _n(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
