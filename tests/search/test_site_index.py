"""Pagefind fed the marked pages in batches while the site is written, and the
rest once all are: the same pages in the index, each once, and the same bundle
from the same site."""

import json

import pytest

import search.indexing
from build_cache import KeptFolder
from search.indexing import BUNDLE, SiteIndex
from search.settings import DEFAULTS
from search.stable import ENTRY

TIMEOUT = DEFAULTS["SEARCH_TIMEOUT"]
PUBLICATION = (
    '<!doctype html><html lang="ru"><body><main><article data-pagefind-body>'
    "<h1>Бюджет {title}</h1><p>Текст о бюджете города {title}.</p>"
    "</article></main></body></html>"
)
LIST = (
    '<!doctype html><html lang="ru"><body><main><h1>Статьи</h1>'
    '<ul><li><a href="/a/">Бюджет</a></li></ul></main></body></html>'
)


@pytest.fixture
def handed(globs_given, monkeypatch):
    """The globs Pagefind is given, in order; two marked pages a batch."""
    monkeypatch.setattr(search.indexing, "BATCH", 2)
    return globs_given


def write(site, relative, html):
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path.read_bytes()


def build(site, pages, run_apart, written_late=()):
    """Write `pages` one by one, as Pelican's writer does, telling the index of
    each; then `written_late` without telling it (files other writers make)."""
    index = SiteIndex(site, KeptFolder(None, "pagefind"), TIMEOUT)
    for relative, html in pages.items():
        index.page_written(relative, write(site, relative, html))
    for relative, html in dict(written_late).items():
        write(site, relative, html)
    index.all_written()
    return run_apart(index.work)


def bundle(site):
    return {
        path.relative_to(site / BUNDLE).as_posix(): path.read_bytes()
        for path in sorted((site / BUNDLE).rglob("*"))
        if path.is_file()
    }


SITE = {
    "index.html": LIST,
    **{f"{name}/index.html": PUBLICATION.format(title=name) for name in "abc"},
    "tags/index.html": LIST,
}


def test_batches_are_handed_while_written_and_the_rest_at_the_end(
    tmp_path, handed, run_apart
):
    count = build(
        tmp_path, SITE, run_apart, {"d/index.html": PUBLICATION.format(title="d")}
    )
    assert handed == ["{a/index.html,b/index.html}", "{c/index.html,d/index.html}"]
    assert count == 4
    entry = json.loads((tmp_path / BUNDLE / ENTRY).read_text(encoding="utf-8"))
    assert entry["languages"]["ru"]["page_count"] == 4


def test_the_same_site_written_again_gives_the_same_bundle(tmp_path, run_apart):
    build(tmp_path / "first", SITE, run_apart)
    build(tmp_path / "second", SITE, run_apart)
    assert bundle(tmp_path / "first") == bundle(tmp_path / "second")
    assert len(bundle(tmp_path / "first")) > 5


def test_a_page_whose_path_is_no_glob_makes_pagefind_start_over(
    tmp_path, handed, run_apart
):
    pages = {
        "a/index.html": PUBLICATION.format(title="a"),
        "b/index.html": PUBLICATION.format(title="b"),
        "c,{d}/index.html": PUBLICATION.format(title="c"),
        "e/index.html": PUBLICATION.format(title="e"),
    }
    count = build(tmp_path, pages, run_apart)
    # The first batch, then every page once by Pagefind's own glob.
    assert handed == ["{a/index.html,b/index.html}", None]
    assert count == 4


def test_a_page_written_over_makes_pagefind_start_over(tmp_path, handed, run_apart):
    index = SiteIndex(tmp_path, KeptFolder(None, "pagefind"), TIMEOUT)
    for relative, title in [("a/index.html", "a"), ("b/index.html", "b")]:
        index.page_written(
            relative, write(tmp_path, relative, PUBLICATION.format(title=title))
        )
    # Pagefind may have read the first text already.
    page = write(tmp_path, "a/index.html", PUBLICATION.format(title="новый"))
    index.page_written("a/index.html", page)
    index.all_written()
    assert run_apart(index.work) == 2
    assert handed == ["{a/index.html,b/index.html}"] * 2
