"""The reader's pages in the built HTML: breadcrumbs, archives by year and month,
the home page, a digest's table of contents, a document's history, the 404 page
and the map of member cities."""

import json
import re

import pytest

from sitebuild import (
    LONG_LISTS,
    SITEURL,
    add_articles,
    add_long_lists,
    breadcrumb_trail,
    build,
    copy_fixture_site,
)

AS_OF = "2021-06-30"


def words(node) -> str:
    """The text as a reader sees it: typography's non-breaking spaces as spaces."""
    return " ".join(node.get_text().split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reader_pages")
    built = build(copy_fixture_site("reader_pages", folder), folder / "output", AS_OF)
    assert built.result.returncode == 0, built.log
    return built


PAGES_WITH_TRAILS = {
    "articles/kazan-i-aglomeratsiya/": [
        ("Главная", f"{SITEURL}/"),
        ("Экспертные статьи", f"{SITEURL}/articles/"),
        ("Казань и агломерация", None),
    ],
    "archives/2021/03/": [
        ("Главная", f"{SITEURL}/"),
        ("Архив", f"{SITEURL}/archives/"),
        ("2021 год", f"{SITEURL}/archives/2021/"),
        ("Март 2021", None),
    ],
    "cities/kazan/": [
        ("Главная", f"{SITEURL}/"),
        ("Города", f"{SITEURL}/cities/"),
        ("Казань", None),
    ],
    "plan/2021/": [
        ("Главная", f"{SITEURL}/"),
        ("Планы работы", f"{SITEURL}/plan/"),
        ("План на 2021 год", None),
    ],
    "tags/aglomeratsii/": [
        ("Главная", f"{SITEURL}/"),
        ("Темы", f"{SITEURL}/tags/"),
        ("Тема «агломерации»", None),
    ],
    "404.html": [("Главная", f"{SITEURL}/"), ("Страница не найдена", None)],
}


@pytest.mark.parametrize("address", PAGES_WITH_TRAILS)
def test_breadcrumbs_and_their_json_ld(site, address):
    soup = site.html(address)
    (nav,) = soup.select('nav[aria-label="Навигационная цепочка"]')
    shown = [
        (words(item), item.a["href"] if item.a else None) for item in nav.select("li")
    ]
    assert shown == PAGES_WITH_TRAILS[address]
    assert nav.select("li")[-1].find(attrs={"aria-current": "page"})
    (data,) = [
        json.loads(script.string)
        for script in soup.select('script[type="application/ld+json"]')
        if json.loads(script.string)["@type"] == "BreadcrumbList"
    ]
    given = [
        (entry["position"], entry["name"], entry.get("item"))
        for entry in data["itemListElement"]
    ]
    assert given == [
        (number, name, url)
        for number, (name, url) in enumerate(PAGES_WITH_TRAILS[address], 1)
    ]


def test_every_page_but_home_has_breadcrumbs(site):
    # The web editor (admin/) is a tool for editors, not a page of the site.
    pages = sorted(p for p in site.output.rglob("*.html") if "admin" not in p.parts)
    without = [
        page.relative_to(site.output).as_posix()
        for page in pages
        if "Навигационная цепочка" not in page.read_text(encoding="utf-8")
    ]
    assert without == ["index.html"]


def test_year_archive_lists_its_months_with_counts(site):
    soup = site.html("archives/2021/")
    headings = {words(h): h.a["href"] for h in soup.select("main section h2")}
    assert list(headings.items()) == [
        (f"{name} 2021", f"{SITEURL}/archives/2021/{number}/")
        for name, number in [
            ("Сентябрь", "09"),
            ("Май", "05"),
            ("Апрель", "04"),
            ("Март", "03"),
            ("Февраль", "02"),
        ]
    ]
    periods = soup.select_one('nav[aria-label="Архив по годам и месяцам"]')
    assert words(periods.select_one('[aria-current="page"]')) == "2021"
    counts = [
        (words(li.a), words(li.select_one(".archive-count")))
        for li in periods.select(".archive-months li")
    ]
    # Newest first, as the list beside them.
    assert counts == [
        ("сентябрь 2021", "(1)"),
        ("май 2021", "(2)"),
        ("апрель 2021", "(1)"),
        ("март 2021", "(2)"),
        ("февраль 2021", "(1)"),
    ]


def test_month_archive_lists_that_month_only(site):
    soup = site.html("archives/2021/03/")
    titles = [words(a) for a in soup.select(".card-title a")]
    assert titles == ["Проект закона об агломерациях", "Казань и агломерация"]
    assert words(soup.h1) == "Архив: март 2021"


def test_archive_index_links_every_year_and_month(site):
    soup = site.html("archives/")
    links = [a["href"] for a in soup.select(".archive-periods a")]
    assert f"{SITEURL}/archives/2021/" in links
    assert {
        f"{SITEURL}/archives/2021/{month}/" for month in ("02", "03", "04", "05", "09")
    } <= set(links)


def test_home_shows_the_next_meeting_after_the_as_of_date(site):
    soup = site.html("index.html")
    (box,) = soup.select(".home-meeting")
    assert words(box.h2) == "Ближайшее заседание"
    assert words(box.select_one(".home-meeting-name")) == ("Предстоящее заседание")
    assert box.time["datetime"] == "2021-09-22T11:00+03:00"


def test_home_shows_the_last_meeting_when_none_is_planned(tmp_path):
    built = build(
        copy_fixture_site("reader_pages", tmp_path), tmp_path / "out", "2021-12-31"
    )
    assert built.result.returncode == 0, built.log
    (box,) = built.html("index.html").select(".home-meeting")
    assert words(box.h2) == "Последнее заседание"
    assert "Предстоящее заседание" in words(box)
    assert "Новых заседаний пока не назначено" in words(box)


def test_home_has_latest_of_each_section_plan_and_map_but_no_whole_digest(site):
    soup = site.html("index.html")
    sections = {
        words(section.h2): [words(a) for a in section.select(".card-title a")]
        for section in soup.select(".home-section")
    }
    assert sections == {
        "Экспертные статьи": [
            "Казань: второй материал",
            "Тюмень: проектный офис",
            "Казань и агломерация",
        ],
        "Дайджесты новостей": [
            "Дайджест новостей о развитии городских агломераций: март 2021"
        ],
        "Заседания": ["Предстоящее заседание", "Прошедшее заседание"],
        "Документы": ["Проект закона об агломерациях"],
    }
    digest_card = soup.select_one(".card--digests")
    assert "Первая федеральная новость" not in words(digest_card)
    assert words(digest_card.select_one(".card-summary")) == (
        "Федеральный уровень — 2, Регионы — 1"
    )
    assert words(soup.select_one(".plan-summary h2")) == "План работы на 2021 год"
    assert soup.select_one(".home-map svg.tilemap--small")


def test_digest_table_of_contents(site):
    soup = site.html("digests/2021-03/")
    toc = soup.select_one('nav[aria-labelledby="digest-toc-title"]')
    assert words(toc.select_one(".digest-count")) == "3 новости в 2 рубриках"
    entries = [
        (a["href"], words(a), words(a.find_next_sibling("span")))
        for a in toc.select("li a")
    ]
    assert [(text, count) for _, text, count in entries] == [
        ("Федеральный уровень", "(2)"),
        ("Регионы", "(1)"),
    ]
    for href, text, _count in entries:
        heading = soup.find(id=href.removeprefix("#"))
        assert heading.name == "h2" and words(heading) == text


def test_document_history_newest_first(site):
    soup = site.html("documents/proekt-zakona-ob-aglomeratsiyakh/")
    history = soup.select_one('section[aria-labelledby="history-title"]')
    entries = [(li.time["datetime"], words(li)) for li in history("li")]
    assert entries == [
        ("2021-06-10", "10 июня 2021 г. Документ обновлён."),
        ("2021-05-20", "20 мая 2021 г. Учтены замечания городов."),
        ("2021-04-15", "15 апреля 2021 г. Проект направлен городам для замечаний."),
        ("2021-03-30", "30 марта 2021 г. Опубликован на сайте."),
    ]
    facts = soup.select_one(".document-facts").get_text(" ", strip=True)
    assert facts == "Вид документа Законопроект Этап на обсуждении"


def test_not_found_page_at_the_root(site):
    soup = site.html("404.html")
    assert soup.html["lang"] == "ru"
    assert words(soup.h1) == "Страница не найдена"
    form = soup.select_one("main form")
    assert (form["action"], form["method"]) == (f"{SITEURL}/search/", "get")
    assert form.select_one('input[type="search"]')["name"] == "q"
    links = {words(a): a["href"] for a in soup.select("main .link-list a")}
    assert links["Главная страница"] == f"{SITEURL}/"
    assert links["Архив публикаций"] == f"{SITEURL}/archives/"
    # Served for any address: every link and stylesheet is absolute.
    assert all(
        ref.startswith(SITEURL)
        for ref in [a["href"] for a in soup.select("a[href]")]
        + [link["href"] for link in soup.select("link[rel=stylesheet]")]
        if not ref.startswith("#")
    )


def _tiles(svg):
    """Every square by its code: (its element, its count or None)."""
    tiles = {}
    for square in svg.select("a, g"):
        count = square.select_one(".count")
        tiles[words(square.select_one(".code"))] = (
            square,
            int(words(count)) if count else None,
        )
    return tiles


def test_city_map_links_and_counts(site):
    soup = site.html("cities/")
    svg = soup.select_one("figure.city-map svg")
    tiles = _tiles(svg)
    assert len(tiles) == 85
    links = {" ".join(a["aria-label"].split()): a["href"] for a in svg.select("a")}
    # Only squares whose capital has publications link, to the city's page.
    assert links == {
        "Казань: 2 публикации": f"{SITEURL}/cities/kazan/",
        "Тюмень: 1 публикация": f"{SITEURL}/cities/tyumen/",
    }
    assert (tiles["ТАТ"][0].name, tiles["ТАТ"][1]) == ("a", 2)
    assert tiles["ТАТ"][0]["class"] == ["shade-2"]
    assert (tiles["ТЮМ"][1], tiles["ТЮМ"][0]["class"]) == (1, ["shade-1"])
    # The others write their 0 too: colour is not the only signal.
    members = [tile for tile in tiles.values() if tile[0].get("aria-hidden") is None]
    assert len(members) == 82
    assert sum(count for _, count in members) == 3
    assert tiles["ОМС"][0].name == "g" and tiles["ОМС"][1] == 0
    # Each count is the number the city's own page lists.
    for label, href in links.items():
        page = site.html(href.removeprefix(f"{SITEURL}/"))
        count = int(label.split(": ")[1].split()[0])
        assert len(page.select(".publication-list > li")) == count, label
    outside = [code for code, (g, _) in tiles.items() if g.get("aria-hidden")]
    assert sorted(outside) == ["МСК", "СЕВ", "СПБ"]


def test_home_map_is_the_small_one(site):
    svg = site.html("index.html").select_one(".home-map svg")
    assert svg["role"] == "img"
    assert words(svg.title) == "Карта городов Палаты: число публикаций о каждом городе"
    assert not svg.select("a") and not svg.select(".code")
    counts = sorted(words(text) for text in svg.select(".count"))
    assert counts == ["1", "2"]
    assert len(svg.select("rect")) == 85
    assert re.fullmatch(r"0 0 \d+ \d+", svg["viewbox"])


def test_a_city_with_many_publications_gets_pages_of_twenty(tmp_path):
    """A city's page lists its publications twenty a page, as a section does:
    it must not grow with the archive."""
    content = copy_fixture_site("reader_pages", tmp_path)
    add_articles(
        content,
        "kazan-many",
        23,
        lambda day: (
            f"Title: Казань: заметка {day}\nDate: 2021-04-{day:02d}\nCity: Казань"
        ),
    )
    built = build(content, tmp_path / "output", AS_OF)
    assert built.result.returncode == 0, built.log
    first = built.html("cities/kazan/")
    second = built.html("cities/kazan/page/2/")
    # The two of the fixture and the 23 above.
    assert "25 публикаций о городе" in words(first.select_one(".lead"))
    assert len(first.select(".publication-list > li")) == 20
    assert len(second.select(".publication-list > li")) == 5
    next_link = first.select_one("nav.pagination a[rel=next]")
    assert next_link["href"] == f"{SITEURL}/cities/kazan/page/2/"
    assert words(second.title).startswith("Казань, страница 2 — ")
    assert breadcrumb_trail(second)[-2:] == [
        ("Казань", f"{SITEURL}/cities/kazan/"),
        ("Страница 2", None),
    ]


def test_a_topic_s_and_an_author_s_second_pages_say_which_page_they_are(tmp_path):
    """Page 2 of a topic or an author is titled and placed as a section's is: a
    screen reader, a tab and a search engine tell it from page 1."""
    content = copy_fixture_site("reader_pages", tmp_path)
    add_articles(
        content,
        "budget",
        21,
        lambda day: (
            f"Title: Бюджет города: заметка {day}\nDate: 2021-05-{day:02d}\n"
            "Tags: бюджет\nAuthors: Петрова Анна Ивановна"
        ),
    )
    built = build(content, tmp_path / "output", AS_OF)
    assert built.result.returncode == 0, built.log
    topic = f"{SITEURL}/tags/byudzhet/"
    author = f"{SITEURL}/authors/petrova-anna-ivanovna/"
    assert words(built.html("tags/byudzhet/").title).startswith("Тема «бюджет» — ")
    second_topic = built.html("tags/byudzhet/page/2/")
    assert words(second_topic.title).startswith("Тема «бюджет», страница 2 — ")
    assert breadcrumb_trail(second_topic)[-2:] == [
        ("Тема «бюджет»", topic),
        ("Страница 2", None),
    ]
    second_author = built.html("authors/petrova-anna-ivanovna/page/2/")
    assert words(second_author.title).startswith("Петрова Анна Ивановна, страница 2 — ")
    assert breadcrumb_trail(second_author)[-2:] == [
        ("Петрова Анна Ивановна", author),
        ("Страница 2", None),
    ]


def built_with_a_month_of(folder, name, adjective, month, days):
    """The fixture site with `days` more publications in 2021's `month`, one a
    day: «<adjective> материал <day>»."""
    content = copy_fixture_site("reader_pages", folder)
    add_articles(
        content,
        name,
        days,
        lambda day: f"Title: {adjective} материал {day}\nDate: 2021-{month}-{day:02d}",
    )
    built = build(content, folder / "output", AS_OF)
    assert built.result.returncode == 0, built.log
    return built


def test_a_year_page_shows_each_months_five_newest_and_links_the_rest(tmp_path):
    built = built_with_a_month_of(tmp_path, "aprel", "Апрельский", "04", 8)
    year = built.html("archives/2021/")
    april = year.select_one("#month-4").find_parent("section")
    shown = [words(a) for a in april.select(".archive-list a")]
    assert shown == [f"Апрельский материал {day}" for day in (8, 7, 6, 5, 4)]
    more = april.select_one(".archive-more a")
    assert words(more) == "Все публикации за апрель 2021 (9)"
    assert more["href"] == f"{SITEURL}/archives/2021/04/"
    # A month with fewer than five shows them all and needs no such link.
    march = year.select_one("#month-3").find_parent("section")
    assert len(march.select(".archive-list li")) == 2
    assert march.select_one(".archive-more") is None
    month = built.html("archives/2021/04/")
    listed = {words(a) for a in month.select(".card-title a")}
    assert {f"Апрельский материал {day}" for day in range(1, 9)} <= listed
    assert len(listed) == 9


def test_the_archive_sidebar_opens_only_the_months_of_the_years_in_view(tmp_path):
    """Every year is listed, but only the year in view with its months: every
    month of every year on every archive page grew with the archive's age."""
    content = copy_fixture_site("reader_pages", tmp_path)
    for year, month in ((2020, 11), (2020, 6), (2019, 2)):
        (content / "articles" / f"arkhiv-{year}-{month}.md").write_text(
            f"Title: Заметка {month}.{year}\nDate: {year}-{month:02d}-10\n\nТекст.\n",
            encoding="utf-8",
        )
    built = build(content, tmp_path / "output", AS_OF)
    assert built.result.returncode == 0, built.log

    def sidebar(address):
        nav = built.html(address).select_one(
            'nav[aria-label="Архив по годам и месяцам"]'
        )
        listed = []
        for year in nav.select(".archive-years > li"):
            count = year.select_one(":scope > .archive-count")
            months = year.select(".archive-months li")
            listed.append(
                (
                    words(year.select_one(".archive-year")),
                    [words(month.a or month.span) for month in months],
                    words(count) if count else "",
                )
            )
        return listed

    months_2021 = [
        "сентябрь 2021",
        "май 2021",
        "апрель 2021",
        "март 2021",
        "февраль 2021",
    ]
    assert sidebar("archives/2021/03/") == [
        ("2021", months_2021, ""),
        ("2020", [], "(2)"),
        ("2019", [], "(1)"),
    ]
    assert sidebar("archives/2020/") == [
        ("2021", [], "(7)"),
        ("2020", ["ноябрь 2020", "июнь 2020"], ""),
        ("2019", [], "(1)"),
    ]
    # A page of /archives/ opens the years of its publications: here one page
    # of 50 holds all ten.
    assert sidebar("archives/") == [
        ("2021", months_2021, ""),
        ("2020", ["ноябрь 2020", "июнь 2020"], ""),
        ("2019", ["февраль 2019"], ""),
    ]


@pytest.fixture(scope="module")
def busy_march(tmp_path_factory):
    """The fixture's two March publications and 23 more: 25, a page and a half."""
    folder = tmp_path_factory.mktemp("busy_march")
    return built_with_a_month_of(folder, "mart", "Мартовский", "03", 23)


def month_sidebar_link(page, label: str):
    nav = page.select_one('nav[aria-label="Архив по годам и месяцам"]')
    (month,) = [li for li in nav.select(".archive-months li") if label in words(li)]
    return month


def test_a_busy_month_is_paginated_twenty_a_page(busy_march):
    first = busy_march.html("archives/2021/03/")
    second = busy_march.html("archives/2021/03/page/2/")
    assert not (busy_march.output / "archives/2021/03/page/3").exists()
    shown = [
        [words(a) for a in page.select(".card-title a")] for page in (first, second)
    ]
    assert [len(titles) for titles in shown] == [20, 5]
    # Newest first across the pages, each publication once.
    assert shown[0][0] == "Проект закона об агломерациях"
    assert shown[1][-1] == "Мартовский материал 1"
    assert len(set(shown[0] + shown[1])) == 25
    # The month's count, not the page's.
    for page in (first, second):
        assert "25 публикаций." in words(page.main)
    pager = first.select_one('nav.pagination[aria-label="Страницы списка"]')
    assert "Страница 1 из 2" in words(pager)
    assert pager.select_one('[aria-current="page"]').get_text() == "1"
    assert pager.select_one("a[rel=next]")["href"] == (
        f"{SITEURL}/archives/2021/03/page/2/"
    )
    assert not pager.select("a[rel=prev]")
    back = second.select_one("nav.pagination a[rel=prev]")
    assert (words(back), back["href"]) == ("← Новее", f"{SITEURL}/archives/2021/03/")


def test_a_months_second_page_is_titled_and_leads_back_to_the_first(busy_march):
    second = busy_march.html("archives/2021/03/page/2/")
    assert words(second.title).startswith("Архив: март 2021, страница 2 — ")
    assert breadcrumb_trail(second) == [
        ("Главная", f"{SITEURL}/"),
        ("Архив", f"{SITEURL}/archives/"),
        ("2021 год", f"{SITEURL}/archives/2021/"),
        ("Март 2021", f"{SITEURL}/archives/2021/03/"),
        ("Страница 2", None),
    ]
    # The sidebar names the month on both pages; only the first is that month's page.
    assert month_sidebar_link(second, "март 2021").a["href"] == (
        f"{SITEURL}/archives/2021/03/"
    )
    first = busy_march.html("archives/2021/03/")
    current = month_sidebar_link(first, "март 2021")
    assert current.a is None and current.select_one('[aria-current="page"]')


def test_the_year_page_is_not_paginated_and_links_each_months_first_page(busy_march):
    assert not (busy_march.output / "archives/2021/page").exists()
    year = busy_march.html("archives/2021/")
    assert not year.select("nav.pagination")
    march = year.select_one("#month-3").find_parent("section")
    assert len(march.select(".archive-list li")) == 5
    more = march.select_one(".archive-more a")
    assert words(more) == "Все публикации за март 2021 (25)"
    assert more["href"] == f"{SITEURL}/archives/2021/03/"
    assert month_sidebar_link(year, "март 2021").a["href"] == (
        f"{SITEURL}/archives/2021/03/"
    )
    sitemap = (busy_march.output / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count(f"<loc>{SITEURL}/archives/2021/</loc>") == 1
    assert sitemap.count(f"<loc>{SITEURL}/archives/2021/03/page/2/</loc>") == 1


def test_a_month_that_fits_one_page_has_no_pagination(busy_march):
    april = busy_march.html("archives/2021/04/")
    assert not april.select("nav.pagination")
    assert not (busy_march.output / "archives/2021/04/page").exists()


def test_a_long_list_s_pager_shows_the_ends_and_the_neighbours(tmp_path):
    """A section of 200 more publications: each of its pages names the first
    and the last page and its own neighbours, not every page of the list."""
    content = copy_fixture_site("reader_pages", tmp_path)
    add_long_lists(content)
    built = build(content, tmp_path / "output", AS_OF)
    assert built.result.returncode == 0, built.log
    pager = built.html(LONG_LISTS["section"]).select_one("nav.pagination")
    total = int(re.search(r"Страница 5 из (\d+)", words(pager))[1])
    assert total >= 10
    shown = [words(item) for item in pager.select("ul > li")]
    assert shown == ["← Новее", "1", "…", "4", "5", "6", "…", str(total), "Старше →"]
    for link in pager.select("a[href]"):
        page = link["href"].removeprefix(f"{SITEURL}/")
        assert (built.output / page / "index.html").is_file(), page
    assert pager.select_one("[aria-current=page]").string == "5"
