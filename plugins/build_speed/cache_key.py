"""The cache key: everything besides a file's own text that could change a build.

The settings as the plugins left them, the code (the core, plugins, settings files,
publishing, every installed package's version), the theme's templates and
files, and the reference data in the content folder (plan files, a cities
file). Any change there gives a new key, so nothing kept under an old one is
used: slower once, never stale.
"""

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

# Reprs that name an object's address would give a new key on every run.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def stable_text(value) -> str:
    """A text that changes exactly when a settings value does, run after run."""
    if isinstance(value, Mapping):
        items = sorted((stable_text(k), stable_text(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(stable_text(item) for item in value) + "]"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(stable_text(item) for item in value)) + "}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # Its repr shows sets in the order of this run's string hashes.
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return type(value).__qualname__ + stable_text(fields)
    if callable(value) and hasattr(value, "__qualname__"):
        # Its code is in the key through the files it is defined in.
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return _ADDRESS.sub("", repr(value))


def tree_files(roots: Iterable[Path], suffixes: tuple[str, ...] = ()) -> list[Path]:
    files = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files += [
                path
                for path in sorted(root.rglob("*"))
                if path.is_file()
                and "__pycache__" not in path.parts
                and (not suffixes or path.suffix in suffixes)
            ]
    return files


def cache_key(settings: Mapping, code: Iterable[Path], data: Iterable[Path]) -> str:
    """A short hex key over the settings, the code and data files, the packages."""
    key = hashlib.blake2b(digest_size=12)
    key.update(stable_text(dict(settings)).encode("utf-8"))
    for path in [*code, *data]:
        key.update(str(path).encode("utf-8") + b"\0")
        key.update(hashlib.blake2b(path.read_bytes()).digest())
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()
    )
    key.update("\n".join(packages).encode("utf-8"))
    return key.hexdigest()
