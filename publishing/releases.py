"""The local output folder as a symlink to a release folder, swapped without a gap.

`output` is a symlink to `.output-releases/build-…/`. A build writes a new
release folder next to it (same filesystem), then renames a new symlink over
`output`: rename(2) replaces it in one step, so a server reading `output` sees
the old site or the new one, never neither. The release the link left is kept
until the next build, for readers still downloading from it.

Older releases are not deleted at the swap, which would keep the publisher
waiting at the very end of every build (about 1.3 s at 1,000 publications): they
are renamed into `.output-releases/.discarded/`, which costs nothing, and the
next build deletes that folder in a thread while Pelican reads the content
(`new_staging`), under the same lock as the rest of the build (`tasks.py`'s
`locked`). Nothing outside the releases folder is deleted: a symlink in it is
removed, never followed. A build that fails only waits for that deletion; the
published release and the one it replaced stay as they are.
"""

import contextlib
import os
import shutil
import tempfile
import threading
from pathlib import Path

DISCARDED = ".discarded"

# The deletion each releases folder's build started, waited for before the
# build moves more releases there or ends.
_DELETING: dict[Path, threading.Thread] = {}


def releases_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}-releases")


def new_staging(output: Path) -> Path:
    """A fresh folder that only this build writes into, beside the output; the
    releases discarded by the last build are deleted meanwhile."""
    releases = releases_folder(output)
    # `--output a/b/site` for a folder not made yet: made, as Pelican would.
    releases.mkdir(parents=True, exist_ok=True)
    _start_deleting(releases)
    staging = Path(tempfile.mkdtemp(prefix="build-", dir=releases))
    # mkdtemp makes it private; the site must be readable by the web server.
    staging.chmod(0o755)
    return staging


def _start_deleting(releases: Path) -> None:
    discarded = releases / DISCARDED
    if releases in _DELETING or not os.path.lexists(discarded):
        return
    # rmtree never follows a symlink, and refuses one as `discarded` itself.
    thread = threading.Thread(
        target=shutil.rmtree,
        args=(discarded,),
        kwargs={"ignore_errors": True},
        name=f"deleting {discarded}",
    )
    _DELETING[releases] = thread
    thread.start()


def finish_deleting(releases: Path) -> None:
    thread = _DELETING.pop(releases, None)
    if thread is not None:
        thread.join()


def discard(staging: Path) -> None:
    releases = staging.parent
    finish_deleting(releases)
    shutil.rmtree(staging, ignore_errors=True)
    _remove_if_empty(releases)


def _remove_if_empty(releases: Path) -> None:
    if releases.is_dir() and not any(releases.iterdir()):
        releases.rmdir()


def publish_locally(staging: Path, output: Path) -> None:
    """Make `staging` the site at `output`; keep only it and the one it replaces,
    the others discarded for the next build to delete."""
    releases = staging.parent
    fresh = output.with_name(f".{output.name}-link-{os.getpid()}")
    fresh.unlink(missing_ok=True)
    try:
        fresh.symlink_to(
            os.path.relpath(staging, output.parent), target_is_directory=True
        )
    except OSError:
        _replace_folder(staging, output)
        return
    previous = output.resolve() if output.is_symlink() else None
    if output.is_dir() and not output.is_symlink():
        # Once, from a build before releases existed: a symlink cannot be renamed
        # over a folder, so the old site moves aside for the instant between.
        previous = releases / f"{staging.name}-before"
        output.rename(previous)
    os.replace(fresh, output)
    kept = (staging, previous, releases / DISCARDED)
    _discard_later(releases, [r for r in releases.iterdir() if r not in kept])


def _discard_later(releases: Path, folders: list[Path]) -> None:
    """Rename `folders` (inside `releases`) into its discarded folder."""
    finish_deleting(releases)
    if not folders:
        return
    discarded = releases / DISCARDED
    if discarded.is_symlink():  # never moves a release out of `releases`
        discarded.unlink()
    discarded.mkdir(exist_ok=True)
    # A folder of their own: a name used before may still be there.
    batch = Path(tempfile.mkdtemp(dir=discarded))
    for folder in folders:
        # One held open on Windows stays where it is: the next build tries again.
        with contextlib.suppress(OSError):
            folder.rename(batch / folder.name)


def _replace_folder(staging: Path, output: Path) -> None:
    """Where symlinks are not allowed (Windows without developer mode): the
    folder is replaced by two renames, with an instant between them."""
    releases = staging.parent
    if output.exists() or output.is_symlink():
        output.rename(releases / f"{staging.name}-before")
    staging.rename(output)
    _discard_later(releases, [r for r in releases.iterdir() if r.name != DISCARDED])
    _remove_if_empty(releases)
