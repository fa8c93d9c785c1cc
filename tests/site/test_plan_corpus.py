"""End to end: the plan corpus built at several as-of dates, read back as JSON and HTML.

The corpus (tests/fixtures/sites/plan_corpus) against the real 2021 plan:
- meetings: 16 Feb (items 1, 6; video and transcript), 25 Mar (3, 8),
  22 Sep (10; video, no transcript), 20 Oct (11; video and transcript);
- documents: 26 Feb (5), 10 Mar (2), 20 May (9), a draft report of 15 Oct (12);
- articles: Kazan 24 Mar (13, 14), 20 Apr (4), no city 10 Jun (13),
  Tyumen 15 Jul (13), Perm 20 Dec (13); nothing for item 7;
- digests for January, February, March and May 2021, a draft for June and
  the November digest published on 10 January 2022.
"""

import shutil

import pytest

from sitebuild import SITEURL, BuiltSite, add_articles, build, copy_fixture_site
from texts import FIXTURE_PLANS

WORDS = {
    "done": "выполнено",
    "in_progress": "в работе",
    "overdue": "просрочено",
    "planned": "запланировано",
}

# What a careful person checking the plan by hand would say on each date.
STATUSES = {
    "2021-02-10": {
        **dict.fromkeys([1, 2, 5, 6, 7, 13, 14, 15], "in_progress"),
        **dict.fromkeys([3, 4, 8, 9, 10, 11, 12], "planned"),
    },
    "2021-04-20": {
        **dict.fromkeys([1, 2, 3, 4, 5, 6, 8], "done"),
        **dict.fromkeys([9, 13, 14, 15], "in_progress"),
        7: "overdue",
        **dict.fromkeys([10, 11, 12], "planned"),
    },
    "2021-12-31": {
        **dict.fromkeys([1, 2, 3, 4, 5, 6, 8, 9, 11], "done"),
        14: "in_progress",
        **dict.fromkeys([7, 10, 12, 13, 15], "overdue"),
    },
    "2022-01-20": {
        **dict.fromkeys([1, 2, 3, 4, 5, 6, 8, 9, 11, 14], "done"),
        **dict.fromkeys([7, 10, 12, 13, 15], "overdue"),
    },
}
PROGRESS = {
    "2021-02-10": {
        13: {"covered": 0, "expected": 0, "total": 4},
        15: {"covered": 1, "expected": 0, "total": 12},
    },
    "2021-04-20": {
        13: {"covered": 1, "expected": 1, "total": 4},
        15: {"covered": 3, "expected": 3, "total": 12},
    },
    "2021-12-31": {
        13: {"covered": 3, "expected": 3, "total": 4},
        15: {"covered": 4, "expected": 11, "total": 12},
    },
    "2022-01-20": {
        13: {"covered": 3, "expected": 4, "total": 4},
        15: {"covered": 5, "expected": 12, "total": 12},
    },
}


def build_corpus(
    tmp_path_factory, as_of: str, extra_plans: tuple[str, ...] = ()
) -> BuiltSite:
    folder = tmp_path_factory.mktemp(f"plan_corpus_{as_of}")
    content = copy_fixture_site("plan_corpus", folder)
    for name in extra_plans:
        shutil.copy(FIXTURE_PLANS / name, content / "plans" / name)
    site = build(content, folder / "output", as_of)
    assert site.result.returncode == 0, site.log
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build per as-of date, shared by every test of the module."""
    sites: dict[str, BuiltSite] = {}

    def at(as_of: str) -> BuiltSite:
        if as_of not in sites:
            sites[as_of] = build_corpus(tmp_path_factory, as_of)
        return sites[as_of]

    return at


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    return build_corpus(tmp_path_factory, "2022-01-20", ("2022.toml",))


def items_by_number(report: dict) -> dict[int, dict]:
    return {item["number"]: item for item in report["items"]}


@pytest.mark.parametrize("as_of", STATUSES)
def test_json_statuses_and_summary(built, as_of):
    report = built(as_of).json("plan/2021.json")
    assert (report["year"], report["as_of"]) == (2021, as_of)
    statuses = {item["number"]: item["status"] for item in report["items"]}
    assert statuses == STATUSES[as_of]
    assert report["summary"] == {
        status: list(statuses.values()).count(status) for status in WORDS
    }
    assert list(report["summary"]) == list(WORDS)


@pytest.mark.parametrize("as_of", PROGRESS)
def test_json_progress_only_for_recurring_items(built, as_of):
    report = built(as_of).json("plan/2021.json")
    progress = {i["number"]: i["progress"] for i in report["items"] if "progress" in i}
    assert progress == PROGRESS[as_of]


def test_json_evidence_is_absolute_and_dated(built):
    items = items_by_number(built("2021-12-31").json("plan/2021.json"))
    assert items[1]["evidence"] == [
        {
            "title": "Установочное заседание тематической группы",
            "url": f"{SITEURL}/meetings/ustanovochnoe/",
            "date": "2021-02-16",
        }
    ]
    assert items[6]["evidence"] == items[1]["evidence"]
    assert [e["url"] for e in items[13]["evidence"]] == [
        f"{SITEURL}/articles/kazan/",
        f"{SITEURL}/articles/tyumen/",
        f"{SITEURL}/articles/perm/",
    ]
    for item in items.values():
        for evidence in item["evidence"]:
            assert evidence["url"].startswith(f"{SITEURL}/")


def test_json_says_what_is_missing(built):
    items = items_by_number(built("2021-12-31").json("plan/2021.json"))
    assert items[7]["missing"] == ["нет публикаций"]
    assert items[10]["missing"] == [
        "Тематическое заседание о планировании агломераций: нет стенограммы"
    ]
    assert items[13]["missing"] == [
        "нет статьи за II квартал 2021",
        "Практики городского развития: не указан город",
    ]
    assert items[15]["missing"] == [
        f"нет дайджеста за {month} 2021"
        for month in (
            "апрель",
            "июнь",
            "июль",
            "август",
            "сентябрь",
            "октябрь",
            "ноябрь",
        )
    ]
    assert items[1]["missing"] == []


def test_drafts_are_not_evidence(built):
    items = items_by_number(built("2021-12-31").json("plan/2021.json"))
    # The report of item 12 and the June digest are drafts.
    assert items[12]["evidence"] == []
    assert items[12]["missing"] == ["нет публикаций"]
    assert f"{SITEURL}/digests/2021-06/" not in [
        e["url"] for e in items[15]["evidence"]
    ]


def test_evidence_published_after_the_as_of_date_counts_only_later(built):
    def november_digest(as_of):
        items = items_by_number(built(as_of).json("plan/2021.json"))
        return f"{SITEURL}/digests/2021-11/" in [
            e["url"] for e in items[15]["evidence"]
        ]

    assert not november_digest("2021-12-31")
    assert november_digest("2022-01-20")


def test_page_lists_every_item_with_its_status_in_words(built):
    site = built("2021-12-31")
    page = site.html("plan/2021/")
    report = items_by_number(site.json("plan/2021.json"))
    items = page.select("li.plan-item")
    # The anchor is on the item's heading: search sub-results link to it.
    assert [li.h3["id"] for li in items] == [f"item-{n}" for n in range(1, 16)]
    for li in items:
        number = int(li.h3["id"].removeprefix("item-"))
        status = report[number]["status"]
        assert li.h3.get_text().startswith(f"Пункт {number}. ")
        badge = li.select_one(f".plan-status.plan-status--{status}")
        # Colour comes with a word and a symbol.
        assert badge.get_text(" ", strip=True).endswith(WORDS[status])
        assert badge.select_one("[aria-hidden=true]").get_text().strip()
        # The heading leads to the item's page, which lists every link; the
        # plan page the latest of them (PLAN_EVIDENCE_SHOWN, 5 by default).
        assert li.h3.a["href"] == f"{SITEURL}/plan/2021/items/{number}/"
        urls = [e["url"] for e in report[number]["evidence"]]
        assert [a["href"] for a in li.select(".plan-evidence a")] == urls[-5:]
        own = site.html(f"plan/2021/items/{number}/")
        assert [a["href"] for a in own.select(".plan-evidence a")] == urls
        assert own.h1.get_text().startswith(f"Пункт {number}. ")
        # A missed period's cell says «нет»; the list names what it does not.
        missed = len(li.select(".plan-period--missed"))
        assert [m.get_text() for m in li.select(".plan-missing li")] == (
            report[number]["missing"][missed:]
        )


def test_a_long_list_of_what_is_missing_is_cut_and_leads_to_the_json(tmp_path):
    """Every article short of a city is a line of «Чего не хватает»: the plan
    page shows five and the item's page twenty, and both count the rest."""
    content = copy_fixture_site("plan_corpus", tmp_path)
    add_articles(
        content,
        "bez-goroda",
        22,
        lambda day: f"Title: Без города {day}\nDate: 2021-05-{day:02d}\nPlan: 2021-13",
    )
    site = build(content, tmp_path / "output", "2021-12-31")
    assert site.result.returncode == 0, site.log
    missing = items_by_number(site.json("plan/2021.json"))[13]["missing"]
    assert len(missing) >= 22
    for page, shown in (("plan/2021/", 5), ("plan/2021/items/13/", 20)):
        html = site.html(page)
        facts = html.select_one("#item-13").find_parent("li") if shown == 5 else html
        gaps = facts.select(".plan-missing li")
        missed = len(facts.select(".plan-period--missed"))
        assert [li.get_text() for li in gaps] == missing[missed:][:shown], page
        more = facts.select_one(".plan-missing-more")
        left = len(missing) - missed - shown
        assert more.get_text(" ", strip=True).startswith(f"И ещё {left}\u00a0"), page
        assert more.a["href"] == f"{SITEURL}/plan/2021.json"


def facts_of(item) -> dict[str, str]:
    return {
        dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in item.select("dl.plan-item-facts > dt")
    }


def test_item_page_shows_deadline_expected_result_and_status(built):
    site = built("2021-12-31")
    facts = facts_of(site.html("plan/2021/items/2/").select_one("article.plan-item"))
    assert facts["Срок"] == "февраль-март"
    assert facts["Ожидаемый результат"].startswith(
        "Сформирован экспертно-аналитический документ"
    )
    assert facts["Статус"].endswith("выполнено")
    # The plan page is the overview: the result is on the item's page only.
    overview = facts_of(site.html("plan/2021/").select_one(".plan-item:has(#item-2)"))
    assert overview["Срок"] == "февраль-март"
    assert overview["Статус"].endswith("выполнено")
    assert "Ожидаемый результат" not in overview


def test_page_shows_recurring_progress_one_cell_a_period(built):
    page = built("2021-12-31").html("plan/2021/")
    digests = page.select_one(".plan-item:has(#item-15)")
    assert digests.select_one(".plan-progress").get_text() == (
        "4 из 12\u00a0дайджестов; к дате отчёта ожидалось 11, из них есть 4."
    )
    cells = digests.select(".plan-periods > li")
    assert len(cells) == 12
    assert [cell["class"][1] for cell in cells] == [
        f"plan-period--{state}"
        for state in ["covered"] * 3
        + ["missed", "covered"]
        + ["missed"] * 6
        + ["ahead"]
    ]
    assert cells[0].get_text(" ", strip=True) == "январь ✓ есть"
    assert cells[0].a["href"] == f"{SITEURL}/digests/2021-01/"
    assert cells[3].get_text(" ", strip=True) == "апрель ✗ нет"
    articles = page.select_one(".plan-item:has(#item-13)")
    assert (
        articles.select_one(".plan-progress")
        .get_text()
        .startswith("3 из 4\u00a0статей")
    )
    assert len(articles.select(".plan-periods > li")) == 4


def test_overdue_with_as_many_covered_as_expected_says_why(built):
    """On 1 October the Tyumen article has covered III quarter early while
    II quarter, due since 15 July, has no article with a city."""
    site = built("2021-10-01")
    item = items_by_number(site.json("plan/2021.json"))[13]
    assert item["status"] == "overdue"
    assert item["progress"] == {"covered": 2, "expected": 2, "total": 4}
    assert item["missing"][0] == "нет статьи за II квартал 2021"
    progress = site.html("plan/2021/").select_one(
        ".plan-item:has(#item-13) .plan-progress"
    )
    assert progress.get_text() == (
        "2 из 4\u00a0статей; к дате отчёта ожидалось 2, из них есть 1."
    )


def test_page_has_a_heading_for_each_section_and_item(built):
    page = built("2021-12-31").html("plan/2021/")
    assert page.h1.get_text() == "Ход выполнения плана работы на 2021 год"
    sections = [h2.get_text() for h2 in page.select("section > h2[id^=plan-section-]")]
    assert len(sections) == 4
    assert sections[1].startswith("2. Подготовка проекта федерального закона")
    assert len(page.select("li.plan-item > h3")) == 15


@pytest.mark.parametrize(
    ("as_of", "shown"),
    [("2021-02-10", "10 февраля 2021 г."), ("2021-12-31", "31 декабря 2021 г.")],
)
def test_page_says_the_date_it_was_computed_for(built, as_of, shown):
    time = built(as_of).html("plan/2021/").select_one(".plan-as-of time")
    assert (time["datetime"], time.get_text()) == (as_of, shown)


def test_page_summary_counts_items(built):
    counts = [
        li.get_text(" ", strip=True)
        for li in built("2021-04-20").html("plan/2021/").select(".plan-counts li")
    ]
    assert counts == [
        "✓ выполнено — 7\u00a0пунктов",
        "◔ в работе — 4\u00a0пункта",
        "! просрочено — 1\u00a0пункт",
        "○ запланировано — 3\u00a0пункта",
    ]


def test_page_has_the_inline_timeline(built):
    page = built("2021-04-20").html("plan/2021/")
    svg = page.select_one("figure svg.plan-timeline")
    assert svg["role"] == "img"
    # Scrolled sideways on a phone: a region keyboard users can reach and scroll.
    frame = svg.parent
    assert frame["class"] == ["plan-timeline-scroll"]
    assert (frame["tabindex"], frame["role"]) == ("0", "region")
    # Its own name: the section around it is a landmark named by its heading.
    assert frame["aria-label"] == "График на 2021 год, прокручивается по горизонтали"
    assert len(svg.select("g.row")) == 15
    assert svg.select_one("line.as-of") is not None
    assert svg.select_one("text.as-of-label").get_text() == "на 20 апреля 2021 г."
    months = [text.get_text() for text in svg.select("text.month-label")]
    assert (len(months), months[0], months[-1]) == (12, "янв.", "дек.")
    # Drawn at build time: the picture needs no script of its own.
    assert not svg.find_parent("figure").find("script")


def test_page_links_its_stylesheet_and_json(built):
    head = built("2021-12-31").html("plan/2021/").head
    hrefs = [link["href"] for link in head.find_all("link")]
    assert f"{SITEURL}/theme/css/plan.css" in hrefs
    assert f"{SITEURL}/plan/2021.json" in hrefs


def test_publication_links_to_its_plan_items(built):
    site = built("2021-12-31")
    meeting = site.html("meetings/ustanovochnoe/")
    links = [a["href"] for a in meeting.select(".plan-refs a")]
    # To the item's own page, which lists every publication naming it.
    assert links == [f"{SITEURL}/plan/2021/items/1/", f"{SITEURL}/plan/2021/items/6/"]
    for link in links:
        item = site.html(link.removeprefix(f"{SITEURL}/"))
        evidence = [a["href"] for a in item.select(".plan-evidence a")]
        assert f"{SITEURL}/meetings/ustanovochnoe/" in evidence


def test_home_page_sums_up_the_plan(built):
    summary = built("2021-04-20").html("index.html").select_one("section.plan-summary")
    assert summary.h2.get_text() == "План работы на 2021 год"
    assert summary.select_one(".plan-as-of time")["datetime"] == "2021-04-20"
    counts = [li.get_text(" ", strip=True) for li in summary.select(".plan-counts li")]
    assert counts == [
        "✓ выполнено — 7\u00a0пунктов",
        "◔ в работе — 4\u00a0пункта",
        "! просрочено — 1\u00a0пункт",
        "○ запланировано — 3\u00a0пункта",
    ]
    assert (
        summary.select_one("a[href$='/plan/2021/']")["href"] == f"{SITEURL}/plan/2021/"
    )


def test_plan_list_page(built):
    page = built("2021-12-31").html("plan/")
    links = [a["href"] for a in page.select(".plan-list h2 a")]
    assert links == [f"{SITEURL}/plan/2021/"]


def test_next_year_is_a_further_file(two_years):
    page = two_years.html("plan/")
    assert [a.get_text() for a in page.select(".plan-list h2 a")] == [
        "План работы на 2022 год",
        "План работы на 2021 год",
    ]
    assert two_years.json("plan/2021.json")["year"] == 2021
    summary = two_years.html("index.html").select_one("section.plan-summary")
    assert summary.h2.get_text() == "План работы на 2022 год"


def test_manual_evidence_counts_and_links_out(two_years):
    report = two_years.json("plan/2022.json")
    first = items_by_number(report)[1]
    assert first["status"] == "done"
    assert first["evidence"] == [
        {
            "title": "Законопроект в системе обеспечения законодательной деятельности",
            "url": "https://sozd.duma.gov.ru/bill/123456-8",
            "date": "2022-01-14",
        }
    ]
    evidence = two_years.html("plan/2022/").select_one(
        ".plan-item:has(#item-1) .plan-evidence li"
    )
    assert evidence.a["href"] == "https://sozd.duma.gov.ru/bill/123456-8"
    assert "(на другом сайте)" in evidence.get_text()


def test_same_input_and_date_give_identical_files(built, tmp_path_factory):
    first = built("2021-12-31")
    again = build_corpus(tmp_path_factory, "2021-12-31")
    for name in (
        "plan/2021.json",
        "plan/2021/index.html",
        "plan/2021/items/13/index.html",
        "plan/index.html",
    ):
        assert (again.output / name).read_bytes() == (first.output / name).read_bytes()
