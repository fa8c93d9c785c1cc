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


def meeting(tmp_path, name, transcript="transcripts/obshchaya.md"):
    source = tmp_path / "meetings" / name
    source.parent.mkdir(exist_ok=True)
    source.write_text(
        publication(
            Title="Заседание",
            Date="2021-03-01 14:30",
            Format="ВКС",
            Transcript=transcript,
        ),
        encoding="utf-8",
    )
    return source


def test_a_meeting_carries_one_record_with_its_parsed_transcript(reader, tmp_path):
    (tmp_path / "meetings" / "transcripts").mkdir(parents=True)
    (tmp_path / "meetings" / "transcripts" / "obshchaya.md").write_text(
        "**Иванов Иван** [00:01:00]\nДобрый день.\n", encoding="utf-8"
    )
    _content, metadata = reader.read(str(meeting(tmp_path, "pervoe.md")))
    assert BUILD.problems() == []
    record = metadata["record"]
    assert (record.section, record.format) == ("meetings", "ВКС")
    assert record.transcript.path == "meetings/transcripts/obshchaya.md"
    (turn,) = record.transcript.transcript.turns
    assert (turn.speaker, turn.start) == ("Иванов Иван", 60)
    assert {"format", "transcript", "section"} & metadata.keys() == set()


def test_a_transcript_two_meetings_share_is_read_and_reported_once(reader, tmp_path):
    (tmp_path / "meetings" / "transcripts").mkdir(parents=True)
    (tmp_path / "meetings" / "transcripts" / "obshchaya.md").write_bytes(b"\n")
    first = reader.read(str(meeting(tmp_path, "pervoe.md")))[1]["record"]
    second = reader.read(str(meeting(tmp_path, "vtoroe.md")))[1]["record"]
    assert [(p.path, p.message[:9]) for p in BUILD.problems()] == [
        ("meetings/transcripts/obshchaya.md", "файл пуст")
    ]
    assert first.transcript == second.transcript
    assert first.transcript.transcript is None


def test_each_meeting_naming_a_transcript_gives_its_warnings(reader, tmp_path):
    """A kept reading gives back the warnings its own reading gave: a meeting
    kept from the last build must warn about its transcript even when another
    meeting read the transcript first."""
    (tmp_path / "meetings" / "transcripts").mkdir(parents=True)
    # Word's Shift+Enter: taken out, with a warning.
    (tmp_path / "meetings" / "transcripts" / "obshchaya.md").write_text(
        "**Иванов Иван** [00:01:00]\nДобрый\x0b день.\n", encoding="utf-8"
    )
    given = []
    for name in ("pervoe.md", "vtoroe.md"):
        start = BUILD.warnings_given()
        reader.read(str(meeting(tmp_path, name)))
        given.append([w.path for w in BUILD.warnings_after(start)])
    assert given == [["meetings/transcripts/obshchaya.md"]] * 2
    assert BUILD.problems() == []
