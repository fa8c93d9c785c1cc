"""Static files: links to server files, pages, scripts and scripted SVGs are named
and never copied into the site, not even by a preview that goes on after errors."""

import pytest

from published import preview_build
from sitebuild import build_over_published, copy_fixture_site, tree_digest
from texts import publication

CASES = {
    "link_to_a_server_file": (
        "files/passwd.txt",
        "это символическая ссылка (на «/etc/passwd»)",
    ),
    "link_to_a_server_folder": ("images/etc", "это символическая ссылка (на «/etc»)"),
    "linked_publication": ("articles/chuzhaya.md", "это символическая ссылка"),
    "linked_section_folder": ("pages", "это символическая ссылка"),
    "html_in_files": (
        "files/stranitsa.html",
        "файлы «.html» из content/files/ не публикуются",
    ),
    "script_in_files": (
        "files/skript.js",
        "файлы «.js» из content/files/ не публикуются",
    ),
    "svg_script": ("images/skript.svg", "в SVG-файле есть скрипт (<script>)"),
    "svg_handler": (
        "images/obrabotchik.svg",
        "в SVG-файле у элемента <rect> есть обработчик onload=",
    ),
    "svg_foreign_image": (
        "images/pixel.svg",
        "SVG-файл загружает «https://evil.example/pixel.png» с другого сайта",
    ),
    "svg_foreign_object": ("images/vstavka.svg", "в SVG-файле есть <foreignObject>"),
    "link_out_of_the_content_folder": (
        "../secret/doklad.pdf",
        "файл лежит вне папки content",
    ),
}
REFUSED = [
    "files/passwd.txt",
    "files/stranitsa.html",
    "files/skript.js",
    "images/skript.svg",
    "images/obrabotchik.svg",
    "images/pixel.svg",
    "images/vstavka.svg",
]


def hostile_copy(folder):
    content = copy_fixture_site("hostile_static", folder)
    # Made here: a fixture copied by shutil.copytree would follow the links.
    (content / "files" / "passwd.txt").symlink_to("/etc/passwd")
    (content / "images" / "etc").symlink_to("/etc", target_is_directory=True)
    outside = folder / "outside.md"
    outside.write_text(
        publication("Секрет.", Title="Чужой файл", Date="2021-03-02"), encoding="utf-8"
    )
    (content / "articles" / "chuzhaya.md").symlink_to(outside)
    (folder / "elsewhere").mkdir()
    (folder / "elsewhere" / "tayna.md").write_text(
        publication("Тайна.", Title="Из чужой папки"), encoding="utf-8"
    )
    (content / "pages").symlink_to(folder / "elsewhere", target_is_directory=True)
    (folder / "secret").mkdir()
    (folder / "secret" / "doklad.pdf").write_bytes(b"%PDF-1.4 secret")
    return content


@pytest.fixture(scope="module")
def failed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_static")
    content = hostile_copy(folder)
    return build_over_published(content, folder / "output")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_static_preview")
    # Deeper than the content, so that a copy to «output/../secret/» would show.
    output = folder / "site" / "output"
    result = preview_build(hostile_copy(folder), output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.mark.parametrize("case", CASES)
def test_the_file_is_named(failed, case):
    built, _ = failed
    path, message = CASES[case]
    assert f"{path}: {message}" in built.log


def test_the_build_fails_and_leaves_the_site_as_it_was(failed):
    built, before = failed
    assert built.result.returncode != 0
    assert tree_digest(built.output) == before
    assert "Traceback" not in built.log


def test_allowed_files_are_not_reported(failed):
    built, _ = failed
    assert "files/doklad.pdf:" not in built.log
    assert "images/skhema.svg:" not in built.log


@pytest.mark.parametrize("relative", REFUSED)
def test_a_refused_file_is_not_copied_by_a_preview(preview, relative):
    assert not (preview / relative).exists()


def test_nothing_from_outside_the_content_folder_is_published(preview):
    assert not (preview / "images" / "etc").exists()
    assert not (preview.parent / "secret").exists()
    published = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in preview.rglob("*")
        if p.is_file()
    )
    assert "root:x:0:0" not in published
    assert "Секрет." not in published
    assert "Тайна." not in published


def test_allowed_files_are_copied(preview):
    assert (preview / "files" / "doklad.pdf").read_bytes().startswith(b"%PDF")
    assert (preview / "images" / "skhema.svg").is_file()
