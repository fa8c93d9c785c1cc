"""End to end: the plan page stays the same size however many publications
name an item, and each item's own page lists all of them.

The plan corpus (tests/fixtures/sites/plan_corpus) gets many more articles: for
item 13, which articles with a city confirm (it already has three: 24 March,
15 July, 20 December), and for item 5, which only documents confirm, so that
articles naming it are related publications.
"""

import datetime

import pytest

from sitebuild import SITEURL, breadcrumb_trail, build, copy_fixture_site
from texts import publication

AS_OF = "2021-12-31"
SHOWN = 5  # PLAN_EVIDENCE_SHOWN's default


def september(index: int) -> datetime.date:
    return datetime.date(2021, 9, 1) + datetime.timedelta(days=index)


def write_article(content, slug: str, **fields: str) -> None:
    (content / "articles" / f"{slug}.md").write_text(
        publication(**fields, Slug=slug), encoding="utf-8"
    )


def build_with(tmp_path_factory, confirming: int, related: int):
    """The corpus with `confirming` September articles on item 13 and `related`
    August articles on item 5; the titles are as long whatever their number."""
    folder = tmp_path_factory.mktemp(f"plan_items_{confirming}")
    content = copy_fixture_site("plan_corpus", folder)
    for index in range(confirming):
        write_article(
            content,
            f"sentyabr-{index:02}",
            Title=f"Город за сентябрь, номер {index:02}",
            Date=f"{september(index % 30).isoformat()} {10 + index // 30}:00",
            City="Казань",
            Plan="2021-13",
        )
    for index in range(related):
        write_article(
            content,
            f"avgust-{index:02}",
            Title=f"Обсуждение концепции, номер {index:02}",
            Date=f"2021-08-{index + 1:02}",
            Plan="2021-5",
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


def test_the_item_page_lists_every_evidence_in_date_order(site):
    page = site.html("plan/2021/items/13/")
    assert hrefs(page, ".plan-evidence a") == [
        f"{SITEURL}/articles/kazan/",
        f"{SITEURL}/articles/tyumen/",
        *(f"{SITEURL}/articles/sentyabr-{index:02}/" for index in range(30)),
        f"{SITEURL}/articles/perm/",
    ]
    assert not page.select(".plan-more")
    # The plan's JSON keeps the full data, in the same order.
    (item,) = [i for i in site.json("plan/2021.json")["items"] if i["number"] == 13]
    assert [e["url"] for e in item["evidence"]] == hrefs(page, ".plan-evidence a")


def test_related_publications_are_cut_the_same_way(site):
    item = on_plan_page(site, 5)
    assert hrefs(item, ".plan-related a") == [
        f"{SITEURL}/articles/avgust-{index:02}/" for index in range(2, 7)
    ]
    (more,) = item.select(".plan-more a")
    assert more.get_text() == "Все 7\u00a0связанных публикаций пункта 5"
    page = site.html("plan/2021/items/5/")
    assert hrefs(page, ".plan-related a") == [
        f"{SITEURL}/articles/avgust-{index:02}/" for index in range(7)
    ]


def test_an_item_with_few_links_shows_them_all_and_no_link_to_more(site):
    item = on_plan_page(site, 1)
    assert hrefs(item, ".plan-evidence a") == [f"{SITEURL}/meetings/ustanovochnoe/"]
    assert not item.select(".plan-more")


def test_twice_as_many_publications_leave_the_plan_page_as_large(site, twice_as_many):
    """Only the counts in «Все 33 подтверждения» change, and the timeline's marks
    are one per month, whatever the number of publications in it."""
    first = (site.output / "plan/2021/index.html").read_bytes()
    second = (twice_as_many.output / "plan/2021/index.html").read_bytes()
    assert abs(len(second) - len(first)) <= 8
    assert len(on_plan_page(twice_as_many, 13).select(".plan-evidence li")) == SHOWN
    full = twice_as_many.html("plan/2021/items/13/")
    assert len(full.select(".plan-evidence li")) == 63


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
