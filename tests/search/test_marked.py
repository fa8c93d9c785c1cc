"""Pagefind is given only the pages marked `data-pagefind-body`: a marked page is
never left out, one that only names the attribute in its text is."""

import json

import pytest

import search.indexing
import search.marked
from build_cache import KeptFolder
from search.marked import MarkedPages, is_marked, pagefind_globs
from search.settings import DEFAULTS
from search.stable import ENTRY

TIMEOUT = DEFAULTS["SEARCH_TIMEOUT"]

PUBLICATION = (
    '<!doctype html><html lang="ru"><body><header><a href="/">Палата</a></header>'
    '<main><article class="publication" data-pagefind-body '
    'data-search-section="Статьи"><h1>Бюджет {title}</h1><p>Текст о бюджете.</p>'
    "</article></main></body></html>"
)
LIST = (
    '<!doctype html><html lang="ru"><body><main><h1>Статьи</h1>'
    '<ul><li><a href="/a/">Бюджет</a></li></ul></main></body></html>'
)
# An article about the site itself: the attribute's name as prose and as code.
ABOUT_THE_SITE = (
    '<!doctype html><html lang="ru"><body><main><h1>Как устроен поиск</h1>'
    "<p>Атрибут data-pagefind-body отмечает текст для поиска.</p>"
    "<pre><code>&lt;article data-pagefind-body&gt;</code></pre></main></body></html>"
)


@pytest.mark.parametrize(
    "page",
    [
        PUBLICATION.format(title=""),
        "<html><body><MAIN DATA-PAGEFIND-BODY><p>x</p></MAIN></body></html>",
        # A `>` in a quoted value before it: the quick look is unsure, the parse is not.
        '<html><body><article title="1 > 0" data-pagefind-body></article></body></html>',
        '<html><body><article class="a"data-pagefind-body></article></body></html>',
        # Prose first, the real attribute later.
        ABOUT_THE_SITE.replace("</main>", "<div data-pagefind-body>x</div></main>"),
    ],
)
def test_a_page_with_the_attribute_is_marked(page):
    assert is_marked(page.encode("utf-8")) is True


@pytest.mark.parametrize("page", [LIST, ABOUT_THE_SITE, ""])
def test_a_page_without_the_attribute_is_not(page):
    assert is_marked(page.encode("utf-8")) is False


def test_the_glob_names_exactly_the_marked_pages():
    pages = MarkedPages()
    pages.note("b/index.html", PUBLICATION.encode())
    pages.note("index.html", LIST.encode())
    pages.note("about/index.html", ABOUT_THE_SITE.encode())
    pages.note("a/index.html", PUBLICATION.encode())
    # Pagefind's own glob reads `.html` only, case and all.
    pages.note("c/INDEX.HTML", PUBLICATION.encode())
    assert pages.globs() == ("{a/index.html,b/index.html}",)


@pytest.mark.parametrize(
    "odd", ["{x}", "a,b", "[1]", "x*", "what?", "a\\b", "a b", "<a:1>", "статья"]
)
def test_a_path_the_glob_would_misread_gives_pagefind_every_page(odd):
    assert pagefind_globs(["a/index.html", f"{odd}/index.html"]) is None


def test_no_marked_page_gives_pagefind_every_page():
    # Pagefind then indexes every page whole, as it did before.
    assert pagefind_globs([]) is None


def test_a_site_of_many_pages_is_given_in_several_globs_naming_each_page_once():
    names = [f"articles/statya-{number}/index.html" for number in range(4500)]
    globs = pagefind_globs(list(reversed(names)))
    parts = [glob.removeprefix("{").removesuffix("}").split(",") for glob in globs]
    assert [len(part) for part in parts] == [2000, 2000, 500]
    assert [name for part in parts for name in part] == sorted(names)


def write_site(site, pages):
    for relative, html in pages.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(html, encoding="utf-8")


def indexed(site, run):
    """Index `site` with Pagefind through `run` (the `run_apart` fixture); its
    page count."""
    count = run(search.indexing.index_site, site, KeptFolder(None, "pagefind"), TIMEOUT)
    entry = json.loads((site / "pagefind" / ENTRY).read_text(encoding="utf-8"))
    assert entry["languages"]["ru"]["page_count"] == count
    return count


def test_pagefind_reads_only_the_marked_pages_and_indexes_them(
    tmp_path, globs_given, run_apart
):
    write_site(
        tmp_path,
        {
            "index.html": LIST,
            "a/index.html": PUBLICATION.format(title="один"),
            "b/index.html": PUBLICATION.format(title="два"),
            "about/index.html": ABOUT_THE_SITE,
        },
    )
    count = indexed(tmp_path, run_apart)
    assert globs_given == ["{a/index.html,b/index.html}"]
    assert count == 2


def test_pagefind_indexes_every_page_of_several_globs(
    tmp_path, monkeypatch, globs_given, run_apart
):
    write_site(
        tmp_path,
        {
            "index.html": LIST,
            **{f"{n}/index.html": PUBLICATION.format(title=n) for n in "abc"},
        },
    )
    monkeypatch.setattr(search.marked, "GLOB_NAMES", 2)
    count = indexed(tmp_path, run_apart)
    assert globs_given == ["{a/index.html,b/index.html}", "{c/index.html}"]
    assert count == 3


def test_a_marked_page_at_an_odd_path_is_indexed_too(tmp_path, globs_given, run_apart):
    write_site(
        tmp_path,
        {
            "index.html": LIST,
            "a/index.html": PUBLICATION.format(title="один"),
            "b,{c}/index.html": PUBLICATION.format(title="два"),
        },
    )
    count = indexed(tmp_path, run_apart)
    assert globs_given == [None]
    assert count == 2
