"""The same commit gives the same bytes on any day: builds under faketime."""

import json
import shutil
import subprocess
import sys

import pytest

from sitebuild import copy_project, run_invoke_in

DAYS = ("2027-03-01 09:00:00", "2031-11-17 23:30:00")


def faketime(day: str) -> tuple[str, ...]:
    if shutil.which("faketime") is None:
        pytest.fail("Нет faketime: apt-get install faketime (.ci/run ставит его).")
    return ("faketime", "-f", f"@{day}")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("reproducible"))


def build_on(project, day, *options, **env):
    output = project.parent / f"output-{day[:10]}-{len(options)}"
    result = run_invoke_in(
        project,
        "build",
        "--output",
        str(output),
        *options,
        prefix=faketime(day),
        SITEURL="https://palata.example.ru",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result, output


def test_faketime_really_moves_the_clock():
    for day in DAYS:
        shown = subprocess.run(
            [
                *faketime(day),
                sys.executable,
                "-c",
                "import datetime; print(datetime.date.today())",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert shown == day[:10]


def test_two_days_give_the_same_site_and_manifest(project):
    (first, first_output), (second, second_output) = (
        build_on(project, day, "--as-of", "2021-06-30") for day in DAYS
    )
    line = first.stdout.strip().splitlines()[-1]
    assert line.startswith("Хеш сборки (manifest.json): ")
    assert line == second.stdout.strip().splitlines()[-1]
    manifest = (first_output / "manifest.json").read_bytes()
    assert manifest == (second_output / "manifest.json").read_bytes()
    listed = json.loads(manifest)
    assert line.endswith(listed["hash"])
    paths = {entry["path"] for entry in listed["files"]}
    assert {"index.html", "feeds/all.atom.xml", "feeds/all.rss.xml"} <= paths
    assert {"meetings.ics", "plan/2021.json", "_headers"} <= paths
    for entry in listed["files"]:
        path = entry["path"]
        assert (first_output / path).read_bytes() == (second_output / path).read_bytes()
        assert (first_output / path).stat().st_size == entry["size"]


def test_source_date_epoch_sets_the_default_as_of_day(project):
    # 2021-06-30 12:00 UTC: a build on any later day still reports the plan then.
    epoch = "1625054400"
    (first, first_output), (_, second_output) = (
        build_on(project, day, SOURCE_DATE_EPOCH=epoch) for day in DAYS
    )
    assert "план работы — на 30 июня 2021 г." in first.stdout
    assert (first_output / "manifest.json").read_bytes() == (
        second_output / "manifest.json"
    ).read_bytes()
