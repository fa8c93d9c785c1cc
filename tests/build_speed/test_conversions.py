"""Converted ahead, in worker processes or by an earlier build: exactly what the
reader's own converter makes."""

import os
import pickle

from markdown import Markdown

from build_speed.conversions import (
    CACHE_FILE,
    Conversions,
    digest,
    forget_old_keys,
    section_texts,
)

OPTIONS = {
    "extensions": [
        "markdown.extensions.extra",
        "markdown.extensions.meta",
        "markdown.extensions.toc",
    ],
    "extension_configs": {"markdown.extensions.toc": {"permalink": False}},
    "output_format": "html5",
}
TEXTS = [
    f"Title: Статья {n}\nTags: бюджет, город\n\n## Раздел {n}\n\nТекст[^{n}] "
    f"«в кавычках» и *курсив*.\n\n## Раздел {n}\n\n[^{n}]: Сноска {n}.\n"
    for n in range(12)
]


def serial(texts):
    markdown = Markdown(**OPTIONS)
    return [(markdown.reset().convert(t), dict(markdown.Meta)) for t in texts]


def test_converted_in_workers_is_what_the_reader_would_make():
    conversions = Conversions()
    assert conversions.convert_ahead(TEXTS, OPTIONS, workers=2) == len(TEXTS)
    reader = Markdown(**OPTIONS)
    got = [conversions.convert(reader, text) for text in TEXTS]
    assert got == serial(TEXTS)
    # Two headings of one name get distinct ids, footnotes their own numbers.
    assert 'id="0_1"' in got[0][0] and 'href="#fn:0"' in got[0][0]
    assert got[3][1]["tags"] == ["бюджет, город"]


def test_one_core_converts_nothing_ahead_and_the_reader_converts():
    conversions = Conversions()
    assert conversions.convert_ahead(TEXTS, OPTIONS, workers=1) == 0
    reader = Markdown(**OPTIONS)
    assert [conversions.convert(reader, t) for t in TEXTS] == serial(TEXTS)


def next_build_after_converting(texts, folder) -> Conversions:
    first = Conversions()
    reader = Markdown(**OPTIONS)
    for text in texts:
        first.convert(reader, text)
    first.save(folder)
    second = Conversions()
    second.load(folder)
    return second


def test_a_text_changed_by_one_letter_is_converted_again(tmp_path):
    second = next_build_after_converting(TEXTS[:1], tmp_path)
    edited = TEXTS[0].replace("Текст", "Тексты")
    html, _ = second.convert(Markdown(**OPTIONS), edited)
    assert "Тексты" in html


def test_kept_between_builds_only_what_the_last_build_used(tmp_path):
    second = next_build_after_converting(TEXTS[:3], tmp_path)
    assert second.convert(Markdown(**OPTIONS), TEXTS[1]) == serial(TEXTS)[1]
    second.save(tmp_path)
    with open(tmp_path / CACHE_FILE, "rb") as stored:
        assert set(pickle.load(stored)) == {digest(TEXTS[1])}


def test_a_text_still_in_the_folder_is_kept_though_its_reading_was(tmp_path):
    second = next_build_after_converting(TEXTS[:2], tmp_path)
    # Both texts are in the folder; a kept reading spares converting either.
    assert second.convert_ahead(TEXTS[:2], OPTIONS, workers=1) == 0
    second.save(tmp_path)
    with open(tmp_path / CACHE_FILE, "rb") as stored:
        assert set(pickle.load(stored)) == {digest(TEXTS[0]), digest(TEXTS[1])}


def test_a_broken_cache_file_is_ignored(tmp_path):
    (tmp_path / CACHE_FILE).write_bytes(b"\x80\x05not a pickle")
    conversions = Conversions()
    conversions.load(tmp_path)
    assert conversions.convert(Markdown(**OPTIONS), TEXTS[2]) == serial(TEXTS)[2]


def test_meta_handed_out_cannot_change_what_is_kept():
    conversions = Conversions()
    reader = Markdown(**OPTIONS)
    _, meta = conversions.convert(reader, TEXTS[0])
    meta["title"].append("чужое")
    assert conversions.convert(reader, TEXTS[0])[1]["title"] == ["Статья 0"]


def test_section_texts_leave_out_excluded_folders_links_and_other_files(tmp_path):
    content = tmp_path / "content"
    (content / "meetings" / "transcripts").mkdir(parents=True)
    (content / "meetings" / "a.md").write_text("Title: А\n", encoding="utf-8")
    (content / "meetings" / "transcripts" / "a.md").write_text("стенограмма")
    (content / "meetings" / "notes.txt").write_text("не Markdown")
    outside = tmp_path / "outside.md"
    outside.write_text("чужой файл", encoding="utf-8")
    (content / "meetings" / "link.md").symlink_to(outside)
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text("Title: Б\n", encoding="utf-8")
    texts = section_texts(
        content,
        [(["meetings"], ["meetings/transcripts", "pages"]), (["pages"], ["meetings"])],
        ["md"],
    )
    assert texts == ["Title: А\n", "Title: Б\n"]


def test_only_the_newest_keys_are_kept(tmp_path):
    for age, name in enumerate(["new", "newer-than-old", "old", "oldest"]):
        (tmp_path / name).mkdir()
        (tmp_path / name / CACHE_FILE).write_bytes(b"")
        os.utime(tmp_path / name / CACHE_FILE, (1000 - age, 1000 - age))
    forget_old_keys(tmp_path, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "newer-than-old"]
