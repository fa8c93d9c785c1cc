"""Work left running in the background is waited for, its failure raised there,
and a failed build ends it, child process included."""

import asyncio
import threading

import pytest

from chamber import background


@pytest.fixture(autouse=True)
def nothing_left_running():
    yield
    background.stop()


def test_the_folder_is_busy_until_the_work_is_waited_for(tmp_path):
    release = threading.Event()
    written = []

    def work():
        assert release.wait(5)
        written.append((tmp_path / "bundle").name)

    background.start(tmp_path / "bundle", work, release.set)
    assert background.busy_folders() == [tmp_path / "bundle"]
    assert written == []
    release.set()
    background.wait()
    assert written == ["bundle"]
    assert background.busy_folders() == []


def test_the_work_s_failure_is_raised_by_the_wait_once(tmp_path):
    def work():
        raise RuntimeError("поиск: Pagefind не смог построить указатель")

    background.start(tmp_path, work, lambda: None)
    with pytest.raises(RuntimeError, match=r"^поиск: Pagefind не смог"):
        background.wait()
    background.wait()  # raised once: the failed build has been told
    assert background.busy_folders() == []


def test_stop_cancels_a_coroutine_where_it_waits_and_its_async_with_closes(tmp_path):
    events = []
    waiting = threading.Event()

    class Child:
        async def __aenter__(self):
            events.append("started")
            waiting.set()

        async def __aexit__(self, *_exc):
            events.append("ended")  # where PagefindService ends its binary

    async def index():
        async with Child():
            await asyncio.sleep(60)
        events.append("finished")

    run = background.CancellableRun()
    background.start(tmp_path, lambda: run(index()), run.cancel)
    assert waiting.wait(5)
    background.stop()
    assert events == ["started", "ended"]
    assert background.busy_folders() == []


def test_stop_before_the_coroutine_starts_never_starts_it(tmp_path):
    events = []
    may_go = threading.Event()

    async def index():
        events.append("started")

    run = background.CancellableRun()

    def work():
        assert may_go.wait(5)
        run(index())

    background.start(tmp_path, work, lambda: (run.cancel(), may_go.set()))
    background.stop()
    assert events == []
