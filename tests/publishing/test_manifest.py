"""The manifest: every file's path, size and hash, and one hash for the whole site."""

import hashlib
import json

import pytest

from publishing.manifest import manifest_bytes, read_manifest, write_manifest


def test_manifest_lists_every_file_and_hashes_paths_with_contents(tmp_path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "index.html").write_bytes(b"<p>1</p>")
    (tmp_path / "theme" / "site.css").write_bytes(b"p{}")
    manifest = write_manifest(tmp_path)
    assert [entry["path"] for entry in manifest["files"]] == [
        "index.html",
        "theme/site.css",
    ]
    assert manifest["files"][0] == {
        "path": "index.html",
        "size": 8,
        "sha256": hashlib.sha256(b"<p>1</p>").hexdigest(),
    }
    lines = "".join(
        f"{entry['path']}\0{entry['sha256']}\n" for entry in manifest["files"]
    )
    assert manifest["hash"] == hashlib.sha256(lines.encode()).hexdigest()
    assert json.loads((tmp_path / "manifest.json").read_bytes()) == manifest
    # Written again, the manifest does not list itself.
    assert write_manifest(tmp_path) == manifest


def test_a_renamed_file_changes_the_hash(tmp_path):
    (tmp_path / "a.html").write_bytes(b"x")
    first = write_manifest(tmp_path)["hash"]
    (tmp_path / "a.html").rename(tmp_path / "b.html")
    assert write_manifest(tmp_path)["hash"] != first


def test_a_manifest_that_does_not_add_up_is_refused(tmp_path):
    (tmp_path / "a.html").write_bytes(b"x")
    manifest = write_manifest(tmp_path)
    manifest["files"][0]["sha256"] = "0" * 64
    with pytest.raises(ValueError, match=r"manifest\.json повреждён"):
        read_manifest(manifest_bytes(manifest))
