"""What reading a publication may look at besides its own file.

A meeting reads its transcript; a video, an attachment or an image named in a
field must exist, and a video's or an attachment's size is shown. Reading one
publication never looks at another publication's file: whatever compares
publications (slugs, addresses, plan references) runs after all are read.
So a reading kept from an earlier build holds while the publication's bytes and
every other file of the content folder are as they were; this is the digest
of the latter.
"""

import hashlib
import os
from pathlib import Path

from chamber.sections import COMPANION_FOLDERS, is_markdown_name, section_of

# Smaller files are hashed whole; a larger one (a video, a scanned PDF) by its
# size and time of change: only its existence and size reach a page, and
# hashing gigabytes on every build would cost more than the reading it spares.
HASHED_UP_TO = 1024 * 1024


def is_publication(relative: str) -> bool:
    """A file read as a publication: its own bytes are part of its reading's key."""
    if section_of(relative) is None or not is_markdown_name(relative.rsplit("/")[-1]):
        return False
    return not relative.startswith(tuple(f"{folder}/" for folder in COMPANION_FOLDERS))


def other_inputs_digest(content_dir: Path) -> bytes:
    """A digest of the path and bytes (or size and time) of every file under
    ``content_dir`` that is not a publication, links included as links."""
    digest = hashlib.blake2b(digest_size=20)
    for top, folders, names in os.walk(content_dir):
        folders.sort()
        # A linked folder is not walked into (nor read through), but is there.
        linked = [name for name in folders if Path(top, name).is_symlink()]
        for name in sorted([*names, *linked]):
            path = Path(top, name)
            relative = path.relative_to(content_dir).as_posix()
            if is_publication(relative):
                continue
            digest.update(relative.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(_stamp(path))
    return digest.digest()


def _stamp(path: Path) -> bytes:
    try:
        if path.is_symlink():
            return b"link:" + os.readlink(path).encode("utf-8", "surrogateescape")
        status = path.stat()
        if status.st_size <= HASHED_UP_TO:
            return hashlib.blake2b(path.read_bytes(), digest_size=20).digest()
        return f"{status.st_size}:{status.st_mtime_ns}".encode()
    except OSError as error:  # unreadable: a reading of it fails the same way
        return f"error:{error.errno}".encode()
