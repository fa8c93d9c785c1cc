"""An end-to-end build of a fixture site that uses every type and field."""

import pytest

from sitebuild import SITEURL, built_fixture_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # One build serves every assertion in this module.
    return built_fixture_site("every_field", tmp_path_factory.mktemp("every_field"))


def text(node):
    return " ".join(node.get_text(" ").split())


def test_pages_are_russian_and_titled(site):
    page = site.html("articles/kazan-i-aglomeratsiya-sosedi/")
    assert page.html["lang"] == "ru"
    assert page.title.string.startswith("Казань <b>и</b> агломерация & «соседи»")


def test_html_in_a_title_is_escaped_everywhere(site):
    for relative in (
        "articles/kazan-i-aglomeratsiya-sosedi/",
        "articles/",
        "",
        "cities/kazan/",
        "archives/",
        "tags/aglomeratsii/",
    ):
        page = site.html(relative)
        assert page.find("b", string="и") is None, relative
        assert "Казань <b>и</b> агломерация" in page.get_text(), relative


def test_article_shows_dates_in_russian(site):
    meta = site.html("articles/kazan-i-aglomeratsiya-sosedi/").find(
        "dl", class_="publication-meta"
    )
    times = meta.find_all("time")
    assert [t.string for t in times] == ["24 марта 2021 г.", "25 марта 2021 г."]
    assert times[0]["datetime"] == "2021-03-24T10:00+03:00"


def test_article_links_city_tags_authors_and_plan_items(site):
    meta = site.html("articles/kazan-i-aglomeratsiya-sosedi/").find(
        "dl", class_="publication-meta"
    )
    hrefs = [a["href"] for a in meta.find_all("a")]
    assert f"{SITEURL}/cities/kazan/" in hrefs
    assert f"{SITEURL}/tags/obem-rabot/" in hrefs
    assert f"{SITEURL}/authors/ivanova-mariya-sergeevna/" in hrefs
    assert f"{SITEURL}/plan/2021/items/13/" in hrefs
    assert f"{SITEURL}/plan/2021/items/14/" in hrefs


def test_sample_publication_is_marked(site):
    notice = site.html("articles/kazan-i-aglomeratsiya-sosedi/").find(
        class_="sample-notice"
    )
    assert "Пример публикации" in text(notice)
    assert site.html("articles/moy-adres/").find(class_="sample-notice") is None


def test_heading_anchors_are_transliterated(site):
    heading = site.html("articles/kazan-i-aglomeratsiya-sosedi/").find(
        "h2", string="Совет глав муниципальных образований"
    )
    assert heading["id"] == "sovet-glav-munitsipalnykh-obrazovaniy"


def test_explicit_slug_wins(site):
    assert (site.output / "articles/moy-adres/index.html").is_file()


def test_drafts_are_not_published(site):
    assert not (site.output / "drafts").exists()
    assert "Черновик статьи" not in (site.output / "archives/index.html").read_text()


def test_digest_url_and_title_come_from_the_month(site):
    page = site.html("digests/2021-03/")
    assert text(page.h1) == (
        "Дайджест новостей о развитии городских агломераций: март 2021"
    )
    assert text(site.html("digests/2021-04/").h1) == "Апрельский дайджест"


def test_section_list_counts_with_russian_plurals(site):
    assert "2\u00a0дайджеста в разделе." in site.html("digests/").get_text()
    assert "22\u00a0статьи в разделе." in site.html("articles/").get_text()
    assert "1\u00a0документ в разделе." in site.html("documents/").get_text()


def test_document_lists_attachments_with_format_and_size(site):
    page = site.html("documents/zakonoproekt/")
    items = [text(li) for li in page.find(class_="attachments").find_all("li")]
    assert items == [
        "zakonoproekt.pdf (PDF, 2 кБ)",
        "tablitsa.xlsx (Excel (XLSX), 1,4 МБ)",
    ]
    link = page.find(class_="attachments").a
    assert link["href"] == f"{SITEURL}/files/zakonoproekt.pdf"
    assert (site.output / "files/zakonoproekt.pdf").stat().st_size == 2048
    facts = text(page.find(class_="document-facts"))
    assert "Законопроект" in facts and "на обсуждении" in facts


def test_meeting_shows_time_and_format(site):
    facts = text(
        site.html("meetings/zasedanie-o-planirovanii-aglomeratsiy/").find(
            class_="publication-meta"
        )
    )
    assert "22 сентября 2021 г., 10:00" in facts
    assert "видеоконференция (ВКС)" in facts


def test_city_pages_list_their_publications(site):
    page = site.html("cities/kazan/")
    assert text(page.h1) == "Казань"
    assert "Республика Татарстан" in page.get_text()
    index = site.html("cities/")
    kazan = index.find("a", string="Казань")
    assert kazan["href"] == f"{SITEURL}/cities/kazan/"
    assert index.find("a", string="Тюмень") is None  # no publication, no page
    assert "Тюмень" in index.get_text()


def test_archives_and_tags_exist(site):
    archive = site.html("archives/")
    assert "Всего 26\u00a0публикаций." in archive.get_text()
    tags = site.html("tags/")
    assert tags.find("a", string="Объём работ")["href"] == f"{SITEURL}/tags/obem-rabot/"


def test_navigation_marks_the_current_section(site):
    nav = site.html("digests/").find("nav", class_="site-nav")
    current = nav.find(attrs={"aria-current": True})
    assert (current.string, current["aria-current"]) == ("Дайджесты новостей", "page")
    # On a publication the section is where the reader is, not the page itself.
    nav = site.html("digests/2021-03/").find("nav", class_="site-nav")
    current = nav.find(attrs={"aria-current": True})
    assert (current.string, current["aria-current"]) == ("Дайджесты новостей", "true")


def test_pages_have_no_third_party_resources(site):
    for path in site.output.rglob("*.html"):
        page = site.html(str(path.relative_to(site.output)))
        for tag in page.find_all(
            ["script", "img", "link", "iframe", "video", "source"]
        ):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" else None)
            if url and url.startswith("http"):
                assert url.startswith(SITEURL), (path, url)


def test_section_lists_are_paginated(site):
    # The fixture's 22 articles: 20 of March (mart-kazan-*.md) and two more.
    first, second = site.html("articles/"), site.html("articles/page/2/")
    assert len(first.select(".publication-list > li")) == 20
    assert len(second.select(".publication-list > li")) == 2
    pager = first.find("nav", class_="pagination")
    assert "Страница 1 из 2" in pager.get_text()
    assert pager.find("a", rel="next")["href"] == f"{SITEURL}/articles/page/2/"
    assert second.title.string.startswith("Экспертные статьи, страница 2")


def test_russian_typography_in_text_and_shown_titles(site):
    page = site.html("articles/kazan-i-aglomeratsiya-sosedi/")
    body = page.find(class_="publication-body")
    assert "Текст со\u00a0ссылкой на\u00a0документ" in body.get_text()
    digest = site.html("digests/2021-03/")
    assert "о\u00a0развитии" in digest.h1.get_text()
    # The page's <title> and the data files keep plain spaces.
    assert "о развитии" in digest.title.string
