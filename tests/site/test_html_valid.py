"""Every page of the fixture sites passes the current Nu HTML checker.

The checker is the `vnu-jar` npm package (pinned in package-lock.json, installed
by scripts/setup.sh) run with Java 17 (installed by .ci/run). Without them this
test fails rather than skips: a page type nobody validated is not valid.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuild import (
    LONG_LISTS,
    ROOT,
    add_long_lists,
    build,
    built_fixture_site,
    copy_fixture_site,
)

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Between them: every page type, meetings with videos and transcripts, images.
SITES = [
    "every_field",
    "meetings_pages",
    "feeds_sections_cities_videos",
    "images_responsive",
]


def nu_errors(output: Path) -> list[str]:
    java = shutil.which("java")
    assert java, "нет Java: установите openjdk-17-jre-headless (.ci/run)"
    assert VNU_JAR.is_file(), "нет vnu.jar: выполните sh scripts/setup.sh (npm ci)"
    pages = sorted(str(path) for path in output.rglob("*.html"))
    assert pages, f"в {output} нет страниц"
    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    # vnu writes its JSON report to stderr, and exits 1 when it found errors.
    report = json.loads(checked.stderr)
    return [
        f"{Path(m['url'].removeprefix('file:')).relative_to(output)}:"
        f"{m.get('lastLine', '?')}: {m['message']}"
        for m in report["messages"]
    ]


@pytest.mark.parametrize("name", SITES)
def test_every_page_passes_the_nu_checker(name, tmp_path):
    site = built_fixture_site(name, tmp_path)
    assert nu_errors(site.output) == []


def test_long_lists_later_pages_pass_the_nu_checker(tmp_path):
    content = copy_fixture_site("every_field", tmp_path)
    add_long_lists(content)
    site = build(content, tmp_path / "output")
    assert site.result.returncode == 0, site.log
    assert all(
        (site.output / page / "index.html").is_file() for page in LONG_LISTS.values()
    )
    assert nu_errors(site.output) == []
