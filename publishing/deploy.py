"""`invoke publish` and `invoke rollback`: one entry point for every kind of target."""

from datetime import UTC, datetime
from pathlib import Path

from .headers import HEADERS_FILE, policy_in_headers_file
from .targets import DirectoryTarget, S3Target, directory, version_name


def deploy(target: DirectoryTarget | S3Target, build: Path, manifest: dict) -> str:
    """Send the build at `build` to `target` and make it live; returns its version."""
    moment = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    name = version_name(moment, manifest["hash"])
    if isinstance(target, S3Target):
        _s3().publish(target, build, manifest, name)
        return name
    policy = policy_in_headers_file((build / HEADERS_FILE).read_text(encoding="utf-8"))
    return directory.publish(target, build, name, policy)


def roll_back(target: DirectoryTarget | S3Target) -> str:
    """Make the version before the live one live again; returns its name."""
    if isinstance(target, S3Target):
        return _s3().rollback(target)
    return directory.rollback(target)


def _s3():
    # boto3 takes a second or more to import: only S3 publications pay for it,
    # not every `invoke` an editor runs.
    from .targets import s3

    return s3
