"""Where the time of one `invoke build` goes, by library and plugin.

Run: `.venv/bin/python -m benchmarks.profile --docs 1000`. Builds the project's
form of the mixed corpus once under cProfile and sums each function's own time
by where its code lives. Time in built-in functions (regular expressions, I/O)
goes to whoever called them, so that a plugin's regex passes count as the
plugin's. With `--rebuild` the profiled build is the one after one word of one
article changed (the cold build before it is not profiled). `--clock cpu` times
by the process's CPU time, which load elsewhere on the machine hardly changes;
by the wall clock (the default) the seconds stretch on a busy machine.
"""

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from . import corpus

ROOT = corpus.ROOT
# (part of a code file's path, its category), first match wins.
PLACES = (
    ("/markdown/", "Markdown"),
    ("/jinja2/", "Jinja и шаблоны"),
    (str(ROOT / "theme"), "Jinja и шаблоны"),
    ("<template>", "Jinja и шаблоны"),
    ("/pelican/", "ядро Pelican"),
    ("/feedgen/", "feedgen и lxml"),
    ("/lxml/", "feedgen и lxml"),
    ("/bs4/", "BeautifulSoup"),
    ("/invoke/", "invoke"),
)
OTHER = "прочее: стандартная библиотека, импорт модулей"
WATCHED = ("get_url_setting", "convert", "_get_summary", "get_summary")
# The stages of a build, by the function that runs each (file ending, name),
# timed with everything they call.
STAGES = (
    ("pelican/__init__.py", "run", "Pelican целиком"),
    ("build_speed/__init__.py", "convert_ahead", "Markdown заранее (build_speed)"),
    (
        "pelican/generators.py",
        "generate_context",
        "чтение материалов (generate_context)",
    ),
    ("pelican/generators.py", "generate_output", "запись страниц (generate_output)"),
    ("cities/__init__.py", "generate_output", "запись: города"),
    ("site_pages/__init__.py", "generate_output", "запись: служебные страницы"),
    ("plan/generator.py", "generate_output", "запись: план"),
    ("meetings/generator.py", "generate_output", "запись: заседания"),
    ("feeds/generator.py", "generate_output", "запись: ленты"),
    ("pelican/writers.py", "write_file", "Writer.write_file"),
    ("jinja2/environment.py", "render", "Jinja: render"),
    ("images/__init__.py", "write_variants", "finalized: картинки"),
    ("minify_theme/__init__.py", "minify_theme", "finalized: minify_theme"),
    ("server_headers/__init__.py", "write_headers", "finalized: server_headers"),
    ("discovery/__init__.py", "write_sitemap", "finalized: sitemap"),
    ("search/__init__.py", "build_index", "finalized: Pagefind"),
    ("links/__init__.py", "check_links", "finalized: проверка ссылок"),
    ("build_speed/__init__.py", "save_conversions", "finalized: кэш build_speed"),
    ("publishing/manifest.py", "write_manifest", "manifest.json"),
    ("tasks.py", "add_web_editor", "веб-редактор /admin/"),
    ("publishing/releases.py", "publish_locally", "замена опубликованной папки"),
)
# cProfile under a chosen clock, around `python -m invoke ARGS`.
PROFILED = """
import cProfile, runpy, sys, time
clock = {"wall": time.perf_counter, "cpu": time.process_time}[sys.argv[2]]
profile, sys.argv = sys.argv[1], ["invoke", *sys.argv[3:]]
profiler = cProfile.Profile(clock)
profiler.enable()
try:
    runpy.run_module("invoke", run_name="__main__")
except SystemExit as stop:
    if stop.code not in (0, None):
        raise
finally:
    profiler.disable()
    profiler.dump_stats(profile)
"""


def category(filename: str) -> str:
    plugins = f"{ROOT / 'plugins'}/"
    if filename.startswith(plugins):
        return f"плагин {filename.removeprefix(plugins).split('/')[0]}"
    return next((name for part, name in PLACES if part in filename), OTHER)


def summarise(stats: pstats.Stats) -> tuple[Counter, float]:
    """Own time per category, built-ins charged to their callers."""
    totals: Counter = Counter()
    for (filename, _, _), (_, _, own, _, callers) in stats.stats.items():
        if filename != "~":
            totals[category(filename)] += own
            continue
        charged = 0.0
        for (caller_file, _, _), edge in callers.items():
            if caller_file != "~":
                totals[category(caller_file)] += edge[2]
                charged += edge[2]
        totals[OTHER] += max(own - charged, 0.0)
    return totals, sum(totals.values())


def report(
    stats: pstats.Stats, docs: int, rebuild: bool = False, clock: str = "wall"
) -> str:
    totals, whole = summarise(stats)
    build = "пересборки после правки одного слова" if rebuild else "сборки с нуля"
    timed = (
        "процессорное время главного процесса"
        if clock == "cpu"
        else "по часам, поэтому на занятой машине верны прежде всего доли"
    )
    lines = [
        f"Профиль одной {build} `invoke build`, {docs} документов "
        f"(смешанный корпус), cProfile; собственное время функций ({timed}):",
        "",
        "| Где | Время | Доля |",
        "|---|---|---|",
    ]
    for name, seconds in totals.most_common():
        lines.append(
            f"| {name} | {_comma(seconds, 2)} с | {_comma(seconds / whole * 100, 1)} % |"
        )
    lines += ["", "Этапы (время с вложенными вызовами):", ""]
    for ending, function, label in STAGES:
        cumulative = sum(
            row[3]
            for (filename, _, name), row in stats.stats.items()
            if name == function and filename.endswith(ending)
        )
        if cumulative:
            lines.append(f"- {label}: {_comma(cumulative, 2)} с")
    lines += ["", "Больше всего собственного времени:", ""]
    ranked = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)
    for (filename, line, function), (_, calls, own, _, _) in ranked[:15]:
        place = _short(filename, line)
        lines.append(f"- {function} ({place}): {_comma(own, 2)} с, вызовов: {calls}")
    lines += ["", "Число вызовов:", ""]
    for (filename, line, function), (_, calls, _, cumulative, _) in stats.stats.items():
        if function in WATCHED and filename != "~":
            lines.append(
                f"- {function} ({_short(filename, line)}): {calls}, "
                f"всего с вложенными {_comma(cumulative, 2)} с"
            )
    return "\n".join(lines) + "\n"


def _short(filename: str, line: int) -> str:
    for marker in ("site-packages/", f"{ROOT}/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}"


def _comma(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--transcript-words", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument("--save", help="куда сохранить профиль (файл pstats)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="profile-") as scratch:
        scratch = Path(scratch)
        docs = corpus.documents(args.docs, transcript_words=args.transcript_words)
        corpus.write_project(docs, scratch / "content")
        profile = scratch / "build.prof"
        arguments = [
            "build", "--content", str(scratch / "content"),
            "--output", str(scratch / "output"), "--as-of", "2021-12-31",
        ]  # fmt: skip
        # Every feature on, feeds included, as the benchmark builds.
        env = {**os.environ, "SITEURL": "https://palata.example.ru"}
        profiled = [sys.executable, "-c", PROFILED, str(profile), args.clock]
        if args.rebuild:
            # Run the same way as the profiled build: the cache key covers the
            # settings, and a build started otherwise may not share its cache.
            subprocess.run(
                [*profiled, *arguments],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
            )
            edited = corpus.edited_file("project", scratch / "content", docs)
            corpus.change_one_word(edited, 0)
        subprocess.run(
            [*profiled, *arguments], cwd=ROOT, env=env, check=True, capture_output=True
        )
        if args.save:
            shutil.copyfile(profile, args.save)
        print(report(pstats.Stats(str(profile)), args.docs, args.rebuild, args.clock))


if __name__ == "__main__":
    main()
