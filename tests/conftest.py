"""Shared fixtures: fixture sites copied to a temporary folder and built in a subprocess.

Pelican's signals are global to a process, so every end-to-end build runs
`invoke build` in its own process, exactly as the publisher does.
"""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_SITES = Path(__file__).parent / "fixtures" / "sites"
SITEURL = "https://palata.example.ru"


def run_invoke(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITEURL": SITEURL, "COLUMNS": "200"}
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


@pytest.fixture
def site_copy(tmp_path):
    """Copy a fixture site (tests/fixtures/sites/<name>) with the real work plans."""

    def copy(name: str) -> Path:
        content = tmp_path / name
        shutil.copytree(FIXTURE_SITES / name, content)
        if not (content / "plans").exists():
            shutil.copytree(ROOT / "content" / "plans", content / "plans")
        return content

    return copy


@pytest.fixture
def build_site(tmp_path):
    """Run `invoke build` on a content folder; returns the result and output."""

    def build(content: Path, as_of: str = "2021-12-31", output: Path | None = None):
        output = output or tmp_path / "output"
        result = run_invoke(
            "build",
            "--content",
            str(content),
            "--output",
            str(output),
            "--as-of",
            as_of,
        )
        return BuiltSite(result, output)

    return build
