"""The local output is a symlink swapped in one rename: a reader never sees a gap."""

import functools
import http.server
import subprocess
import threading
from pathlib import Path

from publishing.releases import discard, new_staging, publish_locally
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
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


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
