"""Two builds into one output: the second waits for the first, and neither writes
into the other's staging folder."""

import json
import subprocess
import time

import pytest

from publishing import lock
from publishing.lock import OutputBusy, output_lock
from publishing.manifest import site_files
from publishing.output import located
from sitebuild import copy_project, invoke_command, invoke_env, run_invoke_in

BUILD = ("build", "--as-of", "2021-12-31")


def manifest(folder):
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_concurrent_builds_wait_and_both_leave_a_whole_site(tmp_path):
    project = copy_project(tmp_path)
    single = run_invoke_in(project, *BUILD, "--output", str(tmp_path / "single"))
    assert single.returncode == 0, single.stderr
    expected = manifest(tmp_path / "single")

    output = tmp_path / "shared"
    waiting = f"Папка {output} занята другой сборкой или публикацией; ждём"
    # Holding the lock first makes both builds meet it, whatever the machine's load.
    with output_lock(located(str(output)), say=print):
        builds = [
            subprocess.Popen(
                invoke_command(*BUILD, "--output", str(output)),
                cwd=project,
                env=invoke_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        # Each build's first lines, until it says it waits (bounded: 120 s).
        heads = [[], []]
        for build, head in zip(builds, heads, strict=True):
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and waiting not in "".join(head):
                line = build.stdout.readline()
                if not line:
                    break
                head.append(line)
        assert all(waiting in "".join(head) for head in heads), heads
        assert not output.exists()
    for build in builds:
        _, stderr = build.communicate(timeout=300)
        assert build.returncode == 0, stderr

    final = output.resolve()
    assert manifest(output) == expected
    assert site_files(output) == [entry["path"] for entry in expected["files"]]
    # The first build's release stays beside the second's until the next build:
    # two folders, each a whole site.
    releases = sorted(final.parent.iterdir())
    assert len(releases) == 2 and final in releases
    for release in releases:
        assert manifest(release) == expected
        assert site_files(release) == [entry["path"] for entry in expected["files"]]


def test_a_build_that_waited_too_long_refuses(tmp_path, monkeypatch):
    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    output = tmp_path / "output"
    said = []
    with (
        output_lock(output, say=said.append),
        pytest.raises(OutputBusy) as refused,
        output_lock(output, say=said.append),
    ):
        pass
    assert said == [
        f"Папка {output} занята другой сборкой или публикацией; ждём, пока она закончится (не дольше 0 мин)…"
    ]
    assert str(refused.value).startswith(f"Папка {output} занята другой сборкой дольше")
