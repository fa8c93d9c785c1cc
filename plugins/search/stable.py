"""Pagefind's filter files, written in a stable order.

Pagefind 1.5 keeps filters in hash maps (its own TODO in `pagefind/src/index/mod.rs`
says so), so the same site gives the values of a filter, and the filters in the
index's meta file, in a different order on every run, and with them different
file names. The search reads them in any order; this puts them in one, so that
two builds of one commit are byte for byte the same.

A bundle file is gzip (no time stamp) of `pagefind_dcd` and CBOR. The meta file
lists every filter with its file's name; pagefind-entry.json names the meta file.
"""

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

from build_cache import write_aside

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
# Positions in the meta file's top-level array.
META_FILTERS = 3


def read_bundle_file(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind bundle file")
    return cbor2.loads(data[len(SIGNATURE) :])


def write_bundle_file(folder: Path, pattern: str, language: str, value) -> str:
    """Write `value` under a name from its content; the name's hash part."""
    encoded = cbor2.dumps(value)
    name = f"{language}_{hashlib.sha256(encoded).hexdigest()[:10]}"
    packed = gzip.compress(SIGNATURE + encoded, compresslevel=9, mtime=0)
    replace_file(folder / pattern.format(name), packed)
    return name


def replace_file(path: Path, data: bytes) -> None:
    # Never into the file at `path`: it may be a hard link to the kept bundle's.
    write_aside(path, lambda stored: stored.write(data))


def stabilise(bundle: Path) -> None:
    """Rewrite the filters and meta files of every language in sorted order."""
    entry_path = bundle / ENTRY
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, facts in entry["languages"].items():
        meta_path = bundle / f"pagefind.{facts['hash']}.pf_meta"
        meta = read_bundle_file(meta_path)
        filters = []
        for name, short in meta[META_FILTERS]:
            path = bundle / "filter" / f"{short}.pf_filter"
            filter_name, values = read_bundle_file(path)
            path.unlink()
            ordered = [filter_name, sorted([v, sorted(pages)] for v, pages in values)]
            filters.append(
                [
                    name,
                    write_bundle_file(bundle, "filter/{}.pf_filter", language, ordered),
                ]
            )
        meta[META_FILTERS] = sorted(filters)
        meta_path.unlink()
        facts["hash"] = write_bundle_file(bundle, "pagefind.{}.pf_meta", language, meta)
    replace_file(
        entry_path,
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
    )
