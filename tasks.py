"""Publishing tasks: `invoke --list` shows them, `invoke --help TASK` explains one."""

import os
import sys
import tempfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from build_speed.settings import cache_beside  # noqa: E402
from chamber.blank import (  # noqa: E402
    KINDS,
    BlankError,
    blank_publication,
    current_plan,
)
from chamber.problems import Problem, warning_text  # noqa: E402
from chamber.russian.dates import format_date, parse_day, site_today  # noqa: E402
from pelicanconf import TIMEZONE  # noqa: E402
from preview.watcher import Preview, run_preview  # noqa: E402
from publishing.deploy import deploy, roll_back  # noqa: E402
from publishing.lock import OutputBusy, output_lock  # noqa: E402
from publishing.manifest import write_manifest  # noqa: E402
from publishing.output import (  # noqa: E402
    PREVIEWED_INTO,
    WRITTEN_INTO,
    OutputRefused,
    check_location,
    checked_output,
)
from publishing.pelican_run import run_pelican  # noqa: E402
from publishing.releases import discard, new_staging, publish_locally  # noqa: E402
from publishing.siteurl import SiteUrlError, configured_site_url  # noqa: E402
from publishing.targets import DirectoryTarget, TargetError, parse_target  # noqa: E402


def site_day() -> date:
    return site_today(TIMEZONE)


def parse_as_of(text: str | None) -> date:
    if not text:
        return site_day()
    try:
        return parse_day(text)
    except ValueError:
        raise Exit(
            f"Дата --as-of «{text}» не распознана. Пишите ГГГГ-ММ-ДД, например 2021-06-30.",
            code=2,
        ) from None


def pelican(content, output, settings, **overrides) -> bool:
    """Run Pelican once in this process; True when it succeeded.

    Each task runs one Pelican build, so its process-wide signals are not shared
    with another build, and the publisher does not wait for a second interpreter.
    """
    if not Path(content).is_dir():
        raise Exit(f"Папка с материалами «{content}» не найдена.", code=2)
    return run_pelican(Path(content), Path(output), Path(settings), overrides)


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
    web_editor_backend()  # a wrong setting stops the build before it starts
    output_path = guarded_output(output, content)
    if not site_url():
        print(
            "Адрес сайта SITEURL не задан: сайт будет собран с относительными ссылками "
            "для просмотра с диска, без лент и календаря. Для публикации задайте "
            "SITEURL (README, «Публикация»)."
        )
    with locked(output_path):
        build_site(content, output, output_path, as_of_date)


def guarded_output(output: str, content: str) -> Path:
    try:
        return checked_output(output, content, ROOT)
    except OutputRefused as refusal:
        raise Exit(str(refusal), code=2) from None


def guarded_location(folder: str, content: str, consequence: str) -> None:
    try:
        check_location(folder, content, ROOT, consequence)
    except OutputRefused as refusal:
        raise Exit(str(refusal), code=2) from None


def site_url() -> str:
    try:
        return configured_site_url(ROOT, os.environ)
    except SiteUrlError as error:
        raise Exit(str(error), code=2) from None


@contextmanager
def locked(output_path: Path):
    try:
        with output_lock(output_path, say=lambda line: print(line, flush=True)):
            yield
    except OutputBusy as busy:
        raise Exit(str(busy), code=1) from None


def build_site(content, output: str, output_path: Path, as_of_date: date):
    """Build into a fresh release folder and swap it in; returns it and its manifest."""
    staging = new_staging(output_path)
    try:
        succeeded = pelican(
            content,
            staging,
            ROOT / "publishconf.py",
            PLAN_AS_OF=as_of_date,
            BUILD_SPEED_CACHE_PATH=str(cache_beside(output_path)),
        )
    except BaseException:
        discard(staging)
        raise
    if not succeeded:
        discard(staging)
        raise Exit(
            f"Сборка не удалась. Опубликованный сайт в папке {output} не изменён.",
            code=1,
        )
    # After Pelican returns: plugins that run at `finalized` (search) are done.
    add_web_editor(staging, Path(content))
    manifest = write_manifest(staging)
    publish_locally(staging, output_path)
    print(f"Сайт собран в папку {output} (план работы — на {format_date(as_of_date)}).")
    print(f"Хеш сборки (manifest.json): {manifest['hash']}")
    return staging, manifest


@task(help={"content": "папка с материалами (по умолчанию content)"})
def check(c, content="content"):
    """Проверить материалы, ничего не публикуя: те же сообщения, что при сборке."""
    with tempfile.TemporaryDirectory() as scratch:
        succeeded = pelican(
            content, scratch, ROOT / "publishconf.py", CONTENT_MODEL_CHECK_ONLY=True
        )
    if not succeeded:
        raise Exit("В материалах есть ошибки (см. выше).", code=1)


@task(
    help={
        "port": "порт (по умолчанию 8000)",
        "content": "папка с материалами (по умолчанию content)",
        "output": "папка предпросмотра (по умолчанию .preview)",
    }
)
def serve(c, port=8000, content="content", output=".preview"):
    """Предпросмотр на http://localhost:8000 с пересборкой после каждого сохранения."""
    if not Path(content).is_dir():
        raise Exit(f"Папка с материалами «{content}» не найдена.", code=2)
    guarded_location(output, content, PREVIEWED_INTO)
    preview = Preview(
        ROOT,
        Path(content).resolve(),
        Path(output).resolve(),
        ROOT / "pelicanconf.py",
        int(port),
    )
    if run_preview(preview):
        raise Exit(code=1)


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
    today = site_day()
    plan = current_plan(Path(content), today.year)
    try:
        relative, text = blank_publication(section, today, title, month, plan)
    except BlankError as error:
        raise Exit(f"invoke new: {error}", code=2) from None
    path = Path(content) / relative
    if path.exists():
        raise Exit(f"Файл {path} уже есть; откройте и правьте его.", code=2)
    path.write_text(text, encoding="utf-8")
    print(f"Создан черновик {path}. Заполните поля и уберите строку «Status: draft».")
    if plan is None:
        print(
            f"Плана работы на {today.year} год нет, поэтому строки «Plan:» в файле нет."
        )


@task(help={"fast": 'без тестов в браузере Chromium (pytest -m "not browser")'})
def test(c, fast=False):
    """Запустить тесты (все; --fast — без браузерных)."""
    only = ' -m "not browser"' if fast else ""
    c.run(f'"{sys.executable}" -m pytest{only}', pty=False)


@task(
    help={
        "docs": "число документов, можно несколько через запятую: 1000,3000",
        "runs": "сколько раз повторить каждую сборку (по умолчанию 3)",
        "transcript-words": "слов в стенограмме каждого заседания (по умолчанию 10000)",
        "clock": "wall — время по часам (по умолчанию), cpu — процессорное время",
        "chart": "куда записать SVG-график времени и памяти (нужно два размера и больше)",
        "json": "куда записать все замеры в JSON",
    }
)
def bench(
    c, docs="1000", runs=3, transcript_words=10_000, clock="wall", chart="", json=""
):
    """Сравнить скорость и память сборки с Pelican без плагинов и Hugo (docs/performance.md)."""
    from benchmarks.run import main

    argv = ["--docs", docs, "--runs", str(runs)]
    argv += ["--transcript-words", str(transcript_words), "--clock", clock]
    argv += ["--chart", chart] if chart else []
    argv += ["--json", json] if json else []
    main(argv)


@task(
    help={
        "target": "куда: папка, user@host:/путь (rsync по SSH) или s3://корзина/префикс",
        "content": "папка с материалами (по умолчанию content)",
        "output": "папка готового сайта (по умолчанию output)",
        "as-of": "дата, на которую считается выполнение плана, ГГГГ-ММ-ДД (по умолчанию сегодня по Москве)",
    }
)
def publish(c, target, content="content", output="output", as_of=None):
    """Собрать сайт с адресом SITEURL и выложить именно эту сборку в TARGET."""
    where = parsed_target(target)
    if isinstance(where, DirectoryTarget) and not where.host:
        guarded_location(target, content, WRITTEN_INTO)
    as_of_date = parse_as_of(as_of)
    if not site_url():
        raise Exit(
            "invoke publish: не задан адрес сайта SITEURL. Задайте его в переменной "
            "окружения SITEURL или в файле .env (SITEURL=https://…); ничего не опубликовано.",
            code=2,
        )
    output_path = guarded_output(output, content)
    with locked(output_path):
        release, manifest = build_site(content, output, output_path, as_of_date)
        try:
            version = deploy(where, release, manifest)
        except TargetError as error:
            raise Exit(str(error), code=1) from None
    print(f"Опубликовано в {where}. Сейчас на сайте версия {version}.")


@task(help={"target": "та же цель, что у invoke publish"})
def rollback(c, target):
    """Вернуть на сайт предыдущую опубликованную версию одним шагом."""
    where = parsed_target(target)
    try:
        version = roll_back(where)
    except TargetError as error:
        raise Exit(str(error), code=1) from None
    print(f"Откат выполнен в {where}. Сейчас на сайте версия {version}.")


def parsed_target(text: str):
    try:
        return parse_target(text)
    except TargetError as error:
        raise Exit(str(error), code=2) from None


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


@task(
    name="import",
    help={
        "file": "документ Word .docx",
        "kind": "вид публикации: article, digest, document или meeting",
        "transcript": "файл заседания, к которому относится стенограмма: meetings/2021-09-22.md",
        "month": "месяц дайджеста, ГГГГ-ММ (если его нет в заголовке документа)",
        "force": "заменить уже существующие файлы",
        "content": "папка с материалами (по умолчанию content)",
    },
)
def import_word(
    c, file, kind="", transcript="", month="", force=False, content="content"
):
    """Импорт из Word: черновик публикации (--kind) или стенограмма заседания (--transcript)."""
    from word_import.errors import ImportProblem
    from word_import.publication import import_publication, import_transcript

    if bool(kind) == bool(transcript):
        raise Exit(
            "invoke import: укажите либо --kind article|digest|document|meeting, "
            "либо --transcript meetings/ФАЙЛ.md.",
            code=2,
        )
    try:
        if kind:
            report = import_publication(
                Path(file), kind, Path(content), site_day(), month, force
            )
        else:
            report = import_transcript(Path(file), transcript, Path(content), force)
    except ImportProblem as problem:
        raise Exit(f"invoke import: {problem}", code=2) from None
    print("\n".join(report.lines()))


def web_editor_backend():
    from web_editor.site import EditorUnavailable, backend_from_environment

    try:
        return backend_from_environment()
    except EditorUnavailable as error:
        raise Exit(f"Веб-редактор: {error}", code=2) from None


def add_web_editor(site: Path, content: Path, local_url: str = "") -> None:
    """/admin/ goes in after Pelican, so it stays out of the sitemap and feeds."""
    from web_editor.site import EditorUnavailable, editor_config, write_admin

    try:
        write_admin(site, editor_config(content, web_editor_backend(), local_url))
    except EditorUnavailable as note:
        print(warning_text(Problem("", str(note))))


@task(help={"port": "порт предпросмотра (по умолчанию 8000)"})
def edit(c, port=8000):
    """Веб-редактор рабочей копии на http://localhost:8000/admin/, без учётной записи."""
    import subprocess

    server = ROOT / "node_modules" / ".bin" / "decap-server"
    if not server.exists():
        raise Exit(
            "invoke edit: нет decap-server. Установите Node.js и запустите "
            "sh scripts/setup.sh.",
            code=2,
        )
    add_web_editor(ROOT / ".preview", ROOT / "content", "http://localhost:8081/api/v1")
    env = {**os.environ, "PORT": "8081", "MODE": "fs", "GIT_REPO_DIRECTORY": str(ROOT)}
    proxy = subprocess.Popen([str(server)], cwd=ROOT, env=env)
    print(f"Редактор: http://localhost:{port}/admin/ (сохраняет файлы в content/).")
    try:
        serve(c, port)
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)
