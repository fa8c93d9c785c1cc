"""Raw HTML that could run a script or load another host: named, never published."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from published import live_payloads, preview_build
from sitebuild import build_over_published, copy_fixture_site, tree_digest

# (file:line, the message) for every case in tests/fixtures/sites/hostile_html.
CASES = {
    "script": (
        "articles/script.md:6",
        "в тексте есть HTML-элемент `<script>`: сайт не публикует скрипты из материалов",
    ),
    "event_handler": (
        "articles/onerror.md:4",
        "в тексте у HTML-элемента `<img>` есть обработчик `onerror`",
    ),
    "meta_refresh": (
        "articles/meta-refresh.md:4",
        "в тексте есть HTML-элемент `<meta>`",
    ),
    "iframe": ("articles/iframe.md:4", "в тексте есть HTML-элемент `<iframe>`"),
    "object": ("articles/object.md:4", "в тексте есть HTML-элемент `<object>`"),
    "embed": ("articles/object.md:6", "в тексте есть HTML-элемент `<embed>`"),
    "form": ("articles/form.md:4", "в тексте есть HTML-элемент `<form>`"),
    "input": ("articles/form.md:4", "в тексте есть HTML-элемент `<input>`"),
    "base": ("articles/base.md:4", "в тексте есть HTML-элемент `<base>`"),
    "style_element": ("articles/style.md:4", "в тексте есть HTML-элемент `<style>`"),
    "style_attribute": (
        "articles/style.md:6",
        "в тексте у HTML-элемента `<p>` есть атрибут `style`",
    ),
    "tracking_pixel": (
        "articles/tracking-pixel.md:4",
        "в тексте файл «https://evil.example/pixel.gif» загружается с другого сайта",
    ),
    "data_url": ("articles/data-link.md:4", "в тексте встроены данные «data:text/html"),
    "summary": (
        "articles/summary-script.md",
        "поле «Summary»: есть HTML-элемент `<script>`",
    ),
    "transcript_script": (
        "meetings/transcripts/skript.md:6",
        "есть HTML-элемент `<script>`",
    ),
    "transcript_foreign_image": (
        "meetings/transcripts/skript.md:9",
        "файл «https://evil.example/slide.png» загружается с другого сайта",
    ),
}


@pytest.fixture(scope="module")
def failed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_html")
    content = copy_fixture_site("hostile_html", folder)
    return build_over_published(content, folder / "output")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_html_preview")
    content = copy_fixture_site("hostile_html", folder)
    result = preview_build(content, folder / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "output"


@pytest.mark.parametrize("case", CASES)
def test_the_file_line_and_element_are_named(failed, case):
    built, _ = failed
    where, message = CASES[case]
    assert f"{where}: {message}" in built.log


def test_the_build_fails_and_leaves_the_site_as_it_was(failed):
    built, before = failed
    assert built.result.returncode != 0
    assert tree_digest(built.output) == before
    assert "Traceback" not in built.log


def test_harmless_formatting_is_not_reported(failed):
    built, _ = failed
    assert "articles/khoroshaya.md" not in built.log


def test_no_payload_is_live_in_any_page_or_feed(preview):
    pages = list(preview.rglob("*.html"))
    feeds = [
        p
        for p in preview.rglob("*.xml")
        if "feeds" in p.parts or p.name.endswith("feed.xml")
    ]
    assert pages and feeds
    assert live_payloads(preview, site_url="") == []
    everything = "".join(p.read_text(encoding="utf-8") for p in pages + feeds)
    assert "evil.example" not in everything
    assert "alert(" not in everything


def test_the_transcript_is_published_without_its_script(preview):
    (page,) = (preview / "meetings").glob("*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert "Добрый день." in soup.get_text()
    assert soup.find("img", alt="слайд") is None or not soup.find(
        "img", alt="слайд"
    ).get("src", "").startswith("https://")


def test_harmless_formatting_reaches_the_page_and_the_feeds(preview):
    (page,) = (preview / "articles").glob("*/index.html")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.find(class_="publication-body") or soup
    assert body.find("sub").get_text() == "2"
    assert body.find("abbr")["title"] == "видеоконференция"
    assert body.find("table").find("th").get_text() == "Город"
    assert body.find("sup", id="fnref:1") is not None
    entries = [
        entry
        for feed in preview.rglob("*.xml")
        if "<feed" in (text := feed.read_text(encoding="utf-8")) or "<rss" in text
        for entry in feedparser.parse(text).entries
    ]
    contents = [
        part.value
        for entry in entries
        if entry.get("title") == "Хорошая статья с разметкой"
        for part in entry.get("content", [])
    ]
    assert any("<sub>2</sub>" in html for html in contents)


def test_the_payload_search_finds_what_it_looks_for(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "page.html").write_text(
        '<p onclick="x()">a</p><script>alert(1)</script>'
        '<meta http-equiv="refresh" content="0"><img src="https://e.example/p.gif">',
        encoding="utf-8",
    )
    (tmp_path / "feeds" / "all.xml").write_text(
        "<rss><channel><item><description>&lt;iframe src=x&gt;&lt;/iframe&gt;"
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    found = live_payloads(tmp_path)
    assert len([f for f in found if f.startswith("page.html")]) == 4
    assert any(f.startswith("feeds/all.xml: <iframe") for f in found)
