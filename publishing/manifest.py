"""The manifest of a built site: every file's path, size and SHA-256.

Two builds are the same site exactly when their manifest hashes are equal, and
publishing targets compare manifests to send only what changed.
"""

import hashlib
import json
import os
from pathlib import Path

MANIFEST_NAME = "manifest.json"


def file_sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def site_files(folder: Path) -> list[str]:
    """Every file under `folder` as a sorted POSIX path, the manifest aside."""
    found = []
    for directory, _, names in os.walk(folder):
        for name in names:
            relative = Path(directory, name).relative_to(folder).as_posix()
            if relative != MANIFEST_NAME:
                found.append(relative)
    return sorted(found)


def manifest_hash(files: list[dict]) -> str:
    """SHA-256 over the sorted paths and their contents' hashes, one line each."""
    digest = hashlib.sha256()
    for entry in sorted(files, key=lambda entry: entry["path"]):
        digest.update(f"{entry['path']}\0{entry['sha256']}\n".encode())
    return digest.hexdigest()


def build_manifest(folder: Path) -> dict:
    files = [
        {
            "path": relative,
            "size": (folder / relative).stat().st_size,
            "sha256": file_sha256(folder / relative),
        }
        for relative in site_files(folder)
    ]
    return {"hash": manifest_hash(files), "files": files}


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode()


def write_manifest(folder: Path) -> dict:
    manifest = build_manifest(folder)
    (folder / MANIFEST_NAME).write_bytes(manifest_bytes(manifest))
    return manifest


def read_manifest(data: bytes) -> dict:
    manifest = json.loads(data)
    if manifest_hash(manifest["files"]) != manifest["hash"]:
        raise ValueError(
            "manifest.json повреждён: его хеш не совпадает со списком файлов"
        )
    return manifest


def by_path(manifest: dict | None) -> dict[str, dict]:
    return {entry["path"]: entry for entry in (manifest or {}).get("files", [])}
