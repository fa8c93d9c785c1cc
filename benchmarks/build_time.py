"""Build time of the site against bare Pelican on the same generated content.

Run: `.venv/bin/invoke bench` (or `.venv/bin/python benchmarks/build_time.py`).
The target is a ratio of at most 1.25. Both builds run in fresh processes, several
times; the median counts.
"""

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_SETTINGS = """
PATH = {content!r}
TIMEZONE = "Europe/Moscow"
DEFAULT_LANG = "ru"
PLUGINS = []
ARTICLE_PATHS = ["articles", "digests", "meetings", "documents"]
ARTICLE_EXCLUDES = ["meetings/transcripts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["files", "images"]
ARTICLE_TRANSLATION_ID = None
SITEURL = "https://palata.example.ru"
FEED_DOMAIN = SITEURL
"""

INDEX_SITE = """
import sys
from pathlib import Path
sys.path.insert(0, "plugins")
from search.indexing import index_site
index_site(Path(sys.argv[1]))
"""

WORDS = [
    "город",
    "агломерация",
    "развитие",
    "муниципальный",
    "управление",
    "планирование",
    "транспорт",
    "жители",
    "бюджет",
    "программа",
    "региональный",
    "совет",
    "проект",
    "закон",
    "полномочия",
    "органы",
    "взаимодействие",
    "практика",
    "опыт",
    "стратегия",
    "территория",
    "инфраструктура",
]
CITIES = ["Казань", "Тюмень", "Вологда", "Томск", "Самара", "Пермь", "Омск", "Киров"]


def paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def body(rng: random.Random, sections: int) -> str:
    parts = []
    for number in range(sections):
        parts.append(f"## Раздел {number + 1}\n")
        parts += [paragraph(rng, 80) + "\n" for _ in range(4)]
        parts.append("- " + paragraph(rng, 12) + " [Источник](https://example.ru/)\n")
    return "\n".join(parts)


def generate(content: Path, scale: int) -> None:
    rng = random.Random(2021)
    shutil.copytree(ROOT / "content" / "plans", content / "plans")
    for folder in ("articles", "digests", "meetings/transcripts", "documents", "files"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    (content / "files" / "doklad.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 50_000)
    for n in range(40 * scale):
        (content / "articles" / f"a{n}.md").write_text(
            f"Title: Статья номер {n}\nDate: 2021-{n % 12 + 1:02d}-{n % 28 + 1:02d}\n"
            f"Tags: агломерации, тема {n % 7}\nAuthors: Автор {n % 5}\n"
            f"City: {CITIES[n % len(CITIES)]}\nPlan: 2021-13\n\n{body(rng, 4)}",
            encoding="utf-8",
        )
    for n in range(12 * scale):
        year, month = 2021 + n // 12, n % 12 + 1
        (content / "digests" / f"{year}-{month:02d}.md").write_text(
            f"Title: Дайджест {year}-{month:02d}\nMonth: {year}-{month:02d}\n"
            f"Date: {year}-{month:02d}-28\nPlan: 2021-15\n\n{body(rng, 4)}",
            encoding="utf-8",
        )
    for n in range(4 * scale):
        turns = "\n\n".join(
            f"**Выступающий {t % 6}, должность** [{t // 60:02d}:{t % 60:02d}:00]\n"
            + paragraph(rng, 120)
            for t in range(40)
        )
        (content / "meetings" / "transcripts" / f"m{n}.md").write_text(
            "Стенограмма.\n\n" + turns + "\n", encoding="utf-8"
        )
        (content / "meetings" / f"m{n}.md").write_text(
            f"Title: Заседание {n}\nDate: 2021-{n % 12 + 1:02d}-15 10:00\nFormat: ВКС\n"
            "Video: https://rutube.ru/video/0123456789abcdef0123456789abcdef/\n"
            f"Transcript: transcripts/m{n}.md\nPlan: 2021-10\n\n{body(rng, 1)}",
            encoding="utf-8",
        )
    for n in range(4 * scale):
        (content / "documents" / f"d{n}.md").write_text(
            f"Title: Документ {n}\nDate: 2021-{n % 12 + 1:02d}-10\nKind: Доклад\n"
            f"Stage: проект\nAttachments: doklad.pdf\nPlan: 2021-12\n\n{body(rng, 2)}",
            encoding="utf-8",
        )


def timed(command: list[str]) -> float:
    """CPU seconds (user + system) the command used: steadier than wall time on
    a shared machine, and the build is single-threaded anyway."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(
            f"Команда не выполнилась: {' '.join(command)}\n{result.stdout}{result.stderr}"
        )
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--scale", type=int, default=5, help="размер корпуса (5 ≈ 300 файлов)"
    )
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        content = scratch / "content"
        generate(content, args.scale)
        bare_settings = scratch / "bare.py"
        bare_settings.write_text(BARE_SETTINGS.format(content=str(content)))
        pelican = [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "--log-handler",
            "plain",
        ]
        commands = {
            "Pelican без плагинов": [
                *pelican, "-o", str(scratch / "bare"), "-s", str(bare_settings)
            ],
            "Pelican с плагинами сайта": [
                *pelican, "-o", str(scratch / "plugins"), "-s", "publishconf.py",
                "-e", 'PLAN_AS_OF="2021-12-31"',
            ],
            "invoke build (вся сборка)": [
                sys.executable, "-m", "invoke", "build", "--content", str(content),
                "--output", str(scratch / "site"), "--as-of", "2021-12-31",
            ],
            # Part of both builds with plugins: Pagefind again over the site just
            # built (with the start of one Python process).
            "из них указатель поиска": [
                sys.executable, "-c", INDEX_SITE, str(scratch / "site"),
            ],
        }  # fmt: skip
        files = len(list(content.rglob("*.md")))
        times = {name: [] for name in commands}
        # Interleaved, so that a burst of load elsewhere hits every command alike.
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare = medians["Pelican без плагинов"]
    print(f"Корпус: {files} файлов Markdown; медиана из {args.runs} запусков")
    for name, median in medians.items():
        print(f"{name:28} {median:5.2f} с процессорного времени, {median / bare:.2f}×")
    print("Цель: сборка с плагинами — не больше 1,25× Pelican без плагинов.")


if __name__ == "__main__":
    main()
