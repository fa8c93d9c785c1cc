"""What a kept reading depends on besides its own file: every other file of the
content folder, and none of the other publications."""

import os

import pytest

from chamber.read_inputs import HASHED_UP_TO, is_publication, other_inputs_digest


@pytest.fixture
def content(tmp_path):
    content = tmp_path / "content"
    for relative, text in {
        "articles/2021-03-kazan.md": "Title: Казань\n",
        "meetings/2021-10-20.md": "Title: Заседание\n",
        "meetings/transcripts/2021-10-20.md": "**Иванов:** Добрый день.\n",
        "files/materialy.pdf": "%PDF-1.4",
        "images/skhema.svg": "<svg/>",
        "pages/o-palate.md": "Title: О Палате\n",
    }.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def test_publications_are_the_markdown_files_of_the_sections_but_transcripts():
    assert is_publication("articles/2021-03-kazan.md")
    assert is_publication("articles/itogi.MD")
    assert is_publication("pages/o-palate.md")
    assert not is_publication("meetings/transcripts/2021-10-20.md")
    assert not is_publication("files/materialy.pdf")
    assert not is_publication("plans/2021.toml")
    assert not is_publication("articles/skhema.svg")


def test_editing_a_publication_leaves_the_digest_as_it_was(content):
    before = other_inputs_digest(content)
    (content / "articles/2021-03-kazan.md").write_text("Title: Казань!\n")
    (content / "articles/2021-07-tyumen.md").write_text("Title: Тюмень\n")
    assert other_inputs_digest(content) == before


@pytest.mark.parametrize(
    "relative",
    ["meetings/transcripts/2021-10-20.md", "files/materialy.pdf", "images/skhema.svg"],
)
def test_editing_any_other_file_changes_the_digest(content, relative):
    before = other_inputs_digest(content)
    path = content / relative
    path.write_bytes(path.read_bytes().replace(b"<", b"< ", 1) + b" ")
    assert other_inputs_digest(content) != before


def test_a_file_added_or_removed_changes_the_digest(content):
    before = other_inputs_digest(content)
    (content / "files/doklad.pdf").write_bytes(b"%PDF-1.4")
    added = other_inputs_digest(content)
    (content / "files/materialy.pdf").unlink()
    assert len({before, added, other_inputs_digest(content)}) == 3


def test_a_large_file_counts_by_its_size_and_time(content):
    video = content / "files/zasedanie.webm"
    video.write_bytes(b"\0" * (HASHED_UP_TO + 1))
    before = other_inputs_digest(content)
    video.write_bytes(b"\1" * (HASHED_UP_TO + 1))
    os.utime(video, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    assert other_inputs_digest(content) != before


def test_a_linked_folder_counts_though_it_is_not_read_through(content, tmp_path):
    before = other_inputs_digest(content)
    (tmp_path / "elsewhere").mkdir()
    (content / "files/vneshnie").symlink_to(tmp_path / "elsewhere")
    assert other_inputs_digest(content) != before
