"""The link check reads the pages while the search index is still being written,
and checks the links to the index once it is done."""

import logging
import threading
from types import SimpleNamespace

import pytest

import links
from chamber import background
from links.settings import checked_settings

SITE = "https://palata.example.ru"


def page(body: str) -> str:
    return f"<!doctype html><html lang=ru><head><title>т</title></head><body>{body}</body></html>"


@pytest.fixture(autouse=True)
def nothing_left_running():
    yield
    background.stop()


def site(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text(
        page('<script src="/pagefind/pagefind-ui.js"></script>'), encoding="utf-8"
    )
    (output / "search.html").write_text(
        page('<script src="/pagefind/net.js"></script>'), encoding="utf-8"
    )
    settings = {
        "PATH": str(tmp_path / "content"),
        "SITEURL": SITE,
        "STATIC_PATHS": ["files", "images"],
        "LINKS_STOP_ON_ERRORS": False,
    }
    settings.update(checked_settings(settings))
    return SimpleNamespace(settings=settings, output_path=str(output))


def test_pages_are_read_while_the_index_is_pending_and_its_files_checked_after(
    tmp_path, monkeypatch, caplog
):
    pelican = site(tmp_path)
    bundle = tmp_path / "output" / "pagefind"
    read_while_pending = []
    pages_read = threading.Event()
    scan_file = links.scan_file

    def watched_scan(path):
        read_while_pending.append((path.name, bundle in background.busy_folders()))
        pages_read.set()
        return scan_file(path)

    def fake_indexer():
        # Writes its bundle only once the link check has read a page: a check
        # that waited for the index first would never get that far.
        if not pages_read.wait(5):
            raise RuntimeError("the pages were not read while indexing")
        bundle.mkdir()
        (bundle / "pagefind-ui.js").write_text("export {}", encoding="utf-8")

    monkeypatch.setattr(links, "scan_file", watched_scan)
    background.start(bundle, fake_indexer, pages_read.set)
    with caplog.at_level(logging.ERROR, logger="links"):
        links.check_links(pelican)

    assert sorted(read_while_pending) == [("index.html", True), ("search.html", True)]
    assert background.busy_folders() == []
    assert [record.getMessage() for record in caplog.records] == [
        "страница search.html (и другие с той же ссылкой): ссылка «/pagefind/net.js» "
        "не работает: файла или страницы «pagefind/net.js» на сайте нет.",
        "Найдено: 1\N{NO-BREAK SPACE}битая ссылка. Исправьте ссылки и запустите сборку снова.",
    ]


def test_the_index_s_failure_comes_out_of_the_link_check(tmp_path):
    pelican = site(tmp_path)

    def failing_indexer():
        raise RuntimeError("поиск: Pagefind не смог построить указатель")

    background.start(tmp_path / "output" / "pagefind", failing_indexer, lambda: None)
    with pytest.raises(RuntimeError, match=r"^поиск: Pagefind не смог"):
        links.check_links(pelican)
    assert background.busy_folders() == []
