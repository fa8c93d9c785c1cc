"""`invoke serve`: a local preview that rebuilds after every burst of saves.

Pelican's own `--autoreload` creates its watcher anew after each build, so a
save made during a rebuild is lost, and it does not watch the rules
(`chamber/`), the plugins, the theme or the settings. Here one watcher
(watchfiles) stays open for the whole session: changes made while a build runs
are collected and give the next one. Each rebuild is a fresh Pelican process,
since Pelican's signals and the plugins' modules live for the whole process and
would keep old plugin code. A build that passed waits for the next edit: if it
touches publications alone, that process writes their own pages at once
(`build_process`), and the rebuild does the rest.
"""

import contextlib
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from chamber.build_report import PAGES_WRITTEN
from preview.build_process import FAILED, READY, SHOWN

# A burst of saves (an editor writing several files, a save through a temporary
# file) is one rebuild once this long has passed with no new change. The
# watcher looks once a step, so an edit waits one to two steps before its page
# is written: short, for the page to show within a second.
QUIET_MS = 200
WAKE_MS = 500
# A waiting build told to end has nothing left to do but exit; one stopped by
# Ctrl+C stops its search index first. Longer than that, it is killed.
WAIT_TO_END = 10


@dataclass(frozen=True)
class Preview:
    root: Path  # the project: settings, plugins, theme
    content: Path
    output: Path
    settings: Path
    port: int

    @property
    def watched(self) -> list[Path]:
        return [
            self.content,
            self.root / "chamber",
            self.root / "plugins",
            self.root / "theme",
            self.settings,
        ]

    @property
    def address(self) -> str:
        return f"http://localhost:{self.port}/"


def build_command(preview: Preview) -> list[str]:
    return [
        sys.executable,
        "-m",
        "preview.build_process",
        str(preview.content),
        "-o",
        str(preview.output),
        "-s",
        str(preview.settings),
        "--log-handler",
        "plain",
    ]


class WaitingBuild:
    """The process of a build that passed, holding what it read until the next
    edit (`build_process`)."""

    def __init__(self, process: subprocess.Popen):
        self.process = process

    def show(self, paths: list[str], say: Callable[[str], None]) -> list[str]:
        """The addresses of the edited publications' pages written anew, if it
        could write them alone; then the process ends. The rebuild reports the
        editor's problems again, so only a failure of this step is said."""
        try:
            self.process.stdin.write(json.dumps(paths) + "\n")
            self.process.stdin.flush()
            for line in self.process.stdout:
                if line.startswith(FAILED):
                    say(
                        "Правку не удалось показать сразу (ошибка предпросмотра: "
                        f"{line[len(FAILED) :].strip()}); её покажет пересборка."
                    )
                if line.startswith(SHOWN):
                    return json.loads(line[len(SHOWN) :])
        except (OSError, ValueError):
            pass  # it ended: the full build shows the edit
        finally:
            self.close()
        return []

    def close(self) -> None:
        _end(self.process)


def _end(process: subprocess.Popen) -> None:
    """Wait for a build told to end (its input closed, or Ctrl+C), killed if
    it has not ended in WAIT_TO_END seconds."""
    with contextlib.suppress(OSError):
        process.stdin.close()
    try:
        process.wait(timeout=WAIT_TO_END)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    process.stdout.close()


def start_build(command: list[str], cwd: Path) -> subprocess.Popen:
    """A build process that is told edits on its input and whose messages are
    read line by line as it prints them, not when it ends."""
    return subprocess.Popen(
        command,
        cwd=cwd,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def rebuild(preview: Preview, say: Callable[[str], None]) -> WaitingBuild | None:
    """One build in its own process; its messages passed on as they come. The
    pages are shown once all are written, before the search index and the link
    check are done. A build that passed waits for the next edit."""
    started = time.monotonic()
    shown = False
    build = start_build(build_command(preview), preview.root)
    waiting = None
    try:
        for line in build.stdout:
            if line.startswith(READY):
                waiting = WaitingBuild(build)
                break
            if line.strip():
                say(line.rstrip("\n"))
            if line.startswith(PAGES_WRITTEN):
                shown = True
                say(
                    f"Страницы обновлены за {_seconds_since(started)} с: "
                    f"{preview.address} — поиск и проверка ссылок ещё идут…"
                )
    finally:
        # Also on Ctrl+C, which the build gets too: no process is left behind.
        if waiting is None:
            _end(build)
    if waiting is not None or build.returncode == 0:
        say(f"Готово за {_seconds_since(started)} с: {preview.address}")
        return waiting
    shown_now = (
        "новые страницы, но поиск по ним может не работать"
        if shown
        else "прежняя версия"
    )
    say(
        f"Сборка не удалась (см. выше); в предпросмотре — {shown_now}. "
        f"{_seconds_since(started)} с."
    )
    return None


def show_at_once(
    waiting: WaitingBuild, changes, preview: Preview, say: Callable[[str], None]
) -> None:
    """The edited publications' own pages, written by the last build's process
    before the full rebuild starts."""
    started = time.monotonic()
    if any(change == watchfiles.Change.deleted for change, _path in changes):
        waiting.close()
        return
    shown = waiting.show(sorted({path for _change, path in changes}), say)
    if shown:
        pages = ", ".join(preview.address + url for url in shown)
        say(
            f"Правка показана за {_seconds_since(started)} с: {pages} — списки, "
            "ленты и поиск обновятся после пересборки."
        )


def _seconds_since(started: float) -> str:
    return f"{time.monotonic() - started:.1f}".replace(".", ",")


def describe_changes(changes: Iterable[tuple[object, str]], preview: Preview) -> str:
    """«content/articles/a.md, theme/templates/base.html»: what was saved."""
    names = sorted({_shown(Path(path), preview) for _change, path in changes})
    shown = ", ".join(names[:5])
    return shown + (f" и ещё {len(names) - 5}" if len(names) > 5 else "")


def _shown(path: Path, preview: Preview) -> str:
    """A path as the editor knows it: from the project, or from the content
    folder's parent when the content lives elsewhere."""
    for base in (preview.root, preview.content.parent):
        if path.resolve().is_relative_to(base.resolve()):
            return path.resolve().relative_to(base.resolve()).as_posix()
    return str(path)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """No English request log in the editor's terminal."""

    def log_message(self, *args):
        pass


def start_server(preview: Preview) -> http.server.ThreadingHTTPServer:
    """Serve the output folder on this computer only."""
    handler = functools.partial(_QuietHandler, directory=str(preview.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", preview.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_preview(
    preview: Preview,
    say: Callable[[str], None] = print,
    stop: threading.Event | None = None,
) -> int:
    """Build, serve, rebuild on every change until Ctrl+C (or ``stop``)."""
    preview.output.mkdir(parents=True, exist_ok=True)
    try:
        server = start_server(preview)
    except OSError:
        say(
            f"Предпросмотр не запустился: порт {preview.port} занят. Закройте другой "
            "предпросмотр или укажите другой порт: invoke serve --port 8001."
        )
        return 1
    try:
        say("Собираю предпросмотр…")
        built_once = False
        waiting: WaitingBuild | None = None
        # The watcher opens before the first build, so that nothing saved while
        # it runs is missed; it then answers every half second with no changes
        # (`yield_on_timeout`), the first time to start that build.
        for changes in watchfiles.watch(
            *preview.watched,
            step=QUIET_MS,
            rust_timeout=WAKE_MS,
            yield_on_timeout=True,
            stop_event=stop,
            raise_interrupt=False,
        ):
            if changes:
                say(f"Изменено: {describe_changes(changes, preview)}. Пересобираю…")
                if waiting is not None:
                    show_at_once(waiting, changes, preview, say)
                    waiting = None
            elif built_once:
                continue
            waiting = rebuild(preview, say)
            if not built_once:
                built_once = True
                say(
                    f"Предпросмотр: {preview.address} — пересобирается после каждого "
                    "сохранения. Остановить: Ctrl+C."
                )
    finally:
        if waiting is not None:
            waiting.close()
        server.shutdown()
        server.server_close()
    say("Предпросмотр остановлен.")
    return 0
