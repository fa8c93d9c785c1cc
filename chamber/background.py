"""Work a plugin leaves running while the build goes on, and the waits for it.

At `finalized` Pagefind indexes the pages in a process of its own for seconds,
while the main process would sit idle; the link check reads the same pages
meanwhile, on the other core. The plugin that starts such work names the folder
it writes (`start`); whoever reads that folder, or keeps what is in it, waits
for it first (`wait`), and the build never ends with any still running: a
failed or interrupted build ends it (`stop`) before its staging folder is
discarded. Not part of a plugin, since plugins do not import each other.
"""

import asyncio
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class _Work:
    def __init__(
        self, folder: Path, work: Callable[[], None], stop: Callable[[], None]
    ):
        self.folder = folder
        self.stop = stop
        self.error: BaseException | None = None
        # Not a daemon: the interpreter does not exit from under it.
        self.thread = threading.Thread(
            target=self._run, args=(work,), name=f"background: {folder.name}"
        )
        self.thread.start()

    def _run(self, work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as error:  # handed to whoever waits, as raised
            self.error = error


_PENDING: list[_Work] = []


def start(folder: Path, work: Callable[[], None], stop: Callable[[], None]) -> None:
    """Run `work`, which writes only under `folder`, in a thread; `stop`, called
    from another thread, makes it end soon."""
    _PENDING.append(_Work(folder, work, stop))


def busy_folders() -> list[Path]:
    """The folders work started and not yet waited for may still be writing."""
    return [work.folder for work in _PENDING]


def wait() -> None:
    """Until all the work started has ended; the first failure is raised here."""
    while _PENDING:
        work = _PENDING[0]
        work.thread.join()
        _PENDING.pop(0)
        if work.error is not None:
            raise work.error


def stop() -> None:
    """After a failed or interrupted build: the work ended now, its results and
    failures dropped, so nothing writes into a folder about to be discarded."""
    for work in _PENDING:
        work.stop()
    for work in _PENDING:
        work.thread.join()
    _PENDING.clear()


class CancellableRun:
    """`asyncio.run` for work in a thread, with `cancel` for another thread: the
    coroutine is cancelled where it waits, so its `async with` blocks close
    what they opened (a child process is ended)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._cancelled = False
        self._running: tuple[asyncio.AbstractEventLoop, asyncio.Task] | None = None

    def __call__(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run(self._main(coroutine))

    async def _main(self, coroutine: Coroutine[Any, Any, T]) -> T:
        with self._lock:
            if self._cancelled:
                coroutine.close()
                raise asyncio.CancelledError
            self._running = (asyncio.get_running_loop(), asyncio.current_task())
        try:
            return await coroutine
        finally:
            with self._lock:
                self._running = None

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._running:
                loop, task = self._running
                loop.call_soon_threadsafe(task.cancel)
