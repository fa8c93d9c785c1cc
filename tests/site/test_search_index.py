"""The search index of a built site: what is marked for Pagefind in the HTML,
what ends up in the index, and that two builds give the same index."""

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from search.stable import read_bundle_file
from sitebuild import build, built_fixture_site, copy_fixture_site

ARTICLE = "articles/kazanskaya-aglomeratsiya-opyt-sosedey/"
MEETING = "meetings/zasedanie-o-mezhmunitsipalnom-sotrudnichestve/"
LAW = "documents/proekt-federalnogo-zakona-o-gorodskikh-aglomeratsiyakh/"
DIGEST = "digests/2021-03/"
PUBLICATIONS = {
    ARTICLE,
    "articles/tyumen-byudzhet-razvitiya/",
    "articles/upravlenie-aglomeratsiyami-v-regionakh/",
    DIGEST,
    MEETING,
    LAW,
    "documents/doklad-o-transportnoy-dostupnosti/",
}
NOT_INDEXED = [
    "",
    "articles/",
    "digests/",
    "tags/",
    "tags/aglomeratsii/",
    "cities/",
    "cities/kazan/",
    "archives/",
    "speakers/",
    "plan/",
    # Each item is searched on its own page, not on the plan page too.
    "plan/2021/",
    "search/",
]
PLAN_ITEMS = {f"plan/2021/items/{number}/" for number in range(1, 16)}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("search_corpus", tmp_path_factory.mktemp("search_index"))


def fragments(site) -> dict[str, dict]:
    """The index's page records by address, as Pagefind's JS reads them."""
    records = {}
    for path in (site.output / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        records[record["url"].lstrip("/")] = record
    return records


def bundle_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_publication_is_marked_with_its_filters_and_facts(site):
    article = site.html(ARTICLE).find(attrs={"data-pagefind-body": True})
    assert article.name == "article"
    assert article["data-pagefind-filter"] == (
        "section[data-search-section], city[data-search-city], year[data-search-year]"
    )
    assert article["data-search-section"] == "Экспертные статьи"
    assert article["data-search-city"] == "Казань"
    assert article["data-search-year"] == "2021"
    assert article["data-search-date"] == "24 марта 2021 г."
    # The repeated labels are not indexed; the city counts more than body text.
    meta = article.select_one("dl.publication-meta")
    assert all(dt.has_attr("data-pagefind-ignore") for dt in meta.find_all("dt"))
    assert meta.find("dd", attrs={"data-pagefind-weight": "5"}).a.string == "Казань"


def test_a_publication_with_a_picture_names_it_as_its_image(site):
    meta = fragments(site)[ARTICLE]["meta"]
    assert meta["image"].endswith("/images/skhema.svg")
    assert meta["image_alt"] == "Схема Казанской агломерации"
    assert "image" not in fragments(site)[LAW]["meta"]


def test_a_document_has_its_kind_and_a_digest_weighs_less(site):
    law = site.html(LAW).find(attrs={"data-pagefind-body": True})
    assert law["data-search-kind"] == "Законопроект"
    assert "kind[data-search-kind]" in law["data-pagefind-filter"]
    body = site.html(DIGEST).select_one(".publication-body")
    assert body["data-pagefind-weight"] == "0.5"
    assert (
        not site.html(ARTICLE)
        .select_one(".publication-body")
        .has_attr("data-pagefind-weight")
    )


def test_lists_and_other_pages_are_not_indexed(site):
    for relative in NOT_INDEXED:
        page = site.html(relative)
        assert page.find(attrs={"data-pagefind-body": True}) is None, relative
    assert set(fragments(site)) == PUBLICATIONS | PLAN_ITEMS


def test_the_index_holds_no_navigation_and_no_plan_boilerplate(site):
    records = fragments(site)
    for url, record in records.items():
        for words in (
            "Перейти к содержанию",
            "Разделы сайта",
            "Версия для слабовидящих",
            "Всероссийский конгресс",
            "Пример публикации",
        ):
            assert words not in record["content"], (url, words)
    for url in PLAN_ITEMS:
        item = records[url]["content"]
        assert item.startswith("Пункт "), url
        for words in (
            "Подтверждения",
            "Статус",
            "Ожидаемый результат",
            "Положение на",
            "на странице плана",
        ):
            assert words not in item, (url, words)


def test_each_plan_item_is_found_once_on_its_own_page(site):
    records = fragments(site)
    item = records["plan/2021/items/2/"]
    assert item["meta"]["title"] == (
        "Пункт 2 плана на 2021 год: Подготовка набора предложений в проект Основ "
        "государственной политики Российской Федерации в области развития местного "
        "самоуправления до 2030 года по вопросам городского развития"
    )
    assert item["filters"] == {"section": ["План работы"], "year": ["2021"]}
    # The plan's own columns are searched: the deadline and the expected result.
    assert "февраль-март" in item["content"]
    assert "Сформирован экспертно-аналитический документ" in item["content"]
    titles = [records[url]["meta"]["title"] for url in PLAN_ITEMS]
    assert len(set(titles)) == len(PLAN_ITEMS)


def test_every_speech_is_an_anchor_under_its_speakers_name(site):
    meeting = fragments(site)[MEETING]
    turns = [a for a in meeting["anchors"] if a["id"].startswith("turn-")]
    assert [(a["element"], a["id"], a["text"]) for a in turns] == [
        ("h3", "turn-1", "Воронцов Игорь Сергеевич, председатель"),
        ("h3", "turn-2", "Кузнецова Анна Петровна"),
        ("h3", "turn-3", "Воронцов Игорь Сергеевич, председатель"),
    ]
    assert "межмуниципальное сотрудничество" in meeting["content"]
    # The tools beside each speech are not text of the speech.
    assert "Ссылка на реплику" not in meeting["content"]
    assert "все выступления" not in meeting["content"]
    assert meeting["meta"]["section"] == "Заседания"
    assert meeting["filters"] == {"section": ["Заседания"], "year": ["2021"]}


def test_the_filters_offer_sections_cities_years_and_kinds(site):
    entry = site.json("pagefind/pagefind-entry.json")
    assert entry["version"] == "1.5.2"
    assert entry["languages"]["ru"]["page_count"] == len(PUBLICATIONS | PLAN_ITEMS)
    bundle = site.output / "pagefind"
    meta = read_bundle_file(
        bundle / f"pagefind.{entry['languages']['ru']['hash']}.pf_meta"
    )
    offered = {}
    for name, short in meta[3]:
        _, values = read_bundle_file(bundle / "filter" / f"{short}.pf_filter")
        offered[name] = [value for value, _ in values]
    assert offered == {
        "city": ["Казань", "Тюмень"],
        "kind": ["Доклад", "Законопроект"],
        "section": [
            "Дайджесты новостей",
            "Документы",
            "Заседания",
            "План работы",
            "Экспертные статьи",
        ],
        "year": ["2021", "2022"],
    }


def test_every_page_has_the_search_box_as_a_plain_form(site):
    for relative in [*NOT_INDEXED, ARTICLE]:
        form = site.html(relative).find("form", attrs={"data-search-box": True})
        assert form["action"] == "https://palata.example.ru/search/", relative
        assert form["method"] == "get"
        assert form.find("input", attrs={"name": "q"})["type"] == "search"


def test_the_search_page_explains_itself_without_javascript(site):
    page = site.html("search/")
    advice = page.find(attrs={"data-search-no-js": True})
    assert not advice.has_attr("hidden")
    assert advice.p.get_text().startswith("Поиску нужен JavaScript")
    assert [a["href"] for a in advice.find_all("a")] == [
        "https://palata.example.ru/archives/",
        "https://palata.example.ru/cities/",
        "https://palata.example.ru/tags/",
        "https://palata.example.ru/sitemap.xml",
    ]


def test_the_policy_allows_webassembly_and_nothing_inline(site):
    policy = site.html(ARTICLE).find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )
    script_src = re.search(r"script-src ([^;]*)", policy["content"]).group(1)
    assert script_src.split() == ["'self'", "'wasm-unsafe-eval'"]
    assert "unsafe-inline" not in policy["content"]
    assert "'unsafe-eval'" not in policy["content"]


def test_two_builds_give_the_same_index(site, tmp_path):
    again = build(copy_fixture_site("search_corpus", tmp_path), tmp_path / "output")
    assert again.result.returncode == 0, again.log
    first = bundle_files(site.output / "pagefind")
    second = bundle_files(again.output / "pagefind")
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.startswith("filter/") for name in first)


def test_pagefind_indexes_every_marked_page_and_only_those(site):
    """Pagefind is handed only the marked pages (search/marked.py): each of
    them, as BeautifulSoup finds the attribute, is in the index."""
    marked = {
        page.relative_to(site.output).as_posix()
        for page in site.output.rglob("*.html")
        if BeautifulSoup(page.read_bytes(), "html.parser").find(
            attrs={"data-pagefind-body": True}
        )
    }
    assert {
        url.removesuffix("index.html") for url in marked
    } == PUBLICATIONS | PLAN_ITEMS
    entry = site.json("pagefind/pagefind-entry.json")
    assert entry["languages"]["ru"]["page_count"] == len(marked)
    assert set(fragments(site)) == {url.removesuffix("index.html") for url in marked}
