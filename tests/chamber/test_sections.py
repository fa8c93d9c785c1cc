"""Markdown files where nothing would publish them are named."""

from chamber.sections import MARKDOWN_EXTENSIONS, misplaced_markdown, stray_files

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
