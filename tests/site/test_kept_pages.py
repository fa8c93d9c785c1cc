"""Pages kept between builds, seen on the built site.

The kept pages are poisoned on purpose: a marker written into every page the last
build kept shows on exactly the pages a rebuild takes from the cache instead of
rendering them. That a rebuild equals a cold build after each kind of edit is
`test_incremental.py`'s concern; this shows the cache is really used, and left
alone where it must be.
"""

import pickle
import zlib

import pytest
from bs4 import BeautifulSoup

from build_speed.kept_pages import KEPT_FILE
from sitebuild import Project, file_digests, reader_text

SITE = "contract_real_year"
ARTICLE = "articles/2021-03-kazan.md"
ARTICLE_PAGE = (
    "articles/kazan-kak-stolitsa-tatarstana-upravlyaet-razvitiem-aglomeratsii"
)
OTHER_ARTICLE = "articles/2021-07-tyumen.md"
OTHER_ARTICLE_PAGE = "articles/tyumen"
POISON = "Страница из прошлой сборки"


# Well past the part of a text its summary and description are cut from: an
# edit there changes only the body, which only the pages showing it read.
LONG_ENDING = (
    "\n## Подробности\n\n"
    + "Города агломерации согласуют планы транспорта, жилья и работы. " * 40
    + "\n\nПоследнее слово.\n"
)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("kept"), SITE)
    with open(project.content / ARTICLE, "a", encoding="utf-8") as article:
        article.write(LONG_ENDING)
    project.build()
    return project


def poison(project: Project) -> None:
    """Write the marker into every page the last build kept."""
    kept = max(project.cache.glob(f"*/{KEPT_FILE}"), key=lambda p: p.stat().st_mtime)
    pages = pickle.loads(kept.read_bytes())
    kept.write_bytes(
        pickle.dumps(
            {
                key: (reads, _poisoned_page(packed))
                for key, (reads, packed) in pages.items()
            }
        )
    )


def _poisoned_page(packed: bytes) -> bytes:
    html = zlib.decompress(packed).decode("utf-8")
    return zlib.compress(
        html.replace("</main>", f"<p>{POISON}</p></main>", 1).encode("utf-8")
    )


def poisoned(soup: BeautifulSoup) -> bool:
    return POISON in soup.get_text()


# The tests below run in this order on one project copy, each building on the
# cache the one before left.


def test_a_rebuild_with_nothing_changed_takes_every_page_from_the_cache(project):
    poison(project)
    project.build()
    pages = {name: soup for name, soup in project.pages().items() if soup.find("main")}
    assert len(pages) > 20
    assert [name for name, soup in pages.items() if not poisoned(soup)] == []


def test_a_word_in_an_article_body_renders_only_what_shows_that_body(project):
    poison(project)
    project.edit(
        project.content / ARTICLE, "Последнее слово.", "Последнее слово статьи."
    )
    project.build()
    article = project.page(ARTICLE_PAGE)
    assert "Последнее слово статьи." in reader_text(article)
    assert not poisoned(article)
    assert poisoned(project.page(OTHER_ARTICLE_PAGE))
    assert poisoned(project.page("plan/2021"))
    # The article confirms item 13, whose page lists its title, not its body.
    assert poisoned(project.page("plan/2021/items/13"))


def test_a_word_in_an_article_summary_spares_the_pages_that_do_not_show_it(
    project,
):
    poison(project)
    project.edit(
        project.content / ARTICLE,
        "Схема управления агломерацией показана ниже",
        "Схема управления агломерацией Казани показана ниже",
    )
    project.build()
    article = project.page(ARTICLE_PAGE)
    assert "агломерацией Казани показана" in reader_text(article)
    assert not poisoned(article)
    listing = project.page("articles")
    assert "агломерацией Казани показана" in reader_text(listing)
    assert not poisoned(listing)
    assert poisoned(project.page(OTHER_ARTICLE_PAGE))


def test_an_article_title_renders_every_page_anew(project):
    poison(project)
    project.edit(
        project.content / OTHER_ARTICLE,
        "Title: Тюмень: практики муниципального управления",
        "Title: Тюмень: лучшие практики муниципального управления",
    )
    project.build()
    assert "Тюмень: лучшие практики" in reader_text(project.page(OTHER_ARTICLE_PAGE))
    assert "Тюмень: лучшие практики" in reader_text(project.page("plan/2021/items/13"))
    pages = project.pages()
    assert [name for name, soup in pages.items() if poisoned(soup)] == []


def test_with_relative_addresses_pages_are_reused_and_a_rebuild_is_a_cold_build(
    tmp_path,
):
    """Without SITEURL each page gets its own relative address, which Pelican's
    writer puts into the shared data just before rendering it."""
    project = Project(tmp_path, SITE, siteurl="")
    project.build()
    project.edit(
        project.content / ARTICLE,
        "Текст статьи о том, как",
        "Текст статьи о том, как именно",
    )
    project.build()
    (tmp_path / "cold").mkdir()
    cold = tmp_path / "cold" / "output"
    project.build(cold)
    assert file_digests(project.output.resolve()) == file_digests(cold.resolve())
    poison(project)
    project.build()
    assert poisoned(project.page(OTHER_ARTICLE_PAGE))
    assert poisoned(project.page(ARTICLE_PAGE))
