"""An S3-compatible bucket (the Russian clouds' object storage) via boto3.

    PREFIX/<site files>                    what readers get
    PREFIX/manifest.json                   the live version's manifest, written last
    PREFIX/.releases/<version>.json        the manifest of each kept version
    PREFIX/.releases/objects/<sha256>      each kept version's files, by content

Only files whose hash differs from the live manifest are sent. Files that are
gone are deleted after every upload succeeded, and the live manifest is replaced
last, so a failed upload never leaves the bucket claiming a version it does not
hold. A rollback copies the previous version's files inside the bucket.
"""

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from ..manifest import MANIFEST_NAME, by_path, manifest_bytes, read_manifest
from ..media import CACHE_MANIFEST, cache_control, content_type, is_attachment
from . import (
    VERSION_HASH_LENGTH,
    S3Target,
    TargetError,
    previous_release,
    releases_to_prune,
)

RELEASES = ".releases/"
OBJECTS = RELEASES + "objects/"


def client():
    """A client for S3_ENDPOINT_URL; boto3 reads the AWS_* credentials itself."""
    endpoint = os.environ.get("S3_ENDPOINT_URL") or None
    config = Config(
        # S3-compatible stores answer by path, and not all of them know the
        # checksums that newer boto3 adds to every request.
        s3={"addressing_style": "path" if endpoint else "auto"},
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    return boto3.client("s3", endpoint_url=endpoint, config=config)


def object_headers(path: str) -> dict:
    headers = {"ContentType": content_type(path), "CacheControl": cache_control(path)}
    if is_attachment(path):
        headers["ContentDisposition"] = "attachment"
    return headers


class Bucket:
    def __init__(self, target: S3Target):
        self.target = target
        self.s3 = client()

    def key(self, relative: str) -> str:
        return self.target.prefix + relative

    def read(self, relative: str) -> bytes | None:
        try:
            answer = self.s3.get_object(
                Bucket=self.target.bucket, Key=self.key(relative)
            )
        except ClientError as error:
            if error.response["Error"]["Code"] in ("NoSuchKey", "404"):
                return None
            raise
        return answer["Body"].read()

    def put(self, relative: str, body, **headers) -> None:
        self.s3.put_object(
            Bucket=self.target.bucket, Key=self.key(relative), Body=body, **headers
        )

    def copy(self, source: str, relative: str, **headers) -> None:
        extra = {"MetadataDirective": "REPLACE", **headers} if headers else {}
        self.s3.copy_object(
            Bucket=self.target.bucket,
            Key=self.key(relative),
            CopySource={"Bucket": self.target.bucket, "Key": self.key(source)},
            **extra,
        )

    def names(self, under: str) -> list[str]:
        found = []
        pages = self.s3.get_paginator("list_objects_v2").paginate(
            Bucket=self.target.bucket, Prefix=self.key(under)
        )
        for page in pages:
            found += [
                item["Key"][len(self.key(under)) :] for item in page.get("Contents", [])
            ]
        return found

    def delete(self, relatives: Iterable[str]) -> None:
        keys = [{"Key": self.key(relative)} for relative in relatives]
        for start in range(0, len(keys), 1000):
            answer = self.s3.delete_objects(
                Bucket=self.target.bucket,
                Delete={"Objects": keys[start : start + 1000]},
            )
            if answer.get("Errors"):
                raise TargetError(f"не удалось удалить {answer['Errors'][0]['Key']}")

    def live(self) -> dict | None:
        data = self.read(MANIFEST_NAME)
        return read_manifest(data) if data else None

    def versions(self) -> list[str]:
        return sorted(
            name.removesuffix(".json")
            for name in self.names(RELEASES)
            if name.endswith(".json") and "/" not in name
        )

    def live_version(self, live: dict | None, versions: list[str]) -> str | None:
        if live is None:
            return None
        matching = [
            v for v in versions if v.endswith(live["hash"][:VERSION_HASH_LENGTH])
        ]
        return matching[-1] if matching else None

    def show(self, manifest: dict, live: dict | None, files: Callable[[dict], None]):
        """Make the bucket's site files those of `manifest`; `files` puts one."""
        old = by_path(live)
        for entry in manifest["files"]:
            if old.get(entry["path"], {}).get("sha256") != entry["sha256"]:
                files(entry)
        gone = sorted(set(old) - set(by_path(manifest)))
        self.delete(gone)
        return gone

    def make_live(self, name: str, manifest: dict) -> None:
        data = manifest_bytes(manifest)
        self.put(f"{RELEASES}{name}.json", data, ContentType="application/json")
        # Last: the bucket claims this version only once it holds all of it.
        self.put(
            MANIFEST_NAME,
            data,
            ContentType="application/json",
            CacheControl=CACHE_MANIFEST,
        )


def _failing_politely(action):
    def run(*args, **kwargs):
        try:
            return action(*args, **kwargs)
        except (ClientError, BotoCoreError) as error:
            raise TargetError(
                f"Хранилище S3 недоступно или ответило ошибкой, опубликованная версия не изменена: {error}"
            ) from None

    return run


@_failing_politely
def publish(target: S3Target, build: Path, manifest: dict, name: str):
    """Upload the changed files of the build at `build`; returns (sent, deleted)."""
    bucket = Bucket(target)
    live = bucket.live()
    stored = set(bucket.names(OBJECTS))
    sent = []

    def upload(entry):
        with (build / entry["path"]).open("rb") as body:
            bucket.put(entry["path"], body, **object_headers(entry["path"]))
        if entry["sha256"] not in stored:
            bucket.copy(entry["path"], OBJECTS + entry["sha256"])
            stored.add(entry["sha256"])
        sent.append(entry["path"])

    deleted = bucket.show(manifest, live, upload)
    bucket.make_live(name, manifest)
    _prune(bucket, name)
    return sent, deleted


def _prune(bucket: Bucket, live_name: str) -> None:
    versions = bucket.versions()
    old = releases_to_prune(versions, live_name)
    bucket.delete(f"{RELEASES}{version}.json" for version in old)
    kept = {
        entry["sha256"]
        for version in set(versions) - set(old)
        for entry in read_manifest(bucket.read(f"{RELEASES}{version}.json"))["files"]
    }
    bucket.delete(OBJECTS + sha for sha in sorted(set(bucket.names(OBJECTS)) - kept))


@_failing_politely
def rollback(target: S3Target) -> str:
    bucket = Bucket(target)
    live = bucket.live()
    versions = bucket.versions()
    previous = previous_release(versions, bucket.live_version(live, versions))
    if previous is None:
        raise TargetError(
            f"В {target} нет версии раньше текущей: откатывать не к чему."
        )
    manifest = read_manifest(bucket.read(f"{RELEASES}{previous}.json"))
    bucket.show(
        manifest,
        live,
        lambda entry: bucket.copy(
            OBJECTS + entry["sha256"], entry["path"], **object_headers(entry["path"])
        ),
    )
    bucket.put(
        MANIFEST_NAME,
        manifest_bytes(manifest),
        ContentType="application/json",
        CacheControl=CACHE_MANIFEST,
    )
    return previous
