"""The preview rebuilds after every save, including one made during a rebuild."""

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import watchfiles

from preview import watcher
from preview.watcher import Preview, build_command, describe_changes
from sitebuild import ROOT, copy_fixture_site, free_port

WAIT = 90  # seconds: an upper bound on a cold build on a busy machine


def test_changes_are_named_relative_to_the_project(tmp_path):
    preview = Preview(ROOT, ROOT / "content", tmp_path, ROOT / "pelicanconf.py", 1)
    changes = {(1, str(ROOT / "content" / f"a{n}.md")) for n in range(7)}
    assert describe_changes(changes, preview) == (
        "content/a0.md, content/a1.md, content/a2.md, content/a3.md, content/a4.md"
        " и ещё 2"
    )


def test_each_rebuild_is_a_fresh_pelican_process(tmp_path):
    preview = Preview(ROOT, tmp_path / "c", tmp_path / "o", ROOT / "pelicanconf.py", 1)
    assert build_command(preview)[:3] == [sys.executable, "-m", "preview.build_process"]
    assert ROOT / "plugins" in preview.watched
    assert ROOT / "theme" in preview.watched


def said_by_a_build_that(prints: str, fails: bool, tmp_path, monkeypatch):
    """What the preview says of a build standing for Pelican: it prints
    `prints`, then ends, failed or not."""
    script = f"print({prints!r})\nraise SystemExit({int(fails)})"
    monkeypatch.setattr(
        watcher, "build_command", lambda _: [sys.executable, "-c", script]
    )
    preview = Preview(ROOT, tmp_path, tmp_path / "o", ROOT / "pelicanconf.py", 8123)
    said = []
    watcher.rebuild(preview, said.append)
    return said


def test_pages_written_are_shown_before_the_build_ends(tmp_path, monkeypatch):
    said = said_by_a_build_that("Записано страниц: 3.", False, tmp_path, monkeypatch)
    assert said[0] == "Записано страниц: 3."
    assert said[1].startswith("Страницы обновлены за ")
    assert said[1].endswith(
        "http://localhost:8123/ — поиск и проверка ссылок ещё идут…"
    )
    assert said[2].startswith("Готово за ")


@pytest.mark.parametrize(
    ("prints", "shown_now"),
    [
        ("Записано страниц: 3.", "новые страницы, но поиск по ним может не работать"),
        ("Найдено: 1 ошибка в 1 файле.", "прежняя версия"),
    ],
    ids=["after_the_pages", "before_them"],
)
def test_a_failed_build_says_which_pages_the_preview_has(
    prints, shown_now, tmp_path, monkeypatch
):
    said = said_by_a_build_that(prints, True, tmp_path, monkeypatch)
    assert said[-1].startswith(
        f"Сборка не удалась (см. выше); в предпросмотре — {shown_now}. "
    )


def test_the_rules_are_watched_too(tmp_path):
    preview = Preview(ROOT, tmp_path / "c", tmp_path / "o", ROOT / "pelicanconf.py", 1)
    assert ROOT / "chamber" in preview.watched


class Served:
    """`invoke serve` in its own process group, its output read line by line."""

    def __init__(self, content: Path, output: Path, port: int):
        self.port = port
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "invoke",
                "serve",
                "--port",
                str(port),
                "--content",
                str(content),
                "--output",
                str(output),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))

    def wait_for(self, predicate, what: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                self.lines.append(self._queue.get(timeout=0.5))
            if predicate():
                return
        pytest.fail(f"не дождались: {what}\n" + "\n".join(self.lines))

    def page(self, path: str) -> str:
        url = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)


@pytest.fixture
def served(tmp_path):
    content = copy_fixture_site("contract_real_year", tmp_path)
    preview = Served(content, tmp_path / "preview", free_port())
    yield content, preview
    preview.stop()


def test_two_saves_a_fifth_of_a_second_apart_both_show(served):
    content, preview = served
    preview.wait_for(
        lambda: any(line.startswith("Предпросмотр: http") for line in preview.lines),
        "первая сборка",
    )
    assert "Прочитано: 2\u00a0статьи" in "\n".join(preview.lines)
    first = content / "articles" / "2021-03-kazan.md"
    second = content / "articles" / "2021-07-tyumen.md"
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "Текст статьи о том", "Первая правка: текст статьи о том"
        ),
        encoding="utf-8",
    )
    time.sleep(0.2)
    second.write_text(
        second.read_text(encoding="utf-8").replace(
            "Текст статьи со ссылкой", "Вторая правка: текст со ссылкой"
        ),
        encoding="utf-8",
    )

    def both_shown() -> bool:
        kazan = preview.page(
            "articles/kazan-kak-stolitsa-tatarstana-upravlyaet-razvitiem-aglomeratsii/"
        )
        tyumen = preview.page("articles/tyumen-praktiki-munitsipalnogo-upravleniya/")
        return "Первая правка" in kazan and "Вторая правка" in tyumen

    preview.wait_for(both_shown, "обе правки в предпросмотре")
    # The pages are there before the rebuild that wrote them has ended.
    preview.wait_for(
        lambda: "\n".join(preview.lines).count("Готово за ") >= 2, "конец пересборки"
    )
    log = "\n".join(preview.lines)
    assert "contract_real_year/articles/2021-03-kazan.md" in log, log
    assert "contract_real_year/articles/2021-07-tyumen.md" in log, log
    assert "Пересобираю" in log
    # The first edit's page is shown by the waiting build, before the rebuild
    # writes the rest.
    rebuilt = log.index("Пересобираю")
    at_once = log.index("Правка показана за ", rebuilt)
    shown_line = log[at_once:].split("\n", 1)[0]
    assert "/articles/kazan-kak-stolitsa-tatarstana-upravlyaet-razvitiem" in shown_line
    # Each build shows its pages once all are written, before search is done.
    written = log.index("Записано страниц: ", at_once)
    shown = log.index("Страницы обновлены за ", written)
    assert log.index("Готово за ", shown) > shown
    assert "Serving" not in log
    assert "Done" not in log
    preview.stop()
    assert preview.process.returncode is not None


class RecordingBuild:
    """Stands for a waiting build: records what it is asked."""

    def __init__(self, shows: list[str]):
        self.shows, self.asked, self.closed = shows, [], False

    def show(self, paths, _say):
        self.asked.append(paths)
        return self.shows

    def close(self):
        self.closed = True


def test_a_deleted_file_is_left_to_the_rebuild(tmp_path):
    preview = Preview(ROOT, tmp_path, tmp_path / "o", ROOT / "pelicanconf.py", 8123)
    waiting, said = RecordingBuild(["articles/a/"]), []
    changes = {
        (watchfiles.Change.modified, str(tmp_path / "a.md")),
        (watchfiles.Change.deleted, str(tmp_path / "b.md")),
    }
    watcher.show_at_once(waiting, changes, preview, said.append)
    assert (waiting.asked, waiting.closed, said) == ([], True, [])


def test_the_edited_pages_are_named_with_the_preview_address(tmp_path):
    preview = Preview(ROOT, tmp_path, tmp_path / "o", ROOT / "pelicanconf.py", 8123)
    waiting, said = RecordingBuild(["articles/a/", "o-palate/"]), []
    changes = {(watchfiles.Change.modified, str(tmp_path / "a.md"))}
    watcher.show_at_once(waiting, changes, preview, said.append)
    assert waiting.asked == [[str(tmp_path / "a.md")]]
    (line,) = said
    assert line.startswith("Правка показана за ")
    assert line.endswith(
        ": http://localhost:8123/articles/a/, http://localhost:8123/o-palate/ — "
        "списки, ленты и поиск обновятся после пересборки."
    )


def test_a_waiting_build_that_ends_without_an_answer_shows_nothing():
    ended = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.readline()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    build = watcher.WaitingBuild(ended)
    said = []
    assert build.show(["/a.md"], said.append) == []
    assert ended.returncode == 0
    assert said == []


def test_a_waiting_build_whose_step_fails_says_so():
    failing = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; sys.stdin.readline();"
            f"print({watcher.FAILED!r} + 'KeyError: 1');"
            f"print({watcher.SHOWN!r} + '[]')",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    said = []
    assert watcher.WaitingBuild(failing).show(["/a.md"], said.append) == []
    assert said == [
        "Правку не удалось показать сразу (ошибка предпросмотра: KeyError: 1); "
        "её покажет пересборка."
    ]
