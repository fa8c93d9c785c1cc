"""`invoke publish`/`rollback` to S3 against moto's S3 server on 127.0.0.1, over HTTP."""

import functools
import json
import struct
import time
import zlib

import pytest
from moto.server import ThreadedMotoServer

from publishing.targets.s3 import client
from sitebuild import copy_project, free_port, run_invoke_in

BUCKET = "palata-site"
TARGET = f"s3://{BUCKET}/www"
# Distinctive, so that any trace of it in a log or a file is found.
SECRET = "Sekret-QZ81-never-in-logs-or-output"
KEY_ID = "AKIAPALATATESTKEY01"
EXTRA = "images/skhema-2.png"


def png(red: int) -> bytes:
    """A one-pixel PNG in the given shade of red."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes([0, red, 0, 0]))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def env():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    variables = {
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_ACCESS_KEY_ID": KEY_ID,
        "AWS_SECRET_ACCESS_KEY": SECRET,
        "AWS_DEFAULT_REGION": "ru-central1",
        "SITEURL": "https://palata.example.ru",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in variables.items():
            patch.setenv(name, value)
        client().create_bucket(
            Bucket=BUCKET,
            CreateBucketConfiguration={"LocationConstraint": "ru-central1"},
        )
        yield variables
    server.stop()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("s3_target"))


def objects(env) -> dict[str, dict]:
    found = {}
    for page in s3().get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            found[item["Key"]] = item
    return found


@functools.cache
def s3():
    return client()


def head(key: str) -> dict:
    return s3().head_object(Bucket=BUCKET, Key=key)


def body(key: str) -> bytes:
    return s3().get_object(Bucket=BUCKET, Key=key)["Body"].read()


def run(project, env, *args):
    result = run_invoke_in(project, *args, **env)
    log = result.stdout + result.stderr
    assert SECRET not in log and KEY_ID not in log
    assert result.returncode == 0, log
    return result


def publish(project, env):
    return run(
        project,
        env,
        "publish",
        "--target",
        TARGET,
        "--output",
        str(project.parent / "output"),
        "--as-of",
        "2021-12-31",
    )


def site_keys(found) -> set[str]:
    return {key for key in found if "/.releases/" not in key}


def local_manifest(project) -> dict:
    return json.loads((project.parent / "output" / "manifest.json").read_text())


@pytest.fixture(scope="module")
def history(project, env):
    """Three publications: the first, one image changed, the image removed."""
    steps = {}
    (project / "content" / EXTRA).write_bytes(png(10))
    publish(project, env)
    steps["first"] = (objects(env), local_manifest(project))
    time.sleep(1.1)  # LastModified counts whole seconds
    (project / "content" / EXTRA).write_bytes(png(200))
    publish(project, env)
    steps["changed"] = (objects(env), local_manifest(project))
    time.sleep(1.1)
    (project / "content" / EXTRA).unlink()
    publish(project, env)
    steps["removed"] = (objects(env), local_manifest(project))
    return steps


def test_first_upload_holds_the_whole_site_and_its_manifest(history):
    found, manifest = history["first"]
    assert site_keys(found) == {
        f"www/{entry['path']}" for entry in manifest["files"]
    } | {"www/manifest.json"}
    releases = [
        key
        for key in found
        if key.startswith("www/.releases/") and key.endswith(".json")
    ]
    assert len(releases) == 1 and releases[0].endswith(f"-{manifest['hash'][:12]}.json")


def test_types_and_cache_headers(history):
    expected = {
        "www/index.html": ("text/html; charset=utf-8", "public, max-age=300"),
        "www/feeds/all.atom.xml": ("application/atom+xml", "public, max-age=300"),
        "www/feeds/all.rss.xml": ("application/rss+xml", "public, max-age=300"),
        "www/meetings.ics": ("text/calendar; charset=utf-8", "public, max-age=300"),
        "www/plan/2021.json": ("application/json", "public, max-age=300"),
        "www/theme/css/site.css": ("text/css; charset=utf-8", "public, max-age=3600"),
        "www/images/primer-skhema.svg": ("image/svg+xml", "public, max-age=3600"),
        "www/manifest.json": ("application/json", "no-cache"),
    }
    for key, (media_type, cache) in expected.items():
        answer = head(key)
        assert (answer["ContentType"], answer["CacheControl"]) == (media_type, cache), (
            key
        )
    attachment = head("www/files/zakonoproekt-ob-aglomeratsiyakh.pdf")
    assert attachment["ContentType"] == "application/pdf"
    assert attachment["ContentDisposition"] == "attachment"
    assert "ContentDisposition" not in head("www/index.html")


def test_second_upload_sends_only_the_changed_object(history):
    before, _ = history["first"]
    after, manifest = history["changed"]
    changed = {
        key
        for key in site_keys(after)
        if after[key]["LastModified"] != before[key]["LastModified"]
    }
    assert changed == {f"www/{EXTRA}", "www/manifest.json"}
    assert after[f"www/{EXTRA}"]["ETag"] != before[f"www/{EXTRA}"]["ETag"]
    assert (
        json.loads(
            body(
                "www/.releases/"
                + sorted(
                    key.rsplit("/", 1)[1]
                    for key in after
                    if key.endswith(".json") and "/.releases/" in key
                )[-1]
            )
        )["hash"]
        == manifest["hash"]
    )


def test_gone_files_are_deleted(history):
    found, manifest = history["removed"]
    assert f"www/{EXTRA}" not in found
    assert site_keys(found) == {
        f"www/{entry['path']}" for entry in manifest["files"]
    } | {"www/manifest.json"}


def test_rollback_restores_the_previous_version(history, project, env):
    _, changed = history["changed"]
    result = run(project, env, "rollback", "--target", TARGET)
    version = result.stdout.strip().rsplit(" ", 1)[1].rstrip(".")
    assert version.endswith(changed["hash"][:12])
    assert result.stdout.strip() == (
        f"Откат выполнен в {TARGET}/. Сейчас на сайте версия {version}."
    )
    assert json.loads(body("www/manifest.json"))["hash"] == changed["hash"]
    assert body(f"www/{EXTRA}") == png(200)
    assert head(f"www/{EXTRA}")["ContentType"] == "image/png"
    assert site_keys(objects(env)) == {
        f"www/{entry['path']}" for entry in changed["files"]
    } | {"www/manifest.json"}


def test_no_credential_in_the_bucket_or_the_output(history, project, env):
    for key in objects(env):
        assert SECRET.encode() not in body(key) and KEY_ID.encode() not in body(key), (
            key
        )
    for path in (project.parent / "output").rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path
