"""End to end: the plan page stays the same size however many publications
name an item, and each item's own pages list all of them, twenty a page.

The plan corpus (tests/fixtures/sites/plan_corpus) gets many more articles: for
item 13, which articles with a city confirm (it already has three: 24 March,
15 July, 20 December), and for item 5, which only documents confirm, so that
articles naming it are related publications. Two documents on item 13 are its
related publications, listed after its evidence.
"""

import datetime

import pytest

from sitebuild import (
    SITEURL,
    breadcrumb_trail,
    build,
    copy_fixture_site,
    reader_text,
)
from texts import publication

AS_OF = "2021-12-31"
SHOWN = 5  # PLAN_EVIDENCE_SHOWN's default
PER_PAGE = 20  # DEFAULT_PAGINATION, which PAGINATED_TEMPLATES["plan_item"] takes


def september(index: int) -> datetime.date:
    return datetime.date(2021, 9, 1) + datetime.timedelta(days=index)


def write_publication(content, section: str, slug: str, **fields: str) -> None:
    (content / section / f"{slug}.md").write_text(
        publication(**fields, Slug=slug), encoding="utf-8"
    )


def build_with(tmp_path_factory, confirming: int, related: int):
    """The corpus with `confirming` September articles on item 13 and `related`
    August articles on item 5; the titles are as long whatever their number."""
    folder = tmp_path_factory.mktemp(f"plan_items_{confirming}")
    content = copy_fixture_site("plan_corpus", folder)
    for index in range(confirming):
        write_publication(
            content,
            "articles",
            f"sentyabr-{index:02}",
            Title=f"Город за сентябрь, номер {index:02}",
            Date=f"{september(index % 30).isoformat()} {10 + index // 30}:00",
            City="Казань",
            Plan="2021-13",
        )
    for index in range(related):
        write_publication(
            content,
            "articles",
            f"avgust-{index:02}",
            Title=f"Обсуждение концепции, номер {index:02}",
            Date=f"2021-08-{index + 1:02}",
            Plan="2021-5",
        )
    for month in (4, 10):
        write_publication(
            content,
            "documents",
            f"doklad-{month:02}",
            Title=f"Доклад о городских статьях, месяц {month:02}",
            Date=f"2021-{month:02}-05",
            Kind="Доклад",
            Stage="утвержден",
            Plan="2021-13",
        )
    site = build(content, folder / "output", AS_OF)
    assert site.result.returncode == 0, site.log
    return site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_with(tmp_path_factory, confirming=30, related=7)


@pytest.fixture(scope="module")
def twice_as_many(tmp_path_factory):
    return build_with(tmp_path_factory, confirming=60, related=14)


def on_plan_page(site, number: int):
    return site.html("plan/2021/").find(id=f"item-{number}").find_parent("li")


def hrefs(element, selector: str) -> list[str]:
    return [a["href"] for a in element.select(selector)]


def test_the_plan_page_shows_the_latest_evidence_and_links_to_all(site):
    item = on_plan_page(site, 13)
    # The latest by date: the last four September articles, then Perm's of 20 December.
    assert hrefs(item, ".plan-evidence a") == [
        *(f"{SITEURL}/articles/sentyabr-{index:02}/" for index in range(26, 30)),
        f"{SITEURL}/articles/perm/",
    ]
    (more,) = item.select(".plan-more a")
    assert more.get_text() == "Все 33\u00a0подтверждения пункта 13"
    assert more["href"] == f"{SITEURL}/plan/2021/items/13/"
    assert item.h3.a["href"] == f"{SITEURL}/plan/2021/items/13/"


def item_pages(site, number: int) -> list:
    """The item's pages in order: its own address, then page/2/ and on."""
    folder = site.output / f"plan/2021/items/{number}"
    later = sorted(int(path.name) for path in (folder / "page").glob("*"))
    assert later == list(range(2, len(later) + 2))
    return [site.html(f"plan/2021/items/{number}/")] + [
        site.html(f"plan/2021/items/{number}/page/{n}/") for n in later
    ]


def test_the_item_pages_list_every_evidence_in_date_order_twenty_a_page(site):
    pages = item_pages(site, 13)
    assert [len(page.select(".plan-evidence li")) for page in pages] == [20, 13]
    listed = [href for page in pages for href in hrefs(page, ".plan-evidence a")]
    assert listed == [
        f"{SITEURL}/articles/kazan/",
        f"{SITEURL}/articles/tyumen/",
        *(f"{SITEURL}/articles/sentyabr-{index:02}/" for index in range(30)),
        f"{SITEURL}/articles/perm/",
    ]
    assert not any(page.select(".plan-more") for page in pages)
    # The plan's JSON keeps the full data, in the same order.
    (item,) = [i for i in site.json("plan/2021.json")["items"] if i["number"] == 13]
    assert [e["url"] for e in item["evidence"]] == listed


def test_the_related_publications_follow_the_evidence_on_the_last_page(site):
    first, second = item_pages(site, 13)
    assert not first.select(".plan-related")
    assert hrefs(second, ".plan-related a") == [
        f"{SITEURL}/documents/doklad-04/",
        f"{SITEURL}/documents/doklad-10/",
    ]
    # Page 1 tells of both lists, though the second begins only on page 2.
    for page in (first, second):
        counts = page.select_one(".plan-item-links > p")
        assert reader_text(counts) == "33 подтверждения и 2 связанные публикации."
    ranges = [reader_text(p) for p in second.select(".plan-links-range")]
    # The related publications are all on this page: no range for them.
    assert ranges == ["21–33 из 33"]
    assert [reader_text(p) for p in first.select(".plan-links-range")] == ["1–20 из 33"]
    headings = [reader_text(h3) for h3 in second.select(".plan-item-links h3")]
    assert headings == ["Подтверждения", "Связанные публикации"]


def test_the_item_pages_lead_to_each_other(site):
    first, second = item_pages(site, 13)
    pager = first.select_one('nav.pagination[aria-label="Страницы списка"]')
    assert "Страница 1 из 2" in reader_text(pager)
    assert pager.select_one('[aria-current="page"]').get_text() == "1"
    forward = pager.select_one("a[rel=next]")
    # Date order, oldest first: the next page is later.
    assert (reader_text(forward), forward["href"]) == (
        "Позже →",
        f"{SITEURL}/plan/2021/items/13/page/2/",
    )
    back = second.select_one("nav.pagination a[rel=prev]")
    assert (reader_text(back), back["href"]) == (
        "← Раньше",
        f"{SITEURL}/plan/2021/items/13/",
    )
    assert reader_text(second.title).startswith(
        "Пункт 13 плана работы на 2021 год, страница 2 — "
    )
    assert breadcrumb_trail(second) == [
        ("Главная", f"{SITEURL}/"),
        ("Планы работы", f"{SITEURL}/plan/"),
        ("План на 2021 год", f"{SITEURL}/plan/2021/"),
        ("Пункт 13", f"{SITEURL}/plan/2021/items/13/"),
        ("Страница 2", None),
    ]


def test_the_facts_are_on_the_first_page_and_only_it_is_searched(site):
    first, second = item_pages(site, 13)
    assert first.select(".plan-item-facts")
    assert first.select("[data-pagefind-body]")
    assert not second.select(".plan-item-facts")
    assert not second.select("[data-pagefind-body]")
    facts = second.select_one("main article > p")
    assert "Срок, статус и ожидаемый результат пункта" in reader_text(facts)
    assert facts.a["href"] == f"{SITEURL}/plan/2021/items/13/"
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count(f"<loc>{SITEURL}/plan/2021/items/13/</loc>") == 1
    assert sitemap.count(f"<loc>{SITEURL}/plan/2021/items/13/page/2/</loc>") == 1


def test_related_publications_are_cut_the_same_way(site):
    item = on_plan_page(site, 5)
    assert hrefs(item, ".plan-related a") == [
        f"{SITEURL}/articles/avgust-{index:02}/" for index in range(2, 7)
    ]
    (more,) = item.select(".plan-more a")
    assert more.get_text() == "Все 7\u00a0связанных публикаций пункта 5"
    # One evidence and seven related publications fit on one page.
    (page,) = item_pages(site, 5)
    assert hrefs(page, ".plan-related a") == [
        f"{SITEURL}/articles/avgust-{index:02}/" for index in range(7)
    ]
    assert not page.select("nav.pagination")
    assert not page.select(".plan-links-range")


def test_an_item_with_few_links_shows_them_all_and_no_link_to_more(site):
    item = on_plan_page(site, 1)
    assert hrefs(item, ".plan-evidence a") == [f"{SITEURL}/meetings/ustanovochnoe/"]
    assert not item.select(".plan-more")
    (page,) = item_pages(site, 1)
    assert hrefs(page, ".plan-evidence a") == [f"{SITEURL}/meetings/ustanovochnoe/"]
    assert reader_text(page.select_one(".plan-item-links > p")) == "1 подтверждение."
    assert not page.select("nav.pagination")


def test_twice_as_many_publications_leave_the_plan_page_as_large(site, twice_as_many):
    """Only the counts in «Все 33 подтверждения» change, and the timeline's marks
    are one per month, whatever the number of publications in it."""
    first = (site.output / "plan/2021/index.html").read_bytes()
    second = (twice_as_many.output / "plan/2021/index.html").read_bytes()
    assert abs(len(second) - len(first)) <= 8
    assert len(on_plan_page(twice_as_many, 13).select(".plan-evidence li")) == SHOWN


def test_twice_as_many_publications_make_more_item_pages_not_larger_ones(
    twice_as_many,
):
    pages = item_pages(twice_as_many, 13)
    # 63 evidence, then the 2 related publications.
    assert [
        len(page.select(".plan-evidence li, .plan-related li")) for page in pages
    ] == [
        PER_PAGE,
        PER_PAGE,
        PER_PAGE,
        5,
    ]


def test_every_item_has_its_page_with_a_trail_and_in_the_sitemap(site):
    sitemap = (site.output / "sitemap.xml").read_text(encoding="utf-8")
    for number in range(1, 16):
        page = site.html(f"plan/2021/items/{number}/")
        assert breadcrumb_trail(page) == [
            ("Главная", f"{SITEURL}/"),
            ("Планы работы", f"{SITEURL}/plan/"),
            ("План на 2021 год", f"{SITEURL}/plan/2021/"),
            (f"Пункт {number}", None),
        ]
        assert f"<loc>{SITEURL}/plan/2021/items/{number}/</loc>" in sitemap
        back = page.select_one(".plan-footer a")
        assert back["href"] == f"{SITEURL}/plan/2021/#item-{number}"
