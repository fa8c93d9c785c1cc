"""Markdown files where nothing would publish them are named."""

from pathlib import Path

import pytest

from chamber.sections import (
    COMPANION_FOLDERS,
    MARKDOWN_EXTENSIONS,
    PARTIAL_ROLES,
    SECTIONS,
    misplaced_markdown,
    stray_files,
)

KNOWN = [
    "articles",
    "digests",
    "meetings",
    "documents",
    "pages",
    "files",
    "images",
    "plans",
]


def write(path, text="Title: Т\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_markdown_at_the_root_and_in_unknown_folders_is_named(tmp_path):
    write(tmp_path / "itogi.md")
    write(tmp_path / "news" / "x.md")
    write(tmp_path / "Articles" / "y.MD")
    write(tmp_path / "articles" / "ok.md")
    write(tmp_path / "news" / "photo.jpg")
    problems = {p.path: p.message for p in misplaced_markdown(tmp_path, KNOWN)}
    assert sorted(problems) == ["Articles/y.MD", "itogi.md", "news/x.md"]
    assert "articles, digests, meetings, documents, pages" in problems["news/x.md"]
    assert "папка «articles»" in problems["Articles/y.MD"]
    assert "прямо в папке content" in problems["itogi.md"]


def test_upper_case_markdown_is_read_and_odd_cases_are_named(tmp_path):
    write(tmp_path / "articles" / "itogi.MD")
    write(tmp_path / "articles" / "plan.Markdown")
    write(tmp_path / "articles" / "odd.mD")
    problems = stray_files(tmp_path, MARKDOWN_EXTENSIONS)
    assert [p.path for p in problems] == ["articles/odd.mD"]
    assert "переименуйте его в .md" in problems[0].message


def test_companion_files_are_not_stray_only_in_their_own_section(tmp_path):
    write(tmp_path / "meetings" / "transcripts" / "2021-09-15.txt")
    write(tmp_path / "articles" / "transcripts" / "2021-09-15.txt")
    problems = stray_files(tmp_path, MARKDOWN_EXTENSIONS)
    assert [p.path for p in problems] == ["articles/transcripts/2021-09-15.txt"]
    assert COMPANION_FOLDERS == ("meetings/transcripts",)


def test_each_section_partial_is_in_the_theme_and_each_theme_partial_is_listed():
    templates = Path(__file__).resolve().parents[2] / "theme" / "templates"
    listed = {
        section.partial(role)
        for section in SECTIONS.values()
        for role in PARTIAL_ROLES
        if section.partial(role)
    }
    in_theme = {
        path.relative_to(templates).as_posix()
        for folder in (
            "section_head",
            "section_intro",
            "section_meta",
            "section_details",
        )
        for path in (templates / "partials" / folder).glob("*.html")
    }
    # The fallback for sections without facts of their own.
    assert in_theme - listed == {"partials/section_meta/published.html"}
    assert listed - in_theme == set()


def test_a_role_that_does_not_exist_is_an_error():
    with pytest.raises(KeyError):
        SECTIONS["meetings"].partial("detail")
