"""What the reader gave for each publication, kept between builds and given back.

Reading a publication runs every check of the content model on it, converts its
Markdown and parses its transcript. The result depends on the file's bytes, on
the other files of the content folder it may look at (`chamber.read_inputs`),
and on the plans, cities, settings and code, which are in the key of the cache
folder it is kept in. So a reading is kept by a digest of the first two, and a
rebuild after one file changed reads that file only.

A kept reading gives its warnings again, as reading the file would. Only
readings with no problem are kept, and only once the build has passed.

No Pelican objects are kept: a tag, an author or a category is kept by its
name and made anew with this build's settings; a city or a plan, by its key in
the reference data of this build (`BUILD`). A reading just made is handed out
as its kept bytes give it too, so that a page holds the same objects, shared
the same way, whether its publications were read or kept: the digests that
decide which pages are kept (`kept_pages`) see no difference.
"""

import hashlib
import io
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pelican.urlwrappers import URLWrapper

from build_cache import load_pickle, save_pickle
from chamber.problems import Problem
from chamber.read_inputs import other_inputs_digest
from content_model.state import BUILD

T = TypeVar("T")
CACHE_FILE = "readings.pickle"


@dataclass(frozen=True)
class KeptReading:
    reading: bytes  # the reader's (content, metadata), see `_dumps`
    warnings: tuple[Problem, ...]


class Readings:
    def __init__(self) -> None:
        self._file: Path | None = None
        self._settings: Mapping = {}
        self._known: dict[bytes, KeptReading] = {}
        self._used: dict[bytes, KeptReading] = {}
        self._inputs: bytes | None = None
        self._references: dict[int, tuple[str, object]] | None = None
        self.reused = 0

    def load(self, folder: Path | None, settings: Mapping) -> None:
        """At the start of a build: what the last build under this key kept."""
        self._file = folder / CACHE_FILE if folder else None
        self._settings = settings
        self._known = load_pickle(self._file) or {}
        self._used = {}
        self._inputs = None
        self._references = None
        self.reused = 0

    def read_once(self, relative: str, data: bytes, read: Callable[[], T]) -> T:
        """`BUILD.read_once`: the reading of ``relative`` kept for these bytes
        and inputs, or ``read()`` kept for the next build."""
        if self._file is None:
            return read()
        key = self._key(relative, data)
        kept = self._known.get(key)
        if kept is not None:
            try:
                result = _loads(kept.reading, self._settings)
            except (
                pickle.UnpicklingError,
                EOFError,
                LookupError,
                AttributeError,
                ImportError,
                TypeError,
            ):
                pass  # a broken cache file: read as if nothing were kept
            else:
                for warning in kept.warnings:
                    BUILD.warn(warning)
                self._used[key] = kept
                self.reused += 1
                return result
        given = BUILD.warnings_given()
        result = read()
        content, _metadata = result
        if content is None or BUILD.has_problems(relative):
            return result
        reading = _dumps(result, self._reference_data())
        self._used[key] = KeptReading(reading, BUILD.warnings_after(given))
        return _loads(reading, self._settings)

    def _reference_data(self) -> dict[int, tuple[str, object]]:
        if self._references is None:  # filled by the content model at the start
            self._references = {
                id(value): (table, key)
                for table in _REFERENCE_TABLES
                for key, value in getattr(BUILD, table).items()
            }
        return self._references

    def _key(self, relative: str, data: bytes) -> bytes:
        if self._inputs is None:  # the content folder is walked once a build
            self._inputs = other_inputs_digest(Path(self._settings["PATH"]))
        digest = hashlib.blake2b(self._inputs, digest_size=20)
        digest.update(relative.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.digest()

    def save(self) -> None:
        """Keep what this build read, so the file does not grow with old versions."""
        if self._file:
            save_pickle(self._file, self._used)


# The reference data a reading may hold, by its table in `BUILD`.
_REFERENCE_TABLES = ("cities", "plans")


class _Pickler(pickle.Pickler):
    def __init__(self, stream, references: Mapping[int, tuple[str, object]]):
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        self._references = references

    def persistent_id(self, obj):
        if isinstance(obj, URLWrapper):
            return type(obj), obj.name
        return self._references.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, settings: Mapping):
        super().__init__(io.BytesIO(data))
        self._settings = settings

    def persistent_load(self, pid):
        kind, name = pid
        if isinstance(kind, str):
            return getattr(BUILD, kind)[name]
        return kind(name, self._settings)


def _dumps(reading, references: Mapping[int, tuple[str, object]]) -> bytes:
    stream = io.BytesIO()
    _Pickler(stream, references).dump(reading)
    return stream.getvalue()


def _loads(data: bytes, settings: Mapping):
    return _Unpickler(data, settings).load()


READINGS = Readings()
