"""The checked reader: a crash on one file is one Russian message naming it."""

import pytest
from pelican.settings import read_settings

from content_model.reader import SKIP, CheckedMarkdownReader
from content_model.state import BUILD
from sitebuild import ROOT
from texts import publication


@pytest.fixture
def reader(tmp_path):
    settings = read_settings(
        str(ROOT / "publishconf.py"), override={"PATH": str(tmp_path)}
    )
    BUILD.reset()
    yield CheckedMarkdownReader(settings)
    BUILD.reset()


def test_an_unexpected_crash_is_one_message_naming_the_file(
    reader, tmp_path, monkeypatch
):
    source = tmp_path / "articles" / "slomannaya.md"
    source.parent.mkdir()
    source.write_text(publication(Title="Статья", Date="2021-03-01"), encoding="utf-8")

    def crash(text):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(reader._document, "convert", crash)
    assert reader.read(str(source)) == (None, SKIP)
    (problem,) = BUILD.problems()
    assert problem.path == "articles/slomannaya.md"
    assert problem.message.startswith("файл не удалось прочитать")
    assert "RecursionError" in problem.message


def test_an_upper_case_suffix_is_read_like_md(reader, tmp_path):
    source = tmp_path / "articles" / "itogi.MD"
    source.parent.mkdir()
    source.write_text(publication(Title="Итоги", Date="2021-03-01"), encoding="utf-8")
    content, metadata = reader.read(str(source))
    assert BUILD.problems() == []
    assert content == "<p>Текст.</p>"
    assert metadata["title"] == "Итоги"
    assert "MD" in CheckedMarkdownReader.file_extensions
