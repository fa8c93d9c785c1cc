"""The site search in Chromium, on the `search_corpus` fixture site: Russian word
forms, filters, speeches as results of their own, links, keyboard, axe, and
nothing loaded before the reader asks for it."""

import re
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe

from sitebuild import served_fixture_site

KAZAN = "Казанская агломерация: опыт соседей"
TYUMEN = "Тюмень: бюджет развития"
REGIONS = "Управление агломерациями в регионах"
DIGEST = "Дайджест новостей о развитии городских агломераций: март 2021"
MEETING = "Заседание о межмуниципальном сотрудничестве"
LAW = "Проект федерального закона о городских агломерациях"
REPORT = "Доклад о транспортной доступности"
ARTICLE_PAGE = "articles/kazanskaya-aglomeratsiya-opyt-sosedey/"
MEETING_PAGE = "meetings/zasedanie-o-mezhmunitsipalnom-sotrudnichestve/"


@pytest.fixture(scope="module")
def siteurl(tmp_path_factory):
    folder = tmp_path_factory.mktemp("search")
    with served_fixture_site("search_corpus", folder) as (url, _):
        yield url


@pytest.fixture
def page(open_page, siteurl):
    page = open_page(siteurl)
    yield page
    assert page.errors == []
    assert page.outside_requests == []
    assert page.console_errors == []


def search(page, siteurl, query, **filters):
    """Open the search page for `query`; the status once the search has run."""
    params = "&".join(
        f"{k}={quote(str(v))}" for k, v in {"q": query, **filters}.items()
    )
    page.goto(f"{siteurl}/search/?{params}")
    status = page.locator("[data-search-status]")
    status.filter(has_text=re.compile(r"\S")).wait_for()
    return status.inner_text()


def titles(page):
    return page.locator(".search-result-title").all_inner_texts()


def choose(page, label, value):
    """Pick a filter value; the results once they have changed."""
    before = titles(page)
    page.get_by_label(label, exact=True).select_option(value)
    page.wait_for_function(
        "before => JSON.stringify([...document.querySelectorAll("
        "'.search-result-title')].map(e => e.innerText)) !== JSON.stringify(before)",
        arg=before,
    )
    return titles(page)


def test_a_word_is_found_in_other_forms(page, siteurl):
    search(page, siteurl, "агломерациями")
    found = titles(page)
    # «агломерация», «агломерациях»: the same stem.
    assert {KAZAN, LAW, REGIONS} <= set(found)
    assert page.locator(".search-result-excerpt mark").count() > 0
    search(page, siteurl, "бюджетом")
    assert TYUMEN in titles(page)


def test_a_result_shows_its_section_date_and_city(page, siteurl):
    search(page, siteurl, "агломерация Казань")
    result = page.locator(".search-result", has_text=KAZAN)
    facts = result.locator(".search-result-facts").inner_text()
    assert facts == "Экспертные статьи · 24 марта 2021 г. · Казань"
    assert result.locator(".search-result-excerpt mark").first.inner_text()


def test_a_title_and_a_city_rank_above_a_digest(page, siteurl):
    # The digest names Казань five times, the article once in its text.
    search(page, siteurl, "Казань")
    found = titles(page)
    assert found.index(KAZAN) < found.index(DIGEST)
    search(page, siteurl, "Тюмень")
    found = titles(page)
    assert found[0] == TYUMEN
    assert DIGEST in found


def test_a_word_in_the_title_ranks_above_the_same_word_in_a_text(page, siteurl):
    # «бюджет» is in the title of the article, in the text of the draft law.
    search(page, siteurl, "бюджет")
    assert titles(page)[:2] == [TYUMEN, LAW]


def test_the_section_filter_narrows_results(page, siteurl):
    search(page, siteurl, "агломерация")
    assert {KAZAN, LAW, REGIONS} <= set(titles(page))
    narrowed = choose(page, "Раздел", "Документы")
    assert narrowed == [LAW]
    assert "section=" in page.url


def test_the_city_filter_narrows_results(page, siteurl):
    search(page, siteurl, "Казань")
    assert {KAZAN, DIGEST} <= set(titles(page))
    assert choose(page, "Город", "Казань") == [KAZAN]


def test_the_year_filter_narrows_results(page, siteurl):
    search(page, siteurl, "транспорт")
    assert {REPORT, MEETING, DIGEST} <= set(titles(page))
    assert choose(page, "Год", "2022") == [REPORT]


def test_a_document_kind_is_a_filter(page, siteurl):
    search(page, siteurl, "агломерация", kind="Законопроект")
    assert titles(page) == [LAW]
    assert page.get_by_label("Вид документа").input_value() == "Законопроект"


def test_a_phrase_from_a_speech_leads_to_the_speech(page, siteurl):
    search(page, siteurl, "общественного транспорта")
    meeting = page.locator(".search-result", has_text=MEETING)
    speech = meeting.locator(".search-result-parts a")
    assert speech.first.inner_text() == "Выступление: Кузнецова Анна Петровна"
    assert speech.first.get_attribute("href").endswith(f"/{MEETING_PAGE}#turn-2")
    speech.first.click()
    page.wait_for_url(f"**/{MEETING_PAGE}#turn-2")
    assert page.evaluate("document.querySelector(':target').id") == "turn-2"


def test_a_speaker_is_found_by_surname(page, siteurl):
    search(page, siteurl, "Воронцов")
    assert MEETING in titles(page)


def test_an_empty_query_asks_for_words(page, siteurl):
    page.goto(f"{siteurl}/search/")
    status = page.locator("[data-search-status]")
    status.filter(has_text=re.compile(r"\S")).wait_for()
    assert status.inner_text().startswith("Введите слово или несколько слов")
    assert titles(page) == []


def test_a_query_without_hits_says_what_to_try(page, siteurl):
    status = search(page, siteurl, "абракадабра")
    assert status.startswith("По запросу «абракадабра» ничего не найдено.")
    assert "в любой форме" in status
    assert titles(page) == []


def test_a_search_can_be_linked(page, siteurl):
    status = search(page, siteurl, "бюджетом")
    assert page.locator("#search-query").input_value() == "бюджетом"
    assert re.fullmatch(r"Найдено: \d+ публикаци(я|и|й)\.", status)
    assert TYUMEN in titles(page)


def test_the_header_box_opens_the_search_page(page, siteurl):
    page.goto(f"{siteurl}/{ARTICLE_PAGE}")
    page.locator("#site-search-query").fill("бюджетом")
    page.locator("#site-search-query").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    page.locator(".search-result-title").first.wait_for()
    assert TYUMEN in titles(page)


def test_keyboard_only_from_the_box_to_a_result(page, siteurl):
    page.goto(f"{siteurl}/{ARTICLE_PAGE}")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-query":
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("Тюмень")
    panel = page.locator("[data-search-panel]")
    panel.locator(".search-result").first.wait_for()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == TYUMEN
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/tyumen-byudzhet-razvitiya/")


def test_the_search_page_passes_axe_with_results(page, siteurl):
    search(page, siteurl, "агломерация")
    assert len(titles(page)) >= 3
    results = Axe().run(page)
    assert results.response["passes"], "axe-core did not run"
    assert results.violations_count == 0, results.generate_report()


def test_nothing_of_the_search_loads_before_the_box_is_focused(page, siteurl):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{siteurl}/{ARTICLE_PAGE}", wait_until="networkidle")
    assert [url for url in requested if "/pagefind/" in url] == []
    assert [url for url in requested if url.endswith("/js/search.js")] == []
    with page.expect_request(
        lambda request: "/pagefind/pagefind-entry.json" in request.url
    ):
        page.locator("#site-search-query").focus()
    assert any(url.endswith("/js/search.js") for url in requested)
    assert any(url.endswith("/pagefind/pagefind.js") for url in requested)


def test_without_javascript_the_search_page_offers_other_ways(open_page, siteurl):
    page = open_page(siteurl, java_script_enabled=False)
    page.goto(f"{siteurl}/search/?q=бюджет")
    advice = page.locator("[data-search-no-js]")
    assert advice.is_visible()
    assert advice.inner_text().startswith("Поиску нужен JavaScript")
    hrefs = advice.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == [
        f"{siteurl}/archives/",
        f"{siteurl}/cities/",
        f"{siteurl}/tags/",
        f"{siteurl}/sitemap.xml",
    ]
    assert page.outside_requests == []


# The search results' styles: not loaded with a page, only when the reader
# searches from the header box, and once on the search page.
STYLES = "/theme/css/search.css"


def stylesheets(page) -> list[str]:
    return page.eval_on_selector_all(
        "link[rel~=stylesheet]", "links => links.map(link => link.href)"
    )


def test_the_results_styles_come_when_the_box_is_used(page, siteurl):
    page.goto(f"{siteurl}/{ARTICLE_PAGE}", wait_until="networkidle")
    assert f"{siteurl}{STYLES}" not in stylesheets(page)
    page.locator("#site-search-query").fill("Тюмень")
    result = page.locator("[data-search-panel] .search-result").first
    result.wait_for()
    assert stylesheets(page).count(f"{siteurl}{STYLES}") == 1
    # search.css draws a rule between results and drops the list's bullets.
    assert result.evaluate("node => getComputedStyle(node).borderTopStyle") == "solid"
    assert (
        page.locator("[data-search-panel] .search-results").evaluate(
            "node => getComputedStyle(node).listStyleType"
        )
        == "none"
    )


def test_the_search_page_links_them_once(page, siteurl):
    page.goto(f"{siteurl}/search/?q=Тюмень")
    page.locator(".search-result").first.wait_for()
    assert stylesheets(page).count(f"{siteurl}{STYLES}") == 1
