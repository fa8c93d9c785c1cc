import pickle
from pathlib import Path

import pytest

from links.check import Link, broken_links, group_by_source, scan_file, scan_output
from links.settings import SettingsError, checked_settings, site_bases

SITE = "https://palata.example.ru"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def page(body: str) -> str:
    return f"<!doctype html><html lang=ru><head><title>т</title></head><body>{body}</body></html>"


def broken(root: Path, bases=(SITE,)):
    files, scanned = scan_output(root)
    return [
        (item.built_file, item.link.kind, item.link.url, item.reason)
        for item in broken_links(files, scanned, list(bases))
    ]


def test_links_to_built_files_pages_and_ids_resolve(tmp_path):
    write(
        tmp_path,
        {
            "index.html": page(
                '<a href="/plan/2021/#item-5">п</a><a href="plan/2021/">п</a>'
                '<img src="images/a.png" srcset="/images/a.png 1x, images/a.png 2x">'
                '<a href="https://other.example/">x</a><a href="mailto:a@b.ru">m</a>'
                f'<a href="{SITE}/plan/2021">п</a><a href="#top" id="top">в</a>'
            ),
            "plan/2021/index.html": page('<li id="item-5">5</li>'),
            "images/a.png": "png",
        },
    )
    assert broken(tmp_path) == []


def test_missing_files_pages_and_ids_are_broken(tmp_path):
    write(
        tmp_path,
        {
            "a/index.html": page(
                '<img src="/images/net.png"><a href="/files/net.pdf">д</a>'
                '<a href="../plan/2020/">п</a><a href="/a/#net">я</a>'
                '<video poster="/images/p.jpg"><source src="/files/v.webm"></video>'
            ),
        },
    )
    assert broken(tmp_path) == [
        (
            "a/index.html",
            "изображение",
            "/images/net.png",
            "файла или страницы «images/net.png» на сайте нет",
        ),
        (
            "a/index.html",
            "ссылка",
            "/files/net.pdf",
            "файла или страницы «files/net.pdf» на сайте нет",
        ),
        (
            "a/index.html",
            "ссылка",
            "../plan/2020/",
            "файла или страницы «plan/2020/index.html» на сайте нет",
        ),
        (
            "a/index.html",
            "ссылка",
            "/a/#net",
            "на странице «a/index.html» нет места «#net»",
        ),
        (
            "a/index.html",
            "изображение",
            "/images/p.jpg",
            "файла или страницы «images/p.jpg» на сайте нет",
        ),
        (
            "a/index.html",
            "видео или звук",
            "/files/v.webm",
            "файла или страницы «files/v.webm» на сайте нет",
        ),
    ]


def test_under_a_sub_path_a_link_from_the_host_root_leaves_the_site(tmp_path):
    write(
        tmp_path,
        {
            "index.html": page(
                '<img src="/images/a.png"><img src="/palata/images/a.png">'
            ),
            "images/a.png": "png",
        },
    )
    assert broken(tmp_path, ["https://example.ru/palata"]) == [
        (
            "index.html",
            "изображение",
            "/images/a.png",
            "ведёт за пределы сайта (ссылка от корня без адреса сайта?)",
        )
    ]


def test_feed_links_and_entry_html_are_checked(tmp_path):
    write(
        tmp_path,
        {
            "feeds/all.atom.xml": (
                '<feed xmlns="http://www.w3.org/2005/Atom"><link href="'
                f'{SITE}/"/><entry><link href="{SITE}/net/"/>'
                '<content type="html">&lt;img src="'
                f'{SITE}/images/net.png"&gt;</content></entry></feed>'
            ),
            "index.html": page(""),
        },
    )
    assert [url for _f, _k, url, _r in broken(tmp_path)] == [
        f"{SITE}/net/",
        f"{SITE}/images/net.png",
    ]


def test_a_broken_link_is_told_once_by_the_file_it_is_written_in(tmp_path):
    nav = '<a href="/digests/">Дайджесты</a>'
    write(
        tmp_path,
        {
            "a/index.html": page(nav + '<img src="/images/net.png">'),
            "b/index.html": page(nav),
            "index.html": page(nav + '<img src="/images/net.png">'),
            "feeds/all.rss.xml": (
                "<rss><channel><item><description>&lt;img src="
                f'"{SITE}/images/net.png"&gt;</description></item></channel></rss>'
            ),
            "archives/index.html": page('<a href="/net/">т</a>'),
        },
    )
    files, scanned = scan_output(tmp_path)
    written = {"articles/a.md": "![](/images/net.png)", "articles/b.md": "Текст"}
    grouped = group_by_source(
        broken_links(files, scanned, [SITE]),
        {"a/index.html": "articles/a.md", "b/index.html": "articles/b.md"},
        lambda source, url: url in written[source],
    )
    assert {where: [i.link for i in items] for where, items in grouped.items()} == {
        "articles/a.md": [Link("изображение", "/images/net.png")],
        "a/index.html": [Link("ссылка", "/digests/")],
        "archives/index.html": [Link("ссылка", "/net/")],
    }


def test_preview_bases_and_settings_are_checked():
    settings = checked_settings({"LINKS_ALSO_INTERNAL": ["http://localhost:8000/"]})
    assert site_bases({**settings, "SITEURL": ""}) == [
        "http://preview.invalid",
        "http://localhost:8000",
    ]
    with pytest.raises(SettingsError, match="LINKS_STOP_ON_ERRORS"):
        checked_settings({"LINKS_STOP_ON_ERRORS": "да"})


def test_a_folder_being_written_is_left_out_and_taken_on_its_own_later(tmp_path):
    write(
        tmp_path,
        {
            "index.html": page('<a href="/pagefind/pagefind.js">п</a>'),
            "pagefind/pagefind.js": "export {}",
            "pagefind/fragment/ru.html": page('<a href="/net/">т</a>'),
            "pagefinder/index.html": page(""),
        },
    )
    files, scanned = scan_output(tmp_path, leave=[tmp_path / "pagefind"])
    assert files == {"index.html", "pagefinder/index.html"}
    assert sorted(scanned) == ["index.html", "pagefinder/index.html"]
    later, later_scanned = scan_output(tmp_path, folders=[tmp_path / "pagefind"])
    assert later == {"pagefind/pagefind.js", "pagefind/fragment/ru.html"}
    assert sorted(later_scanned) == ["pagefind/fragment/ru.html"]


def test_a_scan_kept_between_builds_comes_back_whole(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(
        '<html><body><h2 id="itogi">Итоги</h2><a href="/a/">А</a>'
        '<img src="/i.png" srcset="/i.png 1x, /i@2.png 2x" alt=""></body></html>',
        encoding="utf-8",
    )
    scanned = scan_file(page)
    kept = pickle.loads(pickle.dumps(scanned, protocol=pickle.HIGHEST_PROTOCOL))
    assert kept == scanned
    assert kept.links[0] == Link("ссылка", "/a/")
    assert [link.kind for link in kept.links[1:]] == ["изображение"] * 3
    assert kept.ids == {"itogi"}
