"""Which static files are published: no links, only allowed kinds, clean SVGs."""

import os

import pytest

from chamber.static_files import (
    passes_through_link,
    refusal,
    static_problems,
    symlink_problems,
)

SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
)


@pytest.mark.parametrize(
    "relative",
    [
        "files/doklad.pdf",
        "files/Tablitsa.XLSX",
        "files/prezentatsiya.pptx",
        "files/reshenie.odt",
        "files/dannye.csv",
        "files/arkhiv.zip",
        "files/zapis.mp4",
        "files/zapis.webm",
        "files/subtitry.vtt",
        "files/foto.jpg",
        "images/skhema.png",
        "images/skhema.svg",
    ],
)
def test_documents_media_and_images_are_published(relative):
    assert refusal(relative) == []


@pytest.mark.parametrize(
    "relative",
    [
        "files/page.html",
        "files/page.HTM",
        "files/script.js",
        "files/passwd",
        "files/config.xml",
        "images/doklad.pdf",
        "images/page.html",
    ],
)
def test_other_kinds_are_refused(relative):
    (message,) = refusal(relative)
    assert "не публикуются" in message


@pytest.mark.parametrize("relative", ["../secret/doklad.pdf", "files/../../x.pdf"])
def test_a_file_outside_the_content_folder_is_refused(relative):
    (message,) = refusal(relative)
    assert "вне папки content" in message


def test_an_svg_with_a_script_is_refused():
    (message,) = refusal("images/skhema.svg", SCRIPTED_SVG)
    assert "<script>" in message


def test_links_anywhere_in_the_content_folder_are_named(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "shared").symlink_to("/etc", target_is_directory=True)
    problems = symlink_problems(tmp_path)
    assert [p.path for p in problems] == ["articles/shared", "files/passwd.txt"]
    assert "«/etc/passwd»" in problems[1].message


def test_a_path_through_a_linked_folder_is_found(tmp_path):
    (tmp_path / "files").mkdir()
    os.symlink("/etc", tmp_path / "files" / "etc")
    assert passes_through_link(tmp_path, "files/etc/hostname")
    assert not passes_through_link(tmp_path, "files/doklad.pdf")


def test_static_folders_are_checked_file_by_file(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "doklad.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "files" / "page.html").write_text("<script>alert(1)</script>")
    (tmp_path / "files" / ".gitkeep").write_text("")
    (tmp_path / "files" / "link.pdf").symlink_to(tmp_path / "files" / "doklad.pdf")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "bad.svg").write_bytes(SCRIPTED_SVG)
    problems = static_problems(tmp_path, ["files", "images"])
    assert [p.path for p in problems] == ["files/page.html", "images/bad.svg"]
