"""Where `invoke publish --target` sends a build, told by the target's form."""

import re
from dataclasses import dataclass
from pathlib import Path

# user@host:/path (or host:/path); a one-letter "host" is a Windows drive.
_SSH = re.compile(r"^(?P<host>(?:[^@/:\s]+@)?[^@/:\s]{2,}):(?P<path>/.*)$")
_S3 = re.compile(
    r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(?P<prefix>.*))?$"
)

# Release folders and version names: UTC time, then the manifest hash's start.
VERSION_HASH_LENGTH = 12
KEPT_RELEASES = 5


class TargetError(ValueError):
    pass


@dataclass(frozen=True)
class DirectoryTarget:
    path: str
    host: str | None = None  # None: a folder on this machine

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path


@dataclass(frozen=True)
class S3Target:
    bucket: str
    prefix: str  # "" or ending in "/"

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def parse_target(text: str) -> DirectoryTarget | S3Target:
    text = text.strip()
    if not text:
        raise TargetError(
            "Не указано, куда публиковать: --target ПАПКА, user@host:/путь "
            "или s3://корзина/префикс."
        )
    if text.startswith("s3://"):
        match = _S3.match(text)
        if not match:
            raise TargetError(
                f"Адрес «{text}» не похож на корзину S3: пишите s3://имя-корзины/префикс."
            )
        prefix = (match["prefix"] or "").strip("/")
        return S3Target(match["bucket"], f"{prefix}/" if prefix else "")
    match = _SSH.match(text)
    if match:
        return DirectoryTarget(match["path"].rstrip("/") or "/", match["host"])
    return DirectoryTarget(str(Path(text).expanduser().resolve()))


def version_name(moment_utc: str, manifest_hash: str) -> str:
    """`20261201T093000.123456Z-0123456789ab`: sorted by name is sorted by time."""
    return f"{moment_utc}-{manifest_hash[:VERSION_HASH_LENGTH]}"


def is_version_name(name: str) -> bool:
    return (
        re.fullmatch(
            rf"\d{{8}}T\d{{6}}\.\d{{6}}Z-[0-9a-f]{{{VERSION_HASH_LENGTH}}}", name
        )
        is not None
    )


def releases_to_prune(names: list[str], live: str | None) -> list[str]:
    """The oldest releases beyond the newest `KEPT_RELEASES`, never the live one."""
    ordered = sorted(name for name in names if is_version_name(name))
    return [name for name in ordered[:-KEPT_RELEASES] if name != live]


def previous_release(names: list[str], live: str | None) -> str | None:
    """The release published before the live one, for a rollback."""
    ordered = sorted(name for name in names if is_version_name(name))
    if live not in ordered:
        return None
    index = ordered.index(live)
    return ordered[index - 1] if index > 0 else None
