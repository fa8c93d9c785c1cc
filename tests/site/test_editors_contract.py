"""Content written by the field list builds as written; broken links are caught.

The fixture `contract_real_year` is a year in the shape of the real one: a
`Материалы` document without `Stage`, a meeting that refers to an item whose
evidence is documents, digests without a summary.
"""

from collections import Counter
from pathlib import Path

import pytest
from lxml import html

from links.check import broken_links, scan_output
from sitebuild import (
    PUBLISHED_PAGE,
    build,
    build_over_published,
    built_fixture_site,
    copy_fixture_site,
    tree_digest,
)

MEETING_URL = (
    "https://palata.example.ru/meetings/ustanovochnoe-zasedanie-tematicheskoy-gruppy/"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("contract_real_year", tmp_path_factory.mktemp("year"))


def text(element) -> str:
    """Words as a reader sees them; typography binds short words with U+00A0."""
    return " ".join(element.get_text(" ").replace("\xa0", " ").split())


def item(site, number):
    return site.json("plan/2021.json")["items"][number - 1]


def test_a_meeting_referring_to_a_documents_item_is_related_not_evidence(site):
    item_5 = item(site, 5)
    assert [e["title"] for e in item_5["evidence"]] == [
        "Материалы к концепции законопроекта о городских агломерациях"
    ]
    assert item_5["related"] == [
        {
            "title": "Установочное заседание тематической группы",
            "url": MEETING_URL,
            "date": "2021-02-18",
        }
    ]
    assert [e["url"] for e in item(site, 1)["evidence"]] == [MEETING_URL]
    assert item(site, 1)["related"] == []


def test_the_related_reference_is_a_warning_naming_the_file(site):
    assert (
        "Предупреждение: meetings/2021-02-18-ustanovochnoe.md: поле «Plan»: пункт "
        "2021-5 плана подтверждается публикациями раздела «Документы»"
    ) in site.log
    assert "не засчитывается как подтверждение" in site.log


def test_related_publications_are_shown_under_the_item_and_on_the_meeting(site):
    plan = site.html("plan/2021/")
    item_5 = plan.find(id="item-5").find_parent("li")
    headings = [dt.get_text() for dt in item_5.find_all("dt")]
    assert "Связанные публикации" in headings
    assert [a["href"] for a in item_5.select(".plan-related a")] == [MEETING_URL]
    assert [a["href"] for a in item_5.select(".plan-evidence a")] != [MEETING_URL]

    meeting = site.html("meetings/ustanovochnoe-zasedanie-tematicheskoy-gruppy/")
    terms = {
        text(dt): text(dt.find_next_sibling("dd"))
        for dt in meeting.select(".publication-meta dt")
    }
    assert terms["Пункты плана работы"].startswith("Пункт 1 плана на 2021 год")
    assert terms["Связанные пункты плана (не подтверждение)"].startswith(
        "Пункт 5 плана на 2021 год"
    )


def test_a_document_without_a_stage_is_published(site):
    page = site.html(
        "documents/materialy-k-kontseptsii-zakonoproekta-o-gorodskikh-aglomeratsiyakh/"
    )
    assert (
        text(page.h1) == "Материалы к концепции законопроекта о городских агломерациях"
    )


def test_a_document_without_a_stage_lists_no_empty_stage(site):
    page = site.html(
        "documents/materialy-k-kontseptsii-zakonoproekta-o-gorodskikh-aglomeratsiyakh/"
    )
    facts = page.select_one(".document-facts")
    assert [text(term) for term in facts("dt")] == ["Вид документа"]
    assert [text(value) for value in facts("dd")] == ["Материалы"]


def test_digest_summaries_are_their_rubrics_and_news_counts(site):
    digests = site.html("digests/")
    summaries = [text(p) for p in digests.select("main p")]
    assert "Нормативные правовые акты — 2, Федеральный уровень — 3, Регионы — 1" in (
        summaries
    )
    assert "Нормативные правовые акты — 1, События и мероприятия — 1" in summaries
    # Only the list's own headings: none comes from a digest's body.
    headings = [text(h) for h in digests.select("h1, h2, h3, h4, h5, h6")]
    assert not [h for h in headings if "Нормативные" in h or "Регионы" in h]
    assert not digests.select("[id=normativnye-pravovye-akty]")


def test_auto_summaries_carry_no_headings(site):
    articles = site.html("articles/")
    words = text(articles.select_one("main"))
    assert "Схема управления агломерацией показана ниже" in words
    assert "Совет глав муниципальных образований" not in words


def test_every_built_page_has_unique_ids(site):
    duplicates = {}
    for path in sorted(site.output.rglob("*.html")):
        ids = [e.get("id") for e in html.parse(str(path)).getroot().iter()]
        repeated = [i for i, n in Counter(filter(None, ids)).items() if n > 1]
        if repeated:
            duplicates[path.relative_to(site.output).as_posix()] = repeated
    assert len(list(site.output.rglob("*.html"))) > 20
    assert duplicates == {}


def test_every_internal_link_resolves(site):
    files, scanned = scan_output(site.output)
    assert broken_links(files, scanned, ["https://palata.example.ru"]) == []


def test_a_site_under_a_sub_path_links_within_itself(tmp_path):
    siteurl = "https://example.ru/palata"
    content = copy_fixture_site("contract_real_year", tmp_path)
    built = build(content, tmp_path / "output", siteurl=siteurl)
    assert built.result.returncode == 0, built.log
    files, scanned = scan_output(built.output)
    assert sum(len(f.links) for f in scanned.values()) > 500
    assert broken_links(files, scanned, [siteurl]) == []
    article = built.html(
        "articles/kazan-kak-stolitsa-tatarstana-upravlyaet-razvitiem-aglomeratsii/"
    )
    body = article.select_one("main")
    assert body.find("img", alt="Схема управления агломерацией")["src"] == (
        "/palata/images/skhema.svg"
    )
    assert body.find("a", string="«Документы»")["href"] == "/palata/documents/"
    feed = (built.output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "https://example.ru/palata/images/skhema.svg" in feed
    assert "https://example.ru/images/" not in feed


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken_links")
    content = copy_fixture_site("broken_links", folder)
    return build_over_published(content, folder / "output")


@pytest.mark.parametrize(
    "message",
    [
        "articles/missing-image.md:6: изображение «/images/net.png» не работает: "
        "файла или страницы «images/net.png» на сайте нет. Положите файл в папку "
        "content/images/ или исправьте ссылку.",
        "documents/missing-file.md:5: ссылка «/files/net.pdf» не работает: файла "
        "или страницы «files/net.pdf» на сайте нет. Положите файл в папку "
        "content/files/ или исправьте ссылку.",
        "pages/broken-page-link.md:4: ссылка «/plan/2020/» не работает: файла или "
        "страницы «plan/2020/index.html» на сайте нет.",
    ],
    ids=["missing_image", "missing_linked_file", "broken_page_link"],
)
def test_a_broken_link_names_its_file_and_fails_the_build(broken, message):
    built, _before = broken
    assert message in built.log
    assert built.result.returncode != 0


def test_broken_links_are_counted_and_the_output_is_untouched(broken):
    built, before = broken
    assert "Найдено: 3\u00a0битые ссылки." in built.log
    assert "skhema.svg" not in built.log
    assert "item-5" not in built.log
    assert tree_digest(built.output) == before
    assert sorted(p.name for p in built.output.parent.iterdir()) == [
        "broken_links",
        "output",
    ]
    assert Path(built.output / "index.html").read_text(encoding="utf-8") == (
        PUBLISHED_PAGE
    )


def test_captions_carry_every_word_and_end_at_the_videos_duration(site):
    vtt = (
        (site.output / "meetings" / "zasedanie-ob-upravlenii-aglomeratsiyami")
        .joinpath("transcript.vtt")
        .read_text(encoding="utf-8")
    )
    cues = [block.splitlines() for block in vtt.split("\n\n")[1:]]
    words = " ".join(lines[2].split(">", 1)[1] for lines in cues)
    assert "сколько в агломерации муниципальных образований и насколько они " in words
    assert words.endswith("насколько они различаются.")
    assert "…" not in words
    assert all(len(lines[2].split(">", 1)[1]) <= 84 for lines in cues)
    assert cues[-1][1].endswith("--> 00:02:30.000")
