"""What Word leaves in a text: no crash, no traceback, one Russian message a file."""

import feedparser
import pytest
from lxml import etree

from sitebuild import (
    build_over_published,
    built_fixture_site,
    copy_fixture_site,
    tree_digest,
)
from texts import publication


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("word_text", tmp_path_factory.mktemp("word_text"))


@pytest.fixture(scope="module")
def failed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("word_errors")
    content = copy_fixture_site("word_errors", folder)
    # An 8 MB pasted image: made here rather than committed.
    (content / "articles" / "ogromnyy.md").write_text(
        publication(
            "![Фото](data:image/png;base64," + "A" * (8 * 1024 * 1024) + ")",
            Title="Огромный файл",
            Date="2021-04-05",
        ),
        encoding="utf-8",
    )
    return build_over_published(content, folder / "output")


def test_control_characters_are_a_warning_naming_the_file(site):
    assert (
        "articles/shift-enter.md:1: предупреждение (сборка продолжается): в тексте "
        "были невидимые управляющие символы"
    ) in site.log
    assert "Traceback" not in site.log


def test_control_characters_are_gone_from_the_page(site):
    page = site.html("articles/itogi-goda/")
    assert page.find("h1").get_text(strip=True) == "Итоги года"
    text = page.get_text().replace("\u00a0", " ")  # typography binds short words
    assert "Первая строка вторая строка." in text
    assert "Абзац со звонком и разделителем." in text


def test_every_feed_is_well_formed_xml(site):
    feeds = [
        p
        for p in site.output.rglob("*.xml")
        if b"<rss" in p.read_bytes() or b"<feed" in p.read_bytes()
    ]
    assert feeds
    for feed in feeds:
        etree.fromstring(feed.read_bytes())  # raises on a control character
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.bozo_exception)
    titles = {e.title for f in feeds for e in feedparser.parse(f.read_bytes()).entries}
    assert "Итоги года" in titles


def test_a_long_title_gets_a_slug_of_at_most_80_characters(site):
    (folder,) = [
        p
        for p in (site.output / "articles").iterdir()
        if p.name.startswith("predlozheniya")
    ]
    assert len(folder.name) <= 80
    assert folder.name.startswith("predlozheniya-palaty-gorodov-tsentrov-")
    assert not folder.name.endswith("-")
    assert (folder / "index.html").is_file()


def test_an_inline_image_is_named_with_its_line(failed):
    built, _ = failed
    assert (
        "articles/vstavlennaya-kartinka.md:6: в тексте встроены данные "
        "«data:image/png;base64,iVBORw0KGgoAAAANSU…»"
    ) in built.log


def test_an_oversized_file_is_named_with_its_size(failed):
    built, _ = failed
    assert "articles/ogromnyy.md: файл занимает 8,0 МБ" in built.log


def test_the_run_reports_everything_and_leaves_the_site(failed):
    built, before = failed
    assert built.result.returncode != 0
    assert "Найдено: 2\u00a0ошибки в 2\u00a0файлах." in built.log
    assert "Traceback" not in built.log
    assert tree_digest(built.output) == before
