"""End to end: meeting pages, /speakers/, the speakers' pages and the transcript
files of a built site."""

import json
from urllib.parse import urlsplit

import pytest

from sitebuild import (
    SITEURL,
    breadcrumb_trail,
    build,
    built_fixture_site,
    copy_fixture_site,
)

RUTUBE_ID = "0123456789abcdef0123456789abcdef"
RUTUBE_PAGE = "meetings/zasedanie-rutube/"
FILE_PAGE = "meetings/zasedanie-fayl/"
PARTS_PAGE = "meetings/zasedanie-dve-chasti/"
NO_TRANSCRIPT_PAGE = "meetings/zasedanie-bez-stenogrammy/"
FILE_AND_RUTUBE_PAGE = "meetings/zasedanie-fayl-i-rutube/"
MEETING_PAGES = (
    RUTUBE_PAGE,
    FILE_PAGE,
    PARTS_PAGE,
    NO_TRANSCRIPT_PAGE,
    FILE_AND_RUTUBE_PAGE,
)
POSTER = f"{SITEURL}/theme/img/video-poster.png"
PETROVA_PAGE = "speakers/petrova-anna-sergeevna/"


def event_json(page):
    """The meeting's Event among the page's JSON-LD (breadcrumbs have their own)."""
    (event,) = [
        data
        for data in (
            json.loads(script.string)
            for script in page.find_all("script", type="application/ld+json")
        )
        if data["@type"] == "Event"
    ]
    return event


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    # One build serves every assertion in this module.
    return built_fixture_site(
        "meetings_pages", tmp_path_factory.mktemp("meetings_pages")
    )


def text(node):
    return " ".join(node.get_text(" ").split())


def test_every_turn_is_on_the_page_with_its_own_anchor(site):
    turns = site.html(RUTUBE_PAGE).select("ol.transcript-turns > li.turn")
    # The anchor is on the speaker's heading: search sub-results link to it.
    anchors = [turn.select_one("h3.turn-speaker")["id"] for turn in turns]
    assert anchors == [f"turn-{n}" for n in range(1, 6)]
    for turn, anchor in zip(turns, anchors, strict=True):
        permalink = turn.select_one("a.turn-permalink")
        assert permalink["href"] == f"#{anchor}"


def test_a_turn_shows_its_speaker_role_and_text(site):
    turn = site.html(RUTUBE_PAGE).select_one(".turn:has(#turn-1)")
    assert text(turn.select_one(".turn-speaker")) == (
        "Иванов Иван Иванович , председатель Палаты, глава города Кирова"
    )
    assert turn.select_one(".turn-text em").string == "бюджеты"
    assert len(turn.select(".turn-text p")) == 2


def test_a_time_opens_the_video_at_that_moment(site):
    page = site.html(RUTUBE_PAGE)
    link = page.select_one(".turn:has(#turn-2)").select_one("a.turn-time")
    assert link["href"] == f"https://rutube.ru/video/{RUTUBE_ID}/?t=750"
    assert link["data-start"] == "750"
    assert link["data-play"] == (
        f"https://rutube.ru/play/embed/{RUTUBE_ID}?t=750&autoplay=1"
    )
    assert link.time["datetime"] == "PT0H12M30S"
    assert link.time.string == "00:12:30"
    assert page.select_one(".turn:has(#turn-3)").select_one(".turn-time") is None


def test_times_in_a_meeting_of_several_parts_refer_to_the_first(site):
    page = site.html(PARTS_PAGE)
    figures = page.select("figure.video")
    assert [text(f.select_one(".video-name")) for f in figures] == [
        "Часть 1",
        "Часть 2",
    ]
    assert figures[0].select_one("[data-timed]")["data-provider"] == "youtube"
    assert figures[1].select_one("[data-video-player]").get("data-timed") is None
    link = page.select_one(".turn:has(#turn-1)").select_one("a.turn-time")
    assert link["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=100s"


def test_each_facade_names_its_part(site):
    facades = site.html(PARTS_PAGE).select(".video-facade")
    assert [text(f.select_one(".video-facade-name")) for f in facades] == [
        "Часть 1",
        "Часть 2",
    ]
    single = site.html(RUTUBE_PAGE).select_one(".video-facade-name")
    assert text(single) == "Видеозапись заседания"


def test_the_way_back_from_the_video_waits_for_the_script(site):
    page = site.html(RUTUBE_PAGE)
    (button,) = page.select("button[data-video-return]")
    assert button.has_attr("hidden")
    assert button.find_parent("figure")["id"] == "video-1"


def test_the_meetings_date_and_format_are_among_the_publication_facts(site):
    header = site.html(RUTUBE_PAGE).select_one("article > header")
    (facts,) = header.select("dl")
    terms = [text(dt) for dt in facts.select("dt")]
    assert terms[:2] == ["Дата и время", "Формат"]
    # The meeting's date stands for the publication date: given once.
    assert "Опубликовано" not in terms
    assert facts.select_one("dd time")["datetime"] == "2021-03-25T10:00+03:00"
    assert text(facts.select("dd")[1]) == "видеоконференция (ВКС)"
    assert site.html(RUTUBE_PAGE).select(".meeting-facts") == []


def test_a_video_is_a_facade_until_the_reader_presses_play(site):
    page = site.html(RUTUBE_PAGE)
    facade = page.select_one("[data-video-player] a.video-facade")
    assert facade["href"] == f"https://rutube.ru/video/{RUTUBE_ID}/"
    assert facade["data-play"] == (
        f"https://rutube.ru/play/embed/{RUTUBE_ID}?autoplay=1"
    )
    assert "RuTube" in text(facade)
    assert page.select_one("figcaption a")["href"] == facade["href"]


@pytest.mark.parametrize("relative", [*MEETING_PAGES, "speakers/", PETROVA_PAGE])
def test_nothing_is_loaded_from_another_host_when_a_page_opens(site, relative):
    page = site.html(relative)
    assert page.find("iframe") is None
    loaded = [
        node[attribute]
        for attribute in ("src", "srcset", "poster", "data")
        for node in page.find_all(attrs={attribute: True})
    ]
    loaded += [link["href"] for link in page.find_all("link", href=True)]
    hosts = {urlsplit(url).netloc for url in loaded}
    assert hosts <= {urlsplit(SITEURL).netloc}, loaded


def test_script_only_tools_are_hidden_without_it(site):
    page = site.html(RUTUBE_PAGE)
    assert page.select_one("[data-transcript-search]").has_attr("hidden")
    buttons = page.select("button.turn-copy")
    assert len(buttons) == 5
    assert all(button.has_attr("hidden") for button in buttons)
    assert buttons[0]["data-copy-link"] == "turn-1"


def test_the_speakers_are_listed_with_their_turns(site):
    items = site.html(RUTUBE_PAGE).select(".speaker-list > li")
    assert [text(item) for item in items] == [
        "Иванов Иван Иванович , председатель Палаты, глава города Кирова — "
        "2 реплики · все выступления : Иванов Иван Иванович",
        "Петрова Анна Сергеевна , глава города Вологды — 2 реплики · все "
        "выступления : Петрова Анна Сергеевна",
        "Сидоров Пётр Андреевич — 1 реплика · все выступления : Сидоров Пётр Андреевич",
    ]
    assert [item.a["href"] for item in items] == ["#turn-1", "#turn-2", "#turn-3"]
    assert items[0].select("a")[1]["href"] == (
        f"{SITEURL}/speakers/ivanov-ivan-ivanovich/"
    )


def test_a_name_spelled_differently_is_one_speaker_on_the_page(site):
    # Turn 5 spells «петрова анна сергеевна» in lower case.
    items = site.html(RUTUBE_PAGE).select(".speaker-list > li")
    assert len(items) == 3
    petrova = site.html(PETROVA_PAGE)
    assert [a["href"] for a in petrova.select(".turn-links a")][:2] == [
        f"{SITEURL}/{RUTUBE_PAGE}#turn-2",
        f"{SITEURL}/{RUTUBE_PAGE}#turn-5",
    ]


def test_the_transcript_downloads_as_plain_text(site):
    page = site.html(RUTUBE_PAGE)
    link = page.select_one(".transcript-downloads a")
    assert link["href"] == f"{SITEURL}/{RUTUBE_PAGE}transcript.txt"
    download = (site.output / RUTUBE_PAGE / "transcript.txt").read_bytes()
    assert download.startswith("Заседание о бюджетах агломераций\n\n".encode())
    assert "Петрова Анна Сергеевна, глава города Вологды [00:12:30]\n".encode() in (
        download
    )
    assert b"\r" not in download
    assert not (site.output / RUTUBE_PAGE / "transcript.vtt").exists()


def test_plain_text_shows_speech_without_its_markdown(site):
    text = (site.output / RUTUBE_PAGE / "transcript.txt").read_text("utf-8")
    assert "Первый вопрос — бюджеты агломераций." in text
    assert 'обсудить "бюджетные кредиты" и гарантии & займы.' in text
    for mark in ("*", "](", "&amp;"):
        assert mark not in text
    page = site.html(RUTUBE_PAGE)
    for script in page.find_all("script", type="application/ld+json"):
        assert "Первый вопрос — бюджеты агломераций." not in script.string


def test_speech_on_the_page_is_set_in_russian_typography(site):
    turn = site.html(RUTUBE_PAGE).select_one(".turn:has(#turn-2)")
    # Not through text(): str.split() would take the no-break space for a space.
    assert turn.select_one(".turn-text p").get_text() == (
        "Спасибо. Предлагаю обсудить «бюджетные кредиты» и\u00a0гарантии & займы."
    )


def test_a_video_file_plays_here_with_the_transcript_as_captions(site):
    page = site.html(FILE_PAGE)
    video = page.select_one("[data-video-player] video")
    assert video.source["src"] == f"{SITEURL}/files/zasedanie.mp4"
    assert video.source["type"] == "video/mp4"
    assert video["preload"] == "none"
    assert video.track["src"] == f"{SITEURL}/{FILE_PAGE}transcript.vtt"
    assert video.track["kind"] == "captions"
    captions = (site.output / FILE_PAGE / "transcript.vtt").read_text(encoding="utf-8")
    assert captions.startswith(
        "WEBVTT\n\nturn-1\n00:00:10.000 --> 00:03:20.000\n"
        "<v Петрова Анна Сергеевна>Петрова Анна Сергеевна: Добрый день.\n"
    )
    link = page.select_one(".turn:has(#turn-2)").select_one("a.turn-time")
    assert link["href"] == f"{SITEURL}/files/zasedanie.mp4#t=200"
    assert not link.has_attr("data-play")


def test_a_meeting_without_transcript_shows_its_video_only(site):
    page = site.html(NO_TRANSCRIPT_PAGE)
    facade = page.select_one(".video-facade")
    assert facade["href"] == "https://vk.com/video-12345_456239018"
    # The page's script reopens a VK player rather than using VK's API.
    assert facade["data-play"] == (
        "https://vk.com/video_ext.php?oid=-12345&id=456239018&autoplay=1"
    )
    assert page.select_one("[data-video-return]") is None
    assert page.select_one(".transcript") is None
    assert not (site.output / NO_TRANSCRIPT_PAGE / "transcript.txt").exists()


def test_json_ld_describes_the_event_and_links_its_transcript(site):
    event = event_json(site.html(RUTUBE_PAGE))
    assert event["@type"] == "Event"
    assert event["url"] == f"{SITEURL}/{RUTUBE_PAGE}"
    assert event["startDate"] == "2021-03-25T10:00:00+03:00"
    (video,) = event["recordedIn"]
    assert video["@type"] == "VideoObject"
    # Linked, not copied: the page does not grow with the transcript.
    assert video["subjectOf"]["url"] == f"{SITEURL}/{RUTUBE_PAGE}transcript.txt"
    assert "transcript" not in video
    assert "Первый вопрос" not in json.dumps(event, ensure_ascii=False)
    assert video["thumbnailUrl"] == POSTER
    assert event["location"] == {"@type": "VirtualLocation", "url": event["url"]}


def test_the_thumbnail_is_the_sites_own_poster(site):
    poster = site.output / POSTER.removeprefix(f"{SITEURL}/")
    assert poster.read_bytes().startswith(b"\x89PNG")


def test_json_ld_tells_the_player_without_the_pages_script_parameters(site):
    page = site.html(PARTS_PAGE)
    event = event_json(page)
    youtube, vk = event["recordedIn"]
    assert youtube["embedUrl"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert vk["embedUrl"] == "https://vk.com/video_ext.php?oid=-12345&id=456239017"
    assert "enablejsapi=1" in page.select_one(".video-facade")["data-play"]


def test_an_in_person_meeting_names_no_place_it_was_not_given(site):
    page = site.html(FILE_PAGE)
    event = event_json(page)
    assert "location" not in event


def test_speakers_page_lists_everyone_across_meetings(site):
    items = site.html("speakers/").select(".speaker-list > li")
    assert [text(item) for item in items] == [
        "Иванов Иван Иванович — 2 реплики на 1 заседании",
        "Кузнецов Олег Павлович — 2 реплики на 2 заседаниях",
        "Петрова Анна Сергеевна — 3 реплики на 2 заседаниях",
        "Сидоров Пётр Андреевич — 1 реплика на 1 заседании",
    ]
    assert items[2].a["href"] == f"{SITEURL}/{PETROVA_PAGE}"


def test_a_speaker_page_lists_their_meetings_and_turns(site):
    petrova = site.html(PETROVA_PAGE)
    assert text(petrova.h1) == "Петрова Анна Сергеевна"
    assert [text(a) for a in petrova.select(".speaker-meetings > li > a")] == [
        "Заседание о бюджетах агломераций",
        "Заседание с видеофайлом",
    ]
    turn_links = [a["href"] for a in petrova.select(".turn-links a")]
    assert turn_links == [
        f"{SITEURL}/{RUTUBE_PAGE}#turn-2",
        f"{SITEURL}/{RUTUBE_PAGE}#turn-5",
        f"{SITEURL}/{FILE_PAGE}#turn-1",
    ]
    kuznetsov = site.html("speakers/kuznetsov-oleg-pavlovich/")
    assert text(kuznetsov.select_one(".speaker-roles")) == (
        "эксперт; эксперт по градостроительству"
    )


def test_drafts_stay_off_the_speakers_page(site):
    assert "Черновиков" not in site.html("speakers/").get_text()
    assert not any(
        "chernovikov" in path.name for path in (site.output / "speakers").iterdir()
    )


def test_a_time_going_backwards_is_a_warning_only(site):
    assert (
        "meetings/transcripts/rutube.md:16: предупреждение (сборка продолжается): "
        "Время [00:59:00] раньше"
    ) in site.log


def test_the_same_input_builds_the_same_files(site, tmp_path):
    again = build(copy_fixture_site("meetings_pages", tmp_path), tmp_path / "output")
    assert again.result.returncode == 0, again.log
    for relative in (
        "speakers/index.html",
        f"{PETROVA_PAGE}index.html",
        f"{RUTUBE_PAGE}index.html",
        f"{RUTUBE_PAGE}transcript.txt",
        f"{FILE_PAGE}transcript.vtt",
    ):
        assert (again.output / relative).read_bytes() == (
            site.output / relative
        ).read_bytes(), relative


def test_a_speaker_at_many_meetings_gets_pages_of_twenty(tmp_path):
    """A speaker's page lists their meetings twenty a page, oldest first: it
    must not grow with the archive (at 10,000 documents one was 353 KiB)."""
    content = copy_fixture_site("meetings_pages", tmp_path)
    meetings = content / "meetings"
    for day in range(1, 22):
        (meetings / f"mnogo-{day}.md").write_text(
            f"Title: Заседание {day} сентября\nDate: 2021-09-{day:02d} 10:00\n"
            f"Format: ВКС\nTranscript: transcripts/mnogo-{day}.md\n\nПовестка.\n",
            encoding="utf-8",
        )
        (meetings / "transcripts" / f"mnogo-{day}.md").write_text(
            "**Петрова Анна Сергеевна, глава города Вологды** [00:00:10]\nДобрый день.\n",
            encoding="utf-8",
        )
    built = build(content, tmp_path / "output")
    assert built.result.returncode == 0, built.log
    first = built.html(PETROVA_PAGE)
    second = built.html(f"{PETROVA_PAGE}page/2/")
    # The fixture's two meetings come first, then the 21 above.
    assert "24 реплики на 23 заседаниях" in text(first.select_one("main"))
    titles = [text(a) for a in first.select(".speaker-meetings > li > a")]
    assert titles[:3] == [
        "Заседание о бюджетах агломераций",
        "Заседание с видеофайлом",
        "Заседание 1 сентября",
    ]
    assert len(titles) == 20
    assert [text(a) for a in second.select(".speaker-meetings > li > a")] == [
        "Заседание 19 сентября",
        "Заседание 20 сентября",
        "Заседание 21 сентября",
    ]
    next_link = first.select_one("nav.pagination a[rel=next]")
    assert next_link["href"] == f"{SITEURL}/{PETROVA_PAGE}page/2/"
    assert text(next_link) == "Позже →"
    assert text(second.select_one("nav.pagination a[rel=prev]")) == "← Раньше"
    assert text(second.title).startswith(
        "Петрова Анна Сергеевна: выступления на заседаниях, страница 2 — "
    )
    assert breadcrumb_trail(second)[-2:] == [
        ("Петрова Анна Сергеевна", f"{SITEURL}/{PETROVA_PAGE}"),
        ("Страница 2", None),
    ]
