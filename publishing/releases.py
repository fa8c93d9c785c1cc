"""The local output folder as a symlink to a release folder, swapped without a gap.

`output` is a symlink to `.output-releases/build-…/`. A build writes a new
release folder next to it (same filesystem), then renames a new symlink over
`output`: rename(2) replaces it in one step, so a server reading `output` sees
the old site or the new one, never neither. The release the link left is kept
until the next build, for readers still downloading from it.
"""

import os
import shutil
import tempfile
from pathlib import Path


def releases_folder(output: Path) -> Path:
    return output.with_name(f".{output.name}-releases")


def new_staging(output: Path) -> Path:
    """A fresh folder that only this build writes into, beside the output."""
    releases = releases_folder(output)
    # `--output a/b/site` for a folder not made yet: made, as Pelican would.
    releases.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="build-", dir=releases))
    # mkdtemp makes it private; the site must be readable by the web server.
    staging.chmod(0o755)
    return staging


def discard(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    releases = staging.parent
    if releases.is_dir() and not any(releases.iterdir()):
        releases.rmdir()


def publish_locally(staging: Path, output: Path) -> None:
    """Make `staging` the site at `output`; keep only it and the one it replaces."""
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
    for release in releases.iterdir():
        if release not in (staging, previous):
            shutil.rmtree(release, ignore_errors=True)


def _replace_folder(staging: Path, output: Path) -> None:
    """Where symlinks are not allowed (Windows without developer mode): the
    folder is replaced by two renames, with an instant between them."""
    releases = staging.parent
    if output.exists() or output.is_symlink():
        output.rename(releases / f"{staging.name}-before")
    staging.rename(output)
    shutil.rmtree(releases, ignore_errors=True)
