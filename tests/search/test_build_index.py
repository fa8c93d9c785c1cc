"""Pagefind runs in the background until after `finalized`; its failure still
fails the build with one Russian line, and a build stopped meanwhile ends it."""

import asyncio
import logging
import threading
from types import SimpleNamespace

import pelican
import pelican.log
import pytest

import search
import search.indexing
from chamber import background
from publishing.pelican_run import run_pelican
from search.settings import DEFAULTS


@pytest.fixture(autouse=True)
def nothing_left_running():
    yield
    background.stop()


class Instance:
    """Pelican's run, down to search's receiver at `finalized` and what follows."""

    def __init__(self, site, after=lambda: None, timeout=DEFAULTS["SEARCH_TIMEOUT"]):
        self.site = SimpleNamespace(
            settings={
                "SEARCH_INDEX": True,
                "BUILD_SPEED_CACHE_FOLDER": None,
                "SEARCH_TIMEOUT": timeout,
            },
            output_path=str(site),
        )
        self.after = after

    def run(self):
        search.begin_index(self.site)
        search.build_index(self.site)
        self.after()


def built_with(monkeypatch, tmp_path, instance) -> bool:
    monkeypatch.setattr(pelican, "get_instance", lambda args: (instance, {}))
    monkeypatch.setattr(pelican.log, "init", lambda **_options: None)
    return run_pelican(tmp_path, tmp_path / "out", tmp_path / "conf.py", {})


def site_with_a_page(tmp_path):
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("<html lang=ru></html>", encoding="utf-8")
    return site


def test_a_pagefind_failure_fails_the_build_with_the_russian_message(
    tmp_path, monkeypatch, caplog
):
    site = site_with_a_page(tmp_path)

    async def failing(_index):
        raise OSError("нет места на диске")

    monkeypatch.setattr(search.indexing.SiteIndex, "_pagefind", failing)
    # Nothing after search waits for it: the end of the build does.
    with caplog.at_level(logging.CRITICAL, logger="pelican"):
        succeeded = built_with(monkeypatch, tmp_path, Instance(site))
    assert succeeded is False
    assert [r.getMessage() for r in caplog.records] == [
        "IndexingError: поиск: Pagefind не смог построить указатель в "
        f"{site / 'pagefind'}: нет места на диске"
    ]
    assert background.busy_folders() == []


@pytest.mark.parametrize("stop", [SystemExit(1), KeyboardInterrupt()])
def test_a_build_stopped_while_indexing_ends_pagefind_before_it_returns(
    tmp_path, monkeypatch, stop
):
    site = site_with_a_page(tmp_path)
    indexing = threading.Event()
    events = []

    async def slow(index):
        try:
            events.append("started")
            indexing.set()
            await asyncio.sleep(60)
            (index.site / "pagefind").mkdir()
        finally:
            events.append("ended")  # PagefindService ends its binary here

    def link_check_fails():
        assert indexing.wait(5)
        raise stop

    monkeypatch.setattr(search.indexing.SiteIndex, "_pagefind", slow)
    instance = Instance(site, link_check_fails)
    if isinstance(stop, KeyboardInterrupt):
        # The build task sees it and discards the release.
        with pytest.raises(KeyboardInterrupt):
            built_with(monkeypatch, tmp_path, instance)
    else:
        assert built_with(monkeypatch, tmp_path, instance) is False
    assert events == ["started", "ended"]
    assert not (site / "pagefind").exists()
    assert background.busy_folders() == []


def test_pagefind_that_takes_too_long_is_stopped_and_fails_the_build(
    tmp_path, monkeypatch, caplog
):
    site = site_with_a_page(tmp_path)
    events = []

    async def hanging(_index):
        try:
            events.append("started")
            await asyncio.sleep(60)
        finally:
            events.append("ended")  # PagefindService ends its binary here

    monkeypatch.setattr(search.indexing.SiteIndex, "_pagefind", hanging)
    with caplog.at_level(logging.CRITICAL, logger="pelican"):
        succeeded = built_with(monkeypatch, tmp_path, Instance(site, timeout=0.2))
    assert succeeded is False
    assert [r.getMessage() for r in caplog.records] == [
        "IndexingError: поиск: Pagefind не построил указатель за 0,2 с и "
        "остановлен. Запустите сборку снова; если это повторится, увеличьте "
        "SEARCH_TIMEOUT в pelicanconf.py или сообщите разработчикам."
    ]
    assert events == ["started", "ended"]
    assert background.busy_folders() == []
