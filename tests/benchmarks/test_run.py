"""The benchmark's runner, run small as a smoke test: its table, never its timings."""

import json
import re
import shutil

import pytest

from benchmarks.run import NO_HUGO, PREVIEW_ROWS
from sitebuild import run_invoke

ROWS = [
    "сборка с нуля, смешанный корпус",
    "сборка с нуля, без заседаний",
    "пересборка после правки одного слова, смешанный корпус",
    "пересборка после правки одного слова, без заседаний",
    *PREVIEW_ROWS.values(),
    "пик памяти, смешанный корпус",
    "пик памяти, без заседаний",
]


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    results = tmp_path_factory.mktemp("bench") / "results.json"
    run = run_invoke("bench", "--docs", "20", "--runs", "1", "--json", str(results))
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout, json.loads(results.read_text(encoding="utf-8"))


def table_rows(output: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in output.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]


def test_the_table_has_every_measurement_for_every_tool(bench):
    output, _ = bench
    header, *rows = table_rows(output)
    tools = ["invoke build", "Pelican без плагинов", "отношение"]
    if shutil.which("hugo"):
        tools.append("Hugo")
    else:
        assert NO_HUGO in output
    assert header == ["", *tools]
    assert [row[0] for row in rows] == ROWS
    for row in rows:
        assert len(row) == len(header), row
    for row in rows:
        if row[0] in PREVIEW_ROWS.values():
            # The preview is this project's alone: a time, and no other tool's.
            assert re.fullmatch(r"\d+,\d\d с ±\d+ %", row[1]), row
            assert set(row[2:]) == {"—"}, row
        else:
            assert row[3].endswith("×"), row


def test_the_corpus_is_described_above_the_table(bench):
    output, _ = bench
    assert output.startswith(
        "Корпус: документов 20, из них заседаний со стенограммами по 10\u00a0000 слов: 1."
    )


def test_no_page_grows_past_its_budget_with_a_long_transcript(bench):
    _, (result,) = bench
    pages = result["pages"]
    # With a 10,000-word transcript the meeting page is the largest.
    assert pages["largest_path"].startswith("meetings/")
    assert pages["largest_kib"] < 400
    assert 0 < pages["plan_kib"] < 60


def test_every_build_was_measured_once(bench):
    _, (result,) = bench
    for kind in ("cold", "rebuild"):
        for corpus in ("mixed", "plain"):
            for measures in result["raw"][kind][corpus].values():
                assert len(measures) == 1
                assert measures[0]["peak_mib"] > 0
    (edit,) = result["raw"]["preview"]
    assert 0 < edit["shown"] < edit["written"] < edit["done"]
    assert result["preview"]["shown"]["median"] == edit["shown"]


def test_saved_results_of_two_sizes_make_one_chart_by_cpu_time(bench, tmp_path):
    from lxml import etree

    from benchmarks.run import main

    _, (result,) = bench
    files = []
    for docs in (20, 40):
        saved = tmp_path / f"{docs}.json"
        saved.write_text(json.dumps([{**result, "docs": docs}]), encoding="utf-8")
        files.append(str(saved))
    chart = tmp_path / "chart.svg"
    main(["--from-json", *reversed(files), "--clock", "cpu", "--chart", str(chart)])
    svg = etree.parse(str(chart))
    ns = {"s": "http://www.w3.org/2000/svg"}
    texts = [t.text for t in svg.iterfind(".//s:text", ns)]
    assert "Процессорное время, с" in texts
    # Each panel's axis names both sizes, in order.
    assert [t for t in texts if t in ("20", "40")] == ["20", "40", "20", "40"]
    marks = [t.text for t in svg.iterfind(".//s:circle/s:title", ns)]
    cpu = result["raw"]["cold"]["mixed"]["project"][0]["cpu"]
    label = f"{cpu:.1f}" if cpu < 10 else f"{cpu:.0f}"
    assert (
        f"invoke build: {label.removesuffix('.0').replace('.', ',')} при 20 документах"
        in marks
    )
