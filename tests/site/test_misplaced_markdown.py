"""Markdown where no section would publish it is named; .MD is read like .md."""

import pytest

from published import preview_build
from sitebuild import build_over_published, copy_fixture_site, tree_digest

SECTIONS = "Разделы — папки articles, digests, meetings, documents, pages."
CASES = {
    "content_root": ("v-korne.md", "файл лежит прямо в папке content и не публикуется"),
    "unknown_folder": (
        "news/novost.md",
        f"папки «news» нет среди разделов сайта, и файл не публикуется. {SECTIONS}",
    ),
    "folder_in_capitals": (
        "Articles/statya.md",
        f"папки «Articles» нет среди разделов сайта, и файл не публикуется. {SECTIONS} "
        "Похоже, имелась в виду папка «articles»",
    ),
}


@pytest.fixture(scope="module")
def failed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("misplaced_markdown")
    content = copy_fixture_site("misplaced_markdown", folder)
    return build_over_published(content, folder / "output")


@pytest.mark.parametrize("case", CASES)
def test_the_file_and_the_sections_are_named(failed, case):
    built, _ = failed
    path, message = CASES[case]
    assert f"{path}: {message}" in built.log


def test_the_build_fails_and_leaves_the_site_as_it_was(failed):
    built, before = failed
    assert built.result.returncode != 0
    assert "Найдено: 3\u00a0ошибки в 3\u00a0файлах." in built.log
    assert tree_digest(built.output) == before


def test_upper_case_and_long_suffixes_are_published(tmp_path):
    content = copy_fixture_site("misplaced_markdown", tmp_path)
    result = preview_build(content, tmp_path / "output")
    assert result.returncode == 0, result.stdout + result.stderr
    itogi = (tmp_path / "output" / "articles" / "itogi-goda" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Текст итогов." in itogi
    assert (tmp_path / "output" / "articles" / "plan-raboty" / "index.html").is_file()
