"""The local output is a symlink swapped in one rename: a reader never sees a gap."""

import functools
import http.server
import subprocess
import threading
from pathlib import Path

from publishing import releases as releases_module
from publishing.releases import DISCARDED, discard, new_staging, publish_locally
from sitebuild import (
    QuietHandler,
    copy_project,
    free_port,
    invoke_command,
    invoke_env,
    read_until,
    run_invoke_in,
)


def staged(output, name, text):
    staging = new_staging(output)
    (staging / name).write_text(text)
    return staging


def test_an_output_in_a_folder_not_made_yet_is_published_there(tmp_path):
    output = tmp_path / "new" / "folder" / "output"
    publish_locally(staged(output, "index.html", "first"), output)
    assert (output / "index.html").read_text() == "first"


def test_output_becomes_a_link_to_the_new_release(tmp_path):
    output = tmp_path / "output"
    first = staged(output, "index.html", "first")
    publish_locally(first, output)
    second = staged(output, "index.html", "second")
    publish_locally(second, output)
    assert output.is_symlink() and output.resolve() == second
    assert (output / "index.html").read_text() == "second"
    # The release just left stays for readers still downloading from it.
    assert sorted(tmp_path.joinpath(".output-releases").iterdir()) == sorted(
        [first, second]
    )
    third = staged(output, "index.html", "third")
    publish_locally(third, output)
    assert not first.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output-releases", "output"]
    assert sorted(p.name for p in first.parent.iterdir()) == sorted(
        [second.name, third.name, DISCARDED]
    )
    assert (second.stat().st_mode & 0o777) == 0o755


def test_a_real_output_folder_is_migrated_once(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("old")
    release = staged(output, "index.html", "new")
    publish_locally(release, output)
    assert output.is_symlink()
    assert (output / "index.html").read_text() == "new"
    (kept,) = [p for p in release.parent.iterdir() if p != release]
    assert (kept / "index.html").read_text() == "old"


def test_without_symlinks_the_folder_is_replaced(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("symbolic link privilege not held")

    monkeypatch.setattr(Path, "symlink_to", refuse)
    output = tmp_path / "output"
    publish_locally(staged(output, "index.html", "first"), output)
    publish_locally(staged(output, "index.html", "second"), output)
    assert not output.is_symlink()
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "second"
    # The first site waits beside it for the next build to delete it.
    releases = tmp_path / ".output-releases"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output-releases", "output"]
    assert [p.name for p in releases.iterdir()] == [DISCARDED]
    discard(new_staging(output))
    assert [p.name for p in tmp_path.iterdir()] == ["output"]
    assert (output / "index.html").read_text() == "second"


def published_three_times(output):
    releases = []
    for number in range(3):
        releases.append(staged(output, "index.html", f"build {number}"))
        publish_locally(releases[-1], output)
    return releases


def test_the_release_from_two_builds_ago_is_deleted_by_the_next_build(tmp_path):
    output = tmp_path / "output"
    first, second, third = published_three_times(output)
    discarded = output.with_name(".output-releases") / DISCARDED
    # Moved aside at the swap, not deleted then: the build's end waits for nothing.
    (moved,) = [p / first.name for p in discarded.iterdir()]
    assert (moved / "index.html").read_text() == "build 0"
    fourth = staged(output, "index.html", "build 3")
    releases_module.finish_deleting(fourth.parent)
    assert not discarded.exists()
    assert (output / "index.html").read_text() == "build 2"
    assert (second / "index.html").read_text() == "build 1"
    publish_locally(fourth, output)
    assert (output / "index.html").read_text() == "build 3"
    assert sorted(p.name for p in fourth.parent.iterdir()) == sorted(
        [third.name, fourth.name, DISCARDED]
    )


def test_the_deletion_runs_while_the_build_goes_on(tmp_path, monkeypatch):
    output = tmp_path / "output"
    published_three_times(output)
    events, started, may_finish = [], threading.Event(), threading.Event()
    rmtree = releases_module.shutil.rmtree

    def slow_rmtree(path, ignore_errors=False):
        events.append(f"deleting {path.name}")
        started.set()
        assert may_finish.wait(10)
        rmtree(path, ignore_errors=ignore_errors)
        events.append("deleted")

    monkeypatch.setattr(releases_module.shutil, "rmtree", slow_rmtree)
    staging = new_staging(output)
    assert started.wait(10)
    events.append("building")
    (staging / "index.html").write_text("build 3")
    may_finish.set()
    publish_locally(staging, output)
    events.append("published")
    assert events == [f"deleting {DISCARDED}", "building", "deleted", "published"]
    assert (output / "index.html").read_text() == "build 3"


def test_a_failed_build_waits_for_the_deletion_and_keeps_the_site(tmp_path):
    output = tmp_path / "output"
    _first, second, third = published_three_times(output)
    discard(staged(output, "index.html", "half"))
    assert sorted(p.name for p in second.parent.iterdir()) == sorted(
        [second.name, third.name]
    )
    assert (output / "index.html").read_text() == "build 2"
    assert (second / "index.html").read_text() == "build 1"


def test_a_link_among_the_discarded_is_removed_not_followed(tmp_path):
    outside = tmp_path / "precious"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep")
    output = tmp_path / "site" / "output"
    published_three_times(output)
    discarded = output.with_name(".output-releases") / DISCARDED
    (discarded / "link").symlink_to(outside, target_is_directory=True)
    discard(new_staging(output))
    assert not discarded.exists()
    assert (outside / "keep.txt").read_text() == "keep"
    # Nor is the discarded folder itself followed when it is a link: no
    # release is moved through it, none deleted there.
    discarded.symlink_to(outside, target_is_directory=True)
    discard(new_staging(output))
    publish_locally(staged(output, "index.html", "build 3"), output)
    discard(new_staging(output))
    assert [p.name for p in outside.iterdir()] == ["keep.txt"]
    assert (outside / "keep.txt").read_text() == "keep"


def test_a_failed_build_leaves_nothing_beside_the_output(tmp_path):
    output = tmp_path / "output"
    discard(staged(output, "index.html", "half"))
    assert list(tmp_path.iterdir()) == []


def test_a_reader_never_sees_a_gap_while_builds_swap(tmp_path):
    project = copy_project(tmp_path)
    output = tmp_path / "output"
    first = run_invoke_in(project, "build", "--output", str(output))
    assert first.returncode == 0, first.stderr
    port = free_port()
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    done, statuses = threading.Event(), []
    readers = [
        threading.Thread(
            target=read_until,
            args=(f"http://127.0.0.1:{port}/{page}", done, statuses),
        )
        for page in ("", "theme/css/site.css")
    ]
    try:
        for reader in readers:
            reader.start()
        for _ in range(3):
            subprocess.run(
                invoke_command("build", "--output", str(output)),
                cwd=project,
                env=invoke_env(),
                check=True,
                capture_output=True,
            )
    finally:
        done.set()
        for reader in readers:
            reader.join()
        server.shutdown()
        server.server_close()
    assert len(statuses) > 10
    assert set(statuses) == {200}
