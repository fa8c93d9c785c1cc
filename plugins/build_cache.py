"""Results of pure functions of files' bytes, kept between builds.

A result is looked up by a hash of the bytes it was computed from, never by a
file's name or time: a page whose bytes did not change gets the result its bytes
gave before, a changed page is computed anew. The function's own code and its
libraries are in the cache key of the folder the results are kept in (the
plugin's `.cache/build/<key>/`).
"""

import hashlib
import os
import pickle
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")


def file_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


class BytesMemo:
    """``function(path)`` for files, by their bytes; kept in ``folder / name``."""

    def __init__(self, folder: str | Path | None, name: str):
        self._file = Path(folder) / name if folder else None
        self._known: dict[bytes, object] = load_pickle(self._file) or {}
        self._used: dict[bytes, object] = {}

    def wrap(self, function: Callable[[Path], T]) -> Callable[[Path], T]:
        def remembered(path: Path) -> T:
            key = file_digest(path.read_bytes())
            if key not in self._used:
                found = self._known.get(key)
                self._used[key] = function(path) if found is None else found
            return self._used[key]

        return remembered

    def save(self) -> None:
        """Keep what this build used, so the file does not grow with old pages."""
        if self._file:
            save_pickle(self._file, self._used)


def load_pickle(path: Path | None):
    if path is None:
        return None
    try:
        with open(path, "rb") as stored:
            return pickle.load(stored)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        ValueError,
        AttributeError,
        TypeError,
    ):
        return None  # none yet, or a broken one: everything is computed anew


def save_pickle(path: Path, value) -> None:
    write_aside(
        path,
        lambda stored: pickle.dump(value, stored, protocol=pickle.HIGHEST_PROTOCOL),
    )


# A file being written; renamed to its own name once whole.
ASIDE_SUFFIX = ".aside"


def write_aside(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """`write` a new file renamed over `path`. A build stopped halfway leaves
    the previous file whole, two builds at once do not mix theirs, and a hard
    link at `path` (a kept bundle's file) is replaced, never written into.
    The file has the usual permissions: some of these files are published."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = f"{os.getpid()}-{threading.get_ident()}"
    temporary = path.with_name(f".{path.name}.{writer}{ASIDE_SUFFIX}")
    try:
        with temporary.open("wb") as stored:
            write(stored)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def tree_digest(
    folder: Path,
    suffixes: tuple[str, ...],
    each: Callable[[str, bytes], None] | None = None,
) -> str:
    """A hash of the paths and bytes of the files under `folder` with `suffixes`;
    `each` is shown every file's path inside `folder` and bytes on the way, so
    that they are read once."""
    digest = hashlib.blake2b(digest_size=20)
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in suffixes and path.is_file():
            relative = path.relative_to(folder).as_posix()
            data = path.read_bytes()
            digest.update(relative.encode("utf-8") + b"\0")
            digest.update(file_digest(data))
            if each is not None:
                each(relative, data)
    return digest.hexdigest()


class KeptFolder:
    """A folder a build made from inputs of a known digest, copied back when a
    later build has the very same inputs; kept in ``folder / name`` once the
    build has passed (`save_kept_folders`)."""

    def __init__(self, folder: str | Path | None, name: str):
        self._place = Path(folder) / name if folder else None

    def restore(self, key: str, destination: Path) -> bool:
        """Put the kept folder at `destination` if it was made from `key`."""
        if self._place is None:
            return False
        try:
            if (self._place / KEY_FILE).read_text(encoding="utf-8") != key:
                return False
        except OSError:
            return False
        shutil.rmtree(destination, ignore_errors=True)
        _linked_copy(self._place / FILES, destination)
        return True

    def keep(self, key: str, source: Path) -> None:
        if self._place is not None:
            _PENDING_FOLDERS.append((self, key, source))

    def _save(self, key: str, source: Path) -> None:
        self._place.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(dir=self._place.parent, suffix=".tmp"))
        _linked_copy(source, fresh / FILES)
        # The key last: a copy cut short has none, and is never restored.
        (fresh / KEY_FILE).write_text(key, encoding="utf-8")
        shutil.rmtree(self._place, ignore_errors=True)
        fresh.rename(self._place)


def _linked_copy(source: Path, destination: Path) -> None:
    """`source` copied as hard links, which cost no bytes and almost no time,
    or as copies where the filesystem has none or `destination` is on another.

    A kept folder and the site then share their files, so whatever writes into
    either must replace a file (write anew and rename), never write into it:
    Pagefind writes its bundle into an emptied folder and search/stable.py
    replaces the files it rewrites. Not on Windows: a file a reader holds open
    there (the preview serves the site) cannot be removed, so a bundle could
    not be emptied before Pagefind writes over it.
    """
    if os.name != "nt":
        try:
            shutil.copytree(source, destination, copy_function=os.link)
            return
        except OSError:  # shutil.Error too: no links here, or across filesystems
            shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(source, destination)


_PENDING_FOLDERS: list[tuple[KeptFolder, str, Path]] = []


def save_kept_folders() -> None:
    """After a build that passed: the folders its plugins asked to keep."""
    for kept, key, source in _PENDING_FOLDERS:
        kept._save(key, source)
    forget_kept_folders()


def forget_kept_folders() -> None:
    _PENDING_FOLDERS.clear()


KEY_FILE = "key"
FILES = "files"


class TextMemo:
    """``function(text)`` for a pure function of a text, by the text's hash;
    kept between builds in the folder of the build's key (`load`, `save`)."""

    def __init__(self, name: str, function: Callable[[str], T]):
        self.name = name
        self._function = function
        self._file: Path | None = None
        self._known: dict[bytes, T] = {}
        self._used: dict[bytes, T] = {}

    def __call__(self, text: str) -> T:
        key = file_digest(text.encode("utf-8", "surrogatepass"))
        found = self._used.get(key)
        if found is None:
            found = self._known.get(key)
            if found is None:
                found = self._function(text)
            self._used[key] = found
        return found

    def load(self, folder: Path | None) -> None:
        """At the start of a build: what the last build under this key kept."""
        self._file = folder / f"{self.name}.pickle" if folder else None
        self._known = load_pickle(self._file) or {}
        self._used = {}

    def save(self) -> None:
        if self._file:
            save_pickle(self._file, self._used)


# Every TextMemo a plugin made, loaded and saved by the build_speed plugin.
TEXT_MEMOS: list[TextMemo] = []


def remembered(name: str, function: Callable[[str], T]) -> TextMemo:
    memo = TextMemo(name, function)
    TEXT_MEMOS.append(memo)
    return memo
