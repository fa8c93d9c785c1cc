"""The kept Pagefind bundle shares its files with the site as hard links, so no
step that rewrites the site's bundle may write into a file: the preview indexes
its folder again and again, and a kept bundle changed that way would be restored
later for pages it was not made from."""

import os

import pytest

from build_cache import KeptFolder, forget_kept_folders, save_kept_folders
from search.indexing import BUNDLE, index_site
from search.settings import DEFAULTS
from search.stable import ENTRY

TIMEOUT = DEFAULTS["SEARCH_TIMEOUT"]

PAGE = (
    '<!doctype html><html lang="ru"><body><main><article data-pagefind-body '
    'data-pagefind-filter="section[data-search-section]" '
    'data-search-section="{section}"><h1>{title}</h1><p>Текст о бюджете.</p>'
    "</article></main></body></html>"
)


@pytest.fixture(autouse=True)
def nothing_pending():
    yield
    forget_kept_folders()


def tree(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def write_pages(site, titles):
    for number, title in enumerate(titles):
        page = site / f"p{number}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            PAGE.format(title=title, section=f"Раздел {number}"), encoding="utf-8"
        )


@pytest.mark.skipif(os.name == "nt", reason="copied, not linked, on Windows")
def test_indexing_again_in_the_same_folder_leaves_the_kept_bundle_whole(
    tmp_path, run_apart
):
    site = tmp_path / "preview"
    kept = KeptFolder(tmp_path / "cache", "pagefind")
    write_pages(site, ["Бюджет", "Агломерация"])
    run_apart(index_site, site, kept, TIMEOUT)
    save_kept_folders()
    # The same pages: the kept bundle is restored, as links.
    run_apart(index_site, site, kept, TIMEOUT)
    entry = site / BUNDLE / ENTRY
    kept_entry = tmp_path / "cache" / "pagefind" / "files" / ENTRY
    assert entry.stat().st_ino == kept_entry.stat().st_ino
    before = tree(tmp_path / "cache")
    # One page changes: Pagefind and stabilise() rewrite the bundle in place of
    # the restored one, before this build keeps anything.
    write_pages(site, ["Бюджет", "Транспорт"])
    assert run_apart(index_site, site, kept, TIMEOUT) == 2
    assert tree(site / BUNDLE) != tree(tmp_path / "cache" / "pagefind" / "files")
    assert tree(tmp_path / "cache") == before
