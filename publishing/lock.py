"""One build or publication per output folder at a time.

The lock file lives in the system's temporary folder, named after the output
folder, so that nothing is left next to the output.
"""

import hashlib
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

# A build takes seconds; a publication to a slow bucket, minutes.
WAIT_SECONDS = 15 * 60


class OutputBusy(RuntimeError):
    pass


def lock_path(output: Path) -> Path:
    key = hashlib.sha256(str(output).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"palata-output-{key}.lock"


@contextmanager
def output_lock(output: Path, say: Callable[[str], None]) -> Iterator[None]:
    lock = FileLock(lock_path(output))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        say(
            f"Папка {output} занята другой сборкой или публикацией; "
            f"ждём, пока она закончится (не дольше {round(WAIT_SECONDS / 60)} мин)…"
        )
        try:
            lock.acquire(timeout=WAIT_SECONDS)
        except Timeout:
            raise OutputBusy(
                f"Папка {output} занята другой сборкой дольше {round(WAIT_SECONDS / 60)} мин; "
                "ничего не изменено. Повторите, когда она закончится."
            ) from None
    try:
        yield
    finally:
        lock.release()
