from lxml import etree

from benchmarks.chart import svg

NS = {"svg": "http://www.w3.org/2000/svg"}
POINTS = [
    (3000, {"project": {"median": 30.0}, "pelican": {"median": 25.0}},
     {"project": 400.0, "pelican": 200.0}),
    (1000, {"project": {"median": 10.0}, "pelican": {"median": 9.0}},
     {"project": 180.0, "pelican": 80.0}),
]  # fmt: skip


def test_a_line_per_tool_in_each_panel_through_every_size():
    chart = etree.fromstring(svg(POINTS).encode())
    lines = chart.findall("svg:polyline", NS)
    assert len(lines) == 4
    assert all(len(line.get("points").split()) == 2 for line in lines)
    marks = [title.text for title in chart.findall("svg:circle/svg:title", NS)]
    assert "invoke build: 10 при 1000 документах" in marks
    assert "Pelican без плагинов: 200 при 3000 документах" in marks


def test_sizes_are_drawn_left_to_right_and_larger_values_higher():
    chart = etree.fromstring(svg(POINTS).encode())
    time_line = chart.findall("svg:polyline", NS)[0]
    (x1, y1), (x2, y2) = (
        map(float, point.split(",")) for point in time_line.get("points").split()
    )
    assert x1 < x2
    assert y1 > y2


def test_the_same_results_give_the_same_bytes():
    assert svg(POINTS) == svg(list(reversed(POINTS)))
