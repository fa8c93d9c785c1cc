"""Building fixture sites the way the publisher does: `invoke build` in a subprocess.

Pelican's signals are global to a process, so every end-to-end build runs in its
own process.
"""

import functools
import hashlib
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITES = Path(__file__).parent / "fixtures" / "sites"
SITEURL = "https://palata.example.ru"


def copy_fixture_site(name: str, destination: Path) -> Path:
    """Copy tests/fixtures/sites/<name>, adding the real work plans if it has none."""
    content = destination / name
    shutil.copytree(FIXTURE_SITES / name, content)
    if not (content / "plans").exists():
        shutil.copytree(ROOT / "content" / "plans", content / "plans")
    return content


def add_articles(content: Path, name: str, count: int, fields) -> None:
    """`count` more articles, `articles/<name>-<n>.md` for n from 1, each with
    the header `fields(n)` and one line of text."""
    for number in range(1, count + 1):
        (content / "articles" / f"{name}-{number}.md").write_text(
            f"{fields(number)}\n\nТекст.\n", encoding="utf-8"
        )


# A topic, an author and a city the fixture sites have.
LONG_LISTS = {
    "section": "articles/page/5/",
    "city": "cities/kazan/page/2/",
    "topic": "tags/aglomeratsii/page/2/",
    "author": "authors/ivanova-mariya-sergeevna/page/2/",
}


def add_long_lists(content: Path) -> None:
    """200 articles of one city, topic and author: a section whose pager has
    gaps, and second pages of that city, topic and author (`LONG_LISTS`)."""
    add_articles(
        content,
        "long-list",
        200,
        lambda n: (
            f"Title: Заметка длинного списка {n}\n"
            f"Date: 2021-{1 + (n - 1) // 28:02d}-{1 + (n - 1) % 28:02d}\n"
            "Tags: Агломерации\nAuthors: Иванова Мария Сергеевна\nCity: Казань"
        ),
    )


def copy_sample_content(destination: Path) -> Path:
    """A throwaway copy of the project's own sample content (`content/`)."""
    content = destination / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def build(
    content: Path, output: Path, as_of: str = "2021-12-31", siteurl: str = SITEURL
) -> "BuiltSite":
    result = run_invoke(
        "build",
        "--content",
        str(content),
        "--output",
        str(output),
        "--as-of",
        as_of,
        siteurl=siteurl,
    )
    return BuiltSite(result, output)


def run_invoke(*args: str, siteurl: str = SITEURL) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITEURL": siteurl, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass
class BuiltSite:
    result: subprocess.CompletedProcess
    output: Path

    @property
    def log(self) -> str:
        return self.result.stdout + self.result.stderr

    def html(self, relative: str) -> BeautifulSoup:
        path = self.output / relative
        if path.is_dir() or relative.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def json(self, relative: str):
        return json.loads((self.output / relative).read_text(encoding="utf-8"))


PUBLISHED_PAGE = "<p>опубликованный сайт</p>"


def build_over_published(content: Path, output: Path) -> tuple["BuiltSite", str]:
    """Build into a folder that already holds a published site; returns the build
    and the digest of what was published, to show it was left untouched."""
    output.mkdir(parents=True, exist_ok=True)
    (output / "index.html").write_text(PUBLISHED_PAGE, encoding="utf-8")
    before = tree_digest(output)
    return build(content, output), before


def built_fixture_site(name: str, folder: Path) -> "BuiltSite":
    """A fixture site built once for a module's assertions; the build must pass."""
    built = build(copy_fixture_site(name, folder), folder / "output")
    assert built.result.returncode == 0, built.log
    return built


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served_fixture_site(name: str, folder: Path, add=lambda content: None):
    """Build a fixture site, with what `add` puts in its content, for a
    localhost address and serve it there."""
    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    content = copy_fixture_site(name, folder)
    add(content)
    built = build(content, folder / "output", siteurl=siteurl)
    assert built.result.returncode == 0, built.log
    handler = functools.partial(QuietHandler, directory=str(built.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield siteurl, built
    finally:
        server.shutdown()


# What a throwaway copy of the project leaves out: the virtualenv (its python is
# used as it is), the npm packages (linked instead: 400 MB the builds only
# read), git's data and anything a build or a test run wrote.
PROJECT_LEFT_OUT = (
    ".venv",
    "node_modules",
    ".git",
    "output",
    ".output-*",
    ".preview",
    ".env",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".cache",
    "*.egg-info",
)
PROJECT_EXCLUDES = shutil.ignore_patterns(*PROJECT_LEFT_OUT)


def copy_project(destination: Path) -> Path:
    """A copy of the repository for tests whose tasks might write next to it."""
    project = destination / "project"
    shutil.copytree(ROOT, project, ignore=PROJECT_EXCLUDES, symlinks=True)
    packages = ROOT / "node_modules"
    if packages.is_dir():  # the web editor's files, which a build copies
        (project / "node_modules").symlink_to(packages, target_is_directory=True)
    return project


def invoke_env(**variables: str | None) -> dict:
    """This environment without a SITEURL, with `variables` set (None: unset)."""
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("SITEURL", None)
    for name, value in variables.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def invoke_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "invoke", *args]


def run_invoke_in(
    project: Path, *args: str, prefix: tuple[str, ...] = (), **variables: str | None
) -> subprocess.CompletedProcess:
    """`invoke ARGS` in a project copy, e.g. under `prefix` = ("faketime", …)."""
    return subprocess.run(
        [*prefix, *invoke_command(*args)],
        cwd=project,
        env=invoke_env(**variables),
        capture_output=True,
        text=True,
        check=False,
    )


def tree_digest(folder: Path) -> str:
    """One hash of every path and file under `folder`, symlinks as their targets."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_symlink():
            digest.update(os.readlink(path).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def reader_text(soup: BeautifulSoup) -> str:
    """Words as a reader sees them; typography binds short words with U+00A0."""
    return soup.get_text().replace("\xa0", " ")


def breadcrumb_trail(page: BeautifulSoup) -> list[tuple[str, str | None]]:
    """A page's breadcrumbs as (words, link); the current page has no link."""
    (nav,) = page.select('nav[aria-label="Навигационная цепочка"]')
    return [
        (" ".join(item.get_text(" ").split()), item.a["href"] if item.a else None)
        for item in nav.select("li")
    ]


def file_digests(folder: Path) -> dict[str, str]:
    """Each file under `folder` (relative path) and the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def read_until(url: str, done: threading.Event, statuses: list, limit: int = 20000):
    """GET `url` until `done` is set (at most `limit` times); record each status."""
    for _ in range(limit):
        if done.is_set():
            return
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                answer.read()
                statuses.append(answer.status)
        except urllib.error.HTTPError as error:
            statuses.append(error.code)


# What `invoke build` needs of the project; node_modules (the web editor) is not.
PROJECT_PARTS = (
    "tasks.py",
    "chamber",
    "pelicanconf.py",
    "publishconf.py",
    "plugins",
    "theme",
    "publishing",
    "preview",
    "web_editor",
)


class Project:
    """A copy of the project's code with a fixture site, built by `invoke build`."""

    def __init__(self, folder: Path, site: str, siteurl: str = SITEURL):
        self.siteurl = siteurl  # "": relative addresses, as without SITEURL
        self.root = folder / "project"
        for part in PROJECT_PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(
                    source,
                    self.root / part,
                    ignore=shutil.ignore_patterns("__pycache__"),
                )
            else:
                self.root.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, self.root / part)
        self.content = copy_fixture_site(site, folder)
        self.output = folder / "output"
        self.cache = folder / ".cache" / "build"

    def build(self, output: Path | None = None) -> str:
        """`invoke build` into `output` (the project's own by default); its log."""
        result = self.run_build(output or self.output)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout + result.stderr

    def run_build(self, output: Path) -> subprocess.CompletedProcess:
        return run_invoke_in(
            self.root,
            "build",
            "--content",
            str(self.content),
            "--output",
            str(output),
            "--as-of",
            "2021-12-31",
            SITEURL=self.siteurl,
        )

    def pages(self) -> dict[str, BeautifulSoup]:
        site = self.output.resolve()
        return {
            path.relative_to(site).as_posix(): BeautifulSoup(
                path.read_text(encoding="utf-8"), "html.parser"
            )
            for path in site.rglob("*.html")
            if not path.relative_to(site).as_posix().startswith("admin/")
        }

    def page(self, relative: str) -> BeautifulSoup:
        """The page at `relative`/, or the one page whose folder begins so."""
        pages = self.pages()
        if f"{relative}/index.html" in pages:
            return pages[f"{relative}/index.html"]
        (found,) = [
            soup
            for name, soup in pages.items()
            if name.startswith(relative) and name.count("/") == relative.count("/") + 1
        ]
        return found

    def edit(self, path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
