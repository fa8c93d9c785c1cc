"""Publishing tasks: `invoke --list` shows them, `invoke --help TASK` explains one."""

import json
import shutil
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from content_model.blank import KINDS, BlankError, blank_publication  # noqa: E402
from russian.dates import format_date  # noqa: E402

MOSCOW = ZoneInfo("Europe/Moscow")


def today_in_moscow() -> date:
    return datetime.now(MOSCOW).date()


def parse_as_of(text: str | None) -> date:
    if not text:
        return today_in_moscow()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Exit(
            f"Дата --as-of «{text}» не распознана. Пишите ГГГГ-ММ-ДД, например 2021-06-30.",
            code=2,
        ) from None


def pelican(content, output, settings, *options, **overrides) -> bool:
    """Run Pelican once in this process; True when it succeeded.

    Each task runs one Pelican build, so its process-wide signals are not shared
    with another build, and the publisher does not wait for a second interpreter.
    """
    from pelican import main as pelican_main

    if not Path(content).is_dir():
        raise Exit(f"Папка с материалами «{content}» не найдена.", code=2)
    # The plain log handler prints one line per problem, which editors can read.
    argv = [str(content), "-o", str(output), "-s", str(settings)]
    argv += ["--log-handler", "plain", *map(str, options)]
    if overrides:
        argv += ["-e", *(f"{k}={json.dumps(v)}" for k, v in overrides.items())]
    try:
        pelican_main(argv)
    except SystemExit as stop:
        return stop.code in (0, None)
    return True


def replace_output(staging: Path, output: Path) -> None:
    """Put the new site in place of the old one, keeping the old one until it is."""
    previous = output.with_name(f".{output.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)


@task(
    help={
        "content": "папка с материалами (по умолчанию content)",
        "output": "папка готового сайта (по умолчанию output)",
        "as-of": "дата, на которую считается выполнение плана, ГГГГ-ММ-ДД (по умолчанию сегодня по Москве)",
    }
)
def build(c, content="content", output="output", as_of=None):
    """Собрать сайт для публикации. При ошибках прежний сайт в output не меняется."""
    as_of_date = parse_as_of(as_of)
    output_path = Path(output).resolve()
    staging = output_path.with_name(f".{output_path.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    succeeded = pelican(
        content, staging, ROOT / "publishconf.py", PLAN_AS_OF=as_of_date.isoformat()
    )
    if not succeeded:
        shutil.rmtree(staging, ignore_errors=True)
        raise Exit(
            f"Сборка не удалась. Опубликованный сайт в папке {output} не изменён.",
            code=1,
        )
    replace_output(staging, output_path)
    print(f"Сайт собран в папку {output} (план работы — на {format_date(as_of_date)}).")


@task(help={"content": "папка с материалами (по умолчанию content)"})
def check(c, content="content"):
    """Проверить материалы, ничего не публикуя: те же сообщения, что при сборке."""
    with tempfile.TemporaryDirectory() as scratch:
        succeeded = pelican(
            content, scratch, ROOT / "publishconf.py", CONTENT_MODEL_CHECK_ONLY=True
        )
    if not succeeded:
        raise Exit("В материалах есть ошибки (см. выше).", code=1)


@task(help={"port": "порт (по умолчанию 8000)"})
def serve(c, port=8000):
    """Предпросмотр на http://localhost:8000 с пересборкой при каждом изменении."""
    if not pelican(
        "content",
        ".preview",
        "pelicanconf.py",
        "--autoreload",
        "--listen",
        "--port",
        port,
    ):
        raise Exit(f"Предпросмотр не запустился (порт {port} занят?).", code=1)


@task(
    help={
        "kind": "вид публикации: " + ", ".join(KINDS),
        "title": "заголовок (для статьи, заседания, документа)",
        "month": "месяц дайджеста, ГГГГ-ММ",
        "content": "папка с материалами (по умолчанию content)",
    }
)
def new(c, kind, title="", month="", content="content"):
    """Создать файл новой публикации (черновик) с нужными полями."""
    # Editors think in the singular: `invoke new article`.
    section = kind if kind.endswith("s") else f"{kind}s"
    try:
        relative, text = blank_publication(section, today_in_moscow(), title, month)
    except BlankError as error:
        raise Exit(f"invoke new: {error}", code=2) from None
    path = Path(content) / relative
    if path.exists():
        raise Exit(f"Файл {path} уже есть; откройте и правьте его.", code=2)
    path.write_text(text, encoding="utf-8")
    print(f"Создан черновик {path}. Заполните поля и уберите строку «Status: draft».")


@task
def test(c):
    """Запустить тесты."""
    c.run(f'"{sys.executable}" -m pytest', pty=False)


@task(help={"scale": "размер корпуса (5 ≈ 320 файлов)", "runs": "число запусков"})
def bench(c, scale=5, runs=5):
    """Сравнить время сборки с Pelican без плагинов на одном и том же корпусе."""
    c.run(
        f'"{sys.executable}" benchmarks/build_time.py --scale {scale} --runs {runs}',
        pty=False,
    )


@task
def hooks(c):
    """Включить проверку материалов перед каждым коммитом (pre-commit)."""
    with c.cd(str(ROOT)):
        installed = c.run(
            f'"{sys.executable}" -m pre_commit install', warn=True, hide=True, pty=False
        )
    if installed.failed:
        raise Exit(
            "Проверка перед коммитом не включена: папка проекта должна быть "
            "git-репозиторием (git clone), а в настройках git не должно быть "
            "core.hooksPath. Ответ pre-commit:\n"
            + (installed.stdout + installed.stderr).strip(),
            code=1,
        )
    print(
        "Проверка перед коммитом включена: коммит с изменениями в content/ пройдёт, "
        "только если invoke check не нашла ошибок."
    )
