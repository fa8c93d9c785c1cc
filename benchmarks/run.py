"""Build speed and memory: this project against bare Pelican and Hugo.

Run: `.venv/bin/invoke bench --docs 1000` (or `python -m benchmarks.run`).
For every corpus size, the same seeded documents (`benchmarks.corpus`) are
written in three forms, twice: a mixed corpus (5% meetings with long
transcripts) and one without meetings. Each form is built cold (no output
folder, no cache), then rebuilt after one word of one article changes. The runs
are interleaved, so that a burst of load elsewhere on the machine hits every
tool alike; the table gives medians, the spread, and the ratios of each run's
pair (project ÷ bare Pelican), medianed. Peak memory is each build process's
maximum resident set, with the processes it waited for. The preview is timed
as an editor sees it: `invoke serve`'s own loop runs on the mixed corpus, and
each edit is timed from the file's save until its page shows it («Правка
показана»), until every page is written anew («Страницы обновлены») and until
the loop's «Готово».
"""

import argparse
import json
import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import chart, corpus

ROOT = corpus.ROOT
TOOLS = ("project", "pelican", "hugo")
TOOL_NAMES = {
    "project": "invoke build",
    "pelican": "Pelican 4.12 без плагинов",
    "hugo": "Hugo",
}
CORPORA = {"mixed": "смешанный корпус", "plain": "без заседаний"}
BARE_SETTINGS = """\
PATH = {content!r}
SITENAME = "Палата городов-центров"
SITEURL = "https://palata.example.ru"
TIMEZONE = "Europe/Moscow"
DEFAULT_LANG = "ru"
PLUGINS = []
ARTICLE_TRANSLATION_ID = None
ARTICLE_URL = "{{category}}/{{slug}}/"
ARTICLE_SAVE_AS = "{{category}}/{{slug}}/index.html"
DEFAULT_PAGINATION = 20
FEED_DOMAIN = SITEURL
# Its own content cache: what bare Pelican offers for a rebuild.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
"""
# Every feature on, as the publisher builds: feeds and the calendar need the
# site's address (bare Pelican gets the same one above).
PROJECT_SITEURL = "https://palata.example.ru"
PREVIEW_ROWS = {
    "shown": "предпросмотр: от сохранения правки до её показа, по часам, смешанный корпус",
    "written": "предпросмотр: до записи всех страниц, по часам, смешанный корпус",
    "done": "предпросмотр: до «Готово» (с поиском и ссылками), по часам, смешанный корпус",
}
# The preview's edits are numbered after the rebuilds'.
PREVIEW_EDITS = 1000
PREVIEW_TIMEOUT = 30 * 60
CLOCKS = {"wall": "Время по часам", "cpu": "Процессорное время (user + system)"}
NO_HUGO = (
    "Hugo не найден: столбец Hugo пропущен. Установите его "
    "(apt-get install hugo), чтобы сравнить и с ним."
)


@dataclass(frozen=True)
class Measure:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mib: float


@dataclass
class Pages:
    """What the project's cold build of the mixed corpus wrote."""

    largest_kib: float
    largest_path: str
    plan_kib: float
    speakers_kib: float


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    if args.from_json:
        results = _saved(args.from_json, args.clock, args.transcript_words)
    else:
        results = _measured(args)
    sizes = [result["docs"] for result in results]
    if args.chart:
        if len(sizes) < 2:
            sys.exit(
                "Для графика нужно хотя бы два размера: --docs 1000,3000 "
                "или несколько файлов в --from-json."
            )
        chart_points = [
            (r["docs"], r["cold"]["mixed"], r["peak"]["mixed"]) for r in results
        ]
        time_title = f"{CLOCKS[args.clock].split(' (')[0]}, с"
        Path(args.chart).write_text(
            chart.svg(chart_points, time_title), encoding="utf-8"
        )
        print(f"График: {args.chart}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8"
        )


def _measured(args) -> list[dict]:
    hugo = shutil.which("hugo")
    tools = TOOLS if hugo else TOOLS[:2]
    if not hugo:
        print(NO_HUGO)
    results = []
    for size in _sizes(args.docs):
        result = measure_size(size, tools, args.runs, args.transcript_words, args.clock)
        results.append(result)
        print(table(result, tools, args.runs, args.transcript_words, args.clock))
    return results


def _saved(files: list[str], clock: str, transcript_words: int) -> list[dict]:
    """Sizes measured at other times, a file each, in one set of tables and one
    chart; their times read again by `clock` from the runs they keep."""
    results = sorted(
        (
            resummarised(result, clock)
            for saved in files
            for result in json.loads(Path(saved).read_text(encoding="utf-8"))
        ),
        key=lambda result: result["docs"],
    )
    for result in results:
        runs = result["raw"]["cold"]["mixed"]
        print(table(result, tuple(runs), len(runs["project"]), transcript_words, clock))
    return results


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", default="1000", help="документов: 1000 или 1000,3000")
    parser.add_argument("--runs", type=int, default=3, help="запусков каждой сборки")
    parser.add_argument(
        "--transcript-words",
        type=int,
        default=10_000,
        help="слов в стенограмме каждого заседания",
    )
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="wall — время по часам (по умолчанию), cpu — процессорное время",
    )
    parser.add_argument("--chart", help="куда записать SVG-график (нужно ≥ 2 размеров)")
    parser.add_argument("--json", help="куда записать результаты в JSON")
    parser.add_argument(
        "--from-json",
        nargs="+",
        metavar="ФАЙЛ",
        help="не замерять, а взять результаты прежних замеров (файлы --json): "
        "таблицы и график по ним, время — по --clock",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.transcript_words < 1:
        parser.error("--runs и --transcript-words — положительные числа.")
    return args


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        sys.exit(
            f"--docs «{text}»: нужны целые числа через запятую, например 1000,3000."
        )
    if any(size < 1 for size in sizes):
        sys.exit("--docs: число документов должно быть больше нуля.")
    return sizes


def measure_size(
    size: int, tools, runs: int, transcript_words: int, clock: str = "wall"
) -> dict:
    """Cold builds and one-file rebuilds of both corpora at one size."""
    cold = {corpus_key: {tool: [] for tool in tools} for corpus_key in CORPORA}
    rebuild = {corpus_key: {tool: [] for tool in tools} for corpus_key in CORPORA}
    pages, meetings = None, 0
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        scratch = Path(scratch)
        for corpus_key in CORPORA:
            docs = corpus.documents(
                size, meetings=corpus_key == "mixed", transcript_words=transcript_words
            )
            place = scratch / corpus_key
            for tool in tools:
                corpus.FORMS[tool](docs, place / tool / "source")
            for run in range(runs):
                for tool in tools:
                    _clear(place / tool)
                    cold[corpus_key][tool].append(_build(tool, place / tool))
                for tool in tools:
                    edited = corpus.edited_file(tool, place / tool / "source", docs)
                    corpus.change_one_word(edited, run)
                    rebuild[corpus_key][tool].append(_build(tool, place / tool))
            if corpus_key == "mixed":
                pages = _pages(place / "project" / "output")
                meetings = sum(1 for doc in docs if doc.transcript is not None)
                source = place / "project" / "source"
                edited = corpus.edited_file("project", source, docs)
                # Other words than the rebuilds': every edit changes the page.
                preview = preview_edits(source, place / "preview", edited, runs)
    return {
        "docs": size,
        "meetings": meetings,
        "clock": clock,
        "cold": _summary(cold, clock),
        "rebuild": _summary(rebuild, clock),
        "preview": {
            moment: _spread([edit[moment] for edit in preview])
            for moment in PREVIEW_ROWS
        },
        "peak": {
            corpus_key: {
                tool: statistics.median(m.peak_mib for m in measures)
                for tool, measures in by_tool.items()
            }
            for corpus_key, by_tool in cold.items()
        },
        "raw": {
            "cold": _raw(cold),
            "rebuild": _raw(rebuild),
            "preview": preview,
        },
        "pages": asdict(pages),
    }


def preview_edits(
    source: Path, output: Path, edited: Path, edits: int
) -> list[dict[str, float]]:
    """Seconds from saving each edit of `edited` until the preview shows it
    («Правка показана», the page checked for the edit), until the rebuild has
    written every page («Страницы обновлены») and until its «Готово» (the
    search index and the link check done too), in one session of `invoke
    serve`'s loop (watcher, pause, rebuild) after its first build."""
    from preview.watcher import Preview, run_preview

    said: queue.Queue[str] = queue.Queue()
    stop = threading.Event()
    preview = Preview(ROOT, source, output, ROOT / "pelicanconf.py", _free_port())
    session = threading.Thread(target=run_preview, args=(preview, said.put, stop))
    session.start()
    try:
        _wait_for(said, "Предпросмотр: ")
        seconds = []
        for edit in range(edits):
            saved = time.perf_counter()
            corpus.change_one_word(edited, PREVIEW_EDITS + edit)
            _wait_for(said, "Правка показана за ")
            shown = time.perf_counter() - saved
            # Shown only if the page has the edit by then.
            if not _shows(output / "articles", f" правка{PREVIEW_EDITS + edit}."):
                sys.exit(f"Предпросмотр показал страницу без правки {edited}.")
            _wait_for(said, "Страницы обновлены за ")
            written = time.perf_counter() - saved
            _wait_for(said, "Готово за ")
            done = time.perf_counter() - saved
            seconds.append({"shown": shown, "written": written, "done": done})
        return seconds
    finally:
        stop.set()
        session.join()


def _wait_for(said: queue.Queue, start: str) -> None:
    while True:
        try:
            line = said.get(timeout=PREVIEW_TIMEOUT)
        except queue.Empty:
            sys.exit(f"Предпросмотр не ответил за {PREVIEW_TIMEOUT // 60} мин.")
        if line.startswith("Сборка не удалась"):
            sys.exit(f"Предпросмотр не собрал сайт: {line}")
        if line.startswith(start):
            return


def _shows(folder: Path, words: str) -> bool:
    return any(
        words in page.read_text(encoding="utf-8")
        for page in folder.glob("*/index.html")
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _spread(values: list[float]) -> dict:
    median = statistics.median(values)
    return {"median": median, "spread": (max(values) - min(values)) / median}


def _clear(place: Path) -> None:
    # .cache: the project's own (build_speed), beside its output.
    for folder in ("output", "cache", "resources", ".cache"):
        shutil.rmtree(place / folder, ignore_errors=True)


def _build(tool: str, place: Path) -> Measure:
    source, output = place / "source", place / "output"
    if tool == "project":
        command = [
            sys.executable, "-m", "invoke", "build", "--content", str(source),
            "--output", str(output), "--as-of", "2021-12-31",
        ]  # fmt: skip
    elif tool == "pelican":
        settings = place / "bare.py"
        settings.write_text(
            BARE_SETTINGS.format(content=str(source), cache=str(place / "cache")),
            encoding="utf-8",
        )
        command = [
            sys.executable, "-m", "pelican", str(source), "-o", str(output),
            "-s", str(settings), "--log-handler", "plain",
        ]  # fmt: skip
    else:
        command = [
            "hugo", "--source", str(source), "--destination", str(output),
            "--cacheDir", str(place / "cache"), "--quiet",
        ]  # fmt: skip
    env = {**os.environ, "SITEURL": PROJECT_SITEURL} if tool == "project" else None
    return run_measured(command, cwd=ROOT, env=env)


def run_measured(command: list[str], cwd: Path, env: dict | None = None) -> Measure:
    """Wall and CPU time and peak memory of one process (and what it waited for)."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log)
        # wait4, not RUSAGE_CHILDREN: the peak of this process, not of the
        # largest child so far.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            sys.exit(
                f"Сборка не удалась: {' '.join(command)}\n"
                + log.read().decode("utf-8", "replace")
            )
    # ru_maxrss is in KiB on Linux.
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _summary(measures: dict, clock: str) -> dict:
    """Per corpus and tool: the median time and the spread, as fractions."""
    summary = {}
    for corpus_key, by_tool in measures.items():
        walls = {
            tool: [getattr(m, clock) for m in values]
            for tool, values in by_tool.items()
        }
        summary[corpus_key] = {tool: _spread(values) for tool, values in walls.items()}
        # Paired: each run's project build against the bare build next to it.
        summary[corpus_key]["ratio"] = statistics.median(
            project / bare
            for project, bare in zip(walls["project"], walls["pelican"], strict=True)
        )
    return summary


def resummarised(result: dict, clock: str) -> dict:
    """A saved result with its medians and ratios taken again by `clock`, from
    the runs it keeps (`raw`): a wall-clock run read by CPU time, say."""
    measures = {
        stage: {
            corpus_key: {
                tool: [Measure(**m) for m in runs] for tool, runs in by.items()
            }
            for corpus_key, by in result["raw"][stage].items()
        }
        for stage in ("cold", "rebuild")
    }
    return {
        **result,
        "clock": clock,
        "cold": _summary(measures["cold"], clock),
        "rebuild": _summary(measures["rebuild"], clock),
    }


def _raw(measures: dict) -> dict:
    return {
        corpus_key: {tool: [asdict(m) for m in values] for tool, values in by.items()}
        for corpus_key, by in measures.items()
    }


def _pages(output: Path) -> Pages:
    sizes = {
        path.relative_to(output).as_posix(): path.stat().st_size
        for path in output.rglob("*.html")
    }
    largest = max(sizes, key=sizes.get)

    def kib(relative: str) -> float:
        return sizes.get(relative, 0) / 1024

    return Pages(
        kib(largest), largest, kib("plan/2021/index.html"), kib("speakers/index.html")
    )


def table(
    result: dict, tools, runs: int, transcript_words: int, clock: str = "wall"
) -> str:
    """The result for one size as a Markdown table, Russian, figures with commas."""
    hugo = "hugo" in tools
    head = "| | invoke build | Pelican без плагинов | отношение |"
    head += " Hugo |" if hugo else ""
    rule = "|---|---|---|---|" + ("---|" if hugo else "")
    lines = [
        f"Корпус: документов {result['docs']}, из них заседаний со стенограммами "
        f"по {_int(transcript_words)} слов: {result['meetings']}. "
        f"{CLOCKS[clock]}, медиана запусков: {runs}; ± — половина размаха (макс − мин) "
        "в процентах медианы; отношение — медиана отношений в парах запусков.",
        "",
        head,
        rule,
    ]
    for kind, label in (
        ("cold", "сборка с нуля"),
        ("rebuild", "пересборка после правки одного слова"),
    ):
        for corpus_key, corpus_label in CORPORA.items():
            row = result[kind][corpus_key]
            cells = [f"{label}, {corpus_label}"]
            cells += [_seconds(row[tool]) for tool in ("project", "pelican")]
            cells.append(_ratio(row["ratio"]))
            if hugo:
                cells.append(_seconds(row["hugo"]))
            lines.append("| " + " | ".join(cells) + " |")
    # Results saved before a moment of the preview was measured lack its row.
    for moment, label in PREVIEW_ROWS.items():
        if moment not in result.get("preview", {}):
            continue
        cells = [label, _seconds(result["preview"][moment]), "—", "—"]
        lines.append("| " + " | ".join(cells + ["—"] * hugo) + " |")
    for corpus_key, corpus_label in CORPORA.items():
        peak = result["peak"][corpus_key]
        cells = [f"пик памяти, {corpus_label}"]
        cells += [_mib(peak["project"]), _mib(peak["pelican"])]
        cells.append(_ratio(peak["project"] / peak["pelican"]))
        if hugo:
            cells.append(_mib(peak["hugo"]))
        lines.append("| " + " | ".join(cells) + " |")
    pages = result["pages"]
    lines += [
        "",
        f"Самая большая HTML-страница сайта: {_kib(pages['largest_kib'])} "
        f"({pages['largest_path']}); страница плана plan/2021/: "
        f"{_kib(pages['plan_kib'])}; speakers/: {_kib(pages['speakers_kib'])}.",
        "",
    ]
    return "\n".join(lines)


def _seconds(cell: dict) -> str:
    return f"{_comma(cell['median'], 2)} с ±{cell['spread'] * 50:.0f} %"


def _ratio(value: float) -> str:
    return f"{_comma(value, 2)}×"


def _mib(value: float) -> str:
    return f"{_comma(value, 0)} МиБ"


def _kib(value: float) -> str:
    return f"{_comma(value, 1)} КиБ"


def _comma(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def _int(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


if __name__ == "__main__":
    main()
