"""`invoke serve`: a local preview that rebuilds after every burst of saves.

Pelican's own `--autoreload` creates its watcher anew after each build, so a
save made during a rebuild is lost, and it does not watch the rules
(`chamber/`), the plugins, the theme or the settings. Here one watcher (watchfiles) stays open for the whole
session: changes made while a build runs are collected and give the next one.
Each rebuild is a fresh `pelican` process, since Pelican's signals and the
plugins' modules live for the whole process and would keep old plugin code.
"""

import functools
import http.server
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

# A burst of saves (Ctrl+S twice, an editor writing several files) is one
# rebuild once this long has passed with no new change.
QUIET_MS = 300
WAKE_MS = 500


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
        "pelican",
        str(preview.content),
        "-o",
        str(preview.output),
        "-s",
        str(preview.settings),
        "--log-handler",
        "plain",
    ]


def rebuild(preview: Preview, say: Callable[[str], None]) -> bool:
    """One build in its own process; its messages passed on as they come. The
    pages are shown once all are written, before the search index and the link
    check are done."""
    started = time.monotonic()
    shown = False
    with subprocess.Popen(
        build_command(preview),
        cwd=preview.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        # Line by line as the build prints, not when it ends.
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as build:
        for line in build.stdout:
            if line.strip():
                say(line.rstrip("\n"))
            if line.startswith(PAGES_WRITTEN):
                shown = True
                say(
                    f"Страницы обновлены за {_seconds_since(started)} с: "
                    f"{preview.address} — поиск и проверка ссылок ещё идут…"
                )
    if build.returncode == 0:
        say(f"Готово за {_seconds_since(started)} с: {preview.address}")
        return True
    shown_now = (
        "новые страницы, но поиск по ним может не работать"
        if shown
        else "прежняя версия"
    )
    say(
        f"Сборка не удалась (см. выше); в предпросмотре — {shown_now}. "
        f"{_seconds_since(started)} с."
    )
    return False


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
            elif built_once:
                continue
            rebuild(preview, say)
            if not built_once:
                built_once = True
                say(
                    f"Предпросмотр: {preview.address} — пересобирается после каждого "
                    "сохранения. Остановить: Ctrl+C."
                )
    finally:
        server.shutdown()
        server.server_close()
    say("Предпросмотр остановлен.")
    return 0
