"""Results kept by a file's bytes: the same bytes give the kept result, other
bytes a new one, and only what a build used is kept for the next."""

import os
import pickle

import pytest

from build_cache import BytesMemo, KeptFolder, TextMemo, save_kept_folders, write_aside


def counted(calls: list):
    def function(path):
        calls.append(path.name)
        return path.read_text(encoding="utf-8").upper()

    return function


def test_a_result_is_kept_by_the_bytes_not_the_name(tmp_path):
    (tmp_path / "a.html").write_text("один", encoding="utf-8")
    (tmp_path / "b.html").write_text("два", encoding="utf-8")
    calls = []
    first = BytesMemo(tmp_path / "cache", "memo.pickle")
    remembered = first.wrap(counted(calls))
    assert remembered(tmp_path / "a.html") == "ОДИН"
    assert remembered(tmp_path / "b.html") == "ДВА"
    first.save()
    # The next build: a is unchanged, b is edited, c has a's bytes.
    (tmp_path / "b.html").write_text("три", encoding="utf-8")
    (tmp_path / "c.html").write_text("один", encoding="utf-8")
    second = BytesMemo(tmp_path / "cache", "memo.pickle").wrap(counted(calls))
    assert [second(tmp_path / name) for name in ("a.html", "b.html", "c.html")] == [
        "ОДИН",
        "ТРИ",
        "ОДИН",
    ]
    assert calls == ["a.html", "b.html", "b.html"]


def test_only_what_the_last_build_used_is_kept(tmp_path):
    page = tmp_path / "page.html"
    calls = []
    for text in ("старый", "новый"):
        page.write_text(text, encoding="utf-8")
        memo = BytesMemo(tmp_path / "cache", "memo.pickle")
        memo.wrap(counted(calls))(page)
        memo.save()
    page.write_text("старый", encoding="utf-8")
    BytesMemo(tmp_path / "cache", "memo.pickle").wrap(counted(calls))(page)
    assert calls == ["page.html"] * 3


def test_without_a_folder_nothing_is_kept(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("текст", encoding="utf-8")
    calls = []
    for _ in range(2):
        memo = BytesMemo(None, "memo.pickle")
        memo.wrap(counted(calls))(page)
        memo.save()
    assert calls == ["page.html"] * 2
    assert list(tmp_path.iterdir()) == [page]


def test_a_text_function_is_kept_by_the_text(tmp_path):
    calls = []

    def upper(text):
        calls.append(text)
        return text.upper()

    memo = TextMemo("upper", upper)
    memo.load(tmp_path)
    assert [memo("а"), memo("б"), memo("а")] == ["А", "Б", "А"]
    memo.save()
    memo.load(tmp_path)
    assert [memo("а"), memo("в")] == ["А", "В"]
    assert calls == ["а", "б", "в"]
    memo.save()
    memo.load(tmp_path)  # "б" was not used by the last build: not kept
    assert memo("б") == "Б"
    assert calls == ["а", "б", "в", "б"]


def kept_and_restored(tmp_path, source_files: dict[str, bytes]):
    source = tmp_path / "site" / "pagefind"
    for name, data in source_files.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(data)
    kept = KeptFolder(tmp_path / "cache", "pagefind")
    kept.keep("key-1", source)
    save_kept_folders()
    restored = tmp_path / "next" / "pagefind"
    assert kept.restore("key-1", restored) is True
    return source, kept, restored


def tree(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


BUNDLE = {"pagefind-entry.json": b'{"a":1}', "fragment/ru_1.pf_fragment": b"\x1f\x8b.."}


@pytest.mark.skipif(os.name == "nt", reason="copied, not linked, on Windows")
def test_a_kept_folder_is_saved_and_restored_as_hard_links(tmp_path):
    source, _kept, restored = kept_and_restored(tmp_path, BUNDLE)
    assert tree(restored) == BUNDLE
    for name in BUNDLE:
        assert (restored / name).stat().st_ino == (source / name).stat().st_ino


def test_without_hard_links_a_kept_folder_is_copied(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("links not supported")

    monkeypatch.setattr(os, "link", refuse)
    source, _kept, restored = kept_and_restored(tmp_path, BUNDLE)
    assert tree(restored) == BUNDLE
    for name in BUNDLE:
        assert (restored / name).stat().st_ino != (source / name).stat().st_ino


class _MadeWithOtherArguments:
    """Pickled by a class that now takes other arguments."""

    def __reduce__(self):
        return divmod, (1,)


@pytest.mark.parametrize(
    "stored",
    [b"not a pickle", pickle.dumps({b"key": _MadeWithOtherArguments()}), b""],
)
def test_a_broken_kept_file_is_computed_anew(tmp_path, stored):
    (tmp_path / "scans.pickle").write_bytes(stored)
    memo = BytesMemo(tmp_path, "scans.pickle")
    page = tmp_path / "page.html"
    page.write_text("страница", encoding="utf-8")
    assert memo.wrap(lambda path: path.read_text(encoding="utf-8"))(page) == "страница"


def test_a_file_written_aside_replaces_a_hard_link_not_its_other_name(tmp_path):
    kept = tmp_path / "kept.bin"
    kept.write_bytes(b"kept")
    published = tmp_path / "site" / "index.bin"
    published.parent.mkdir()
    os.link(kept, published)
    write_aside(published, lambda stored: stored.write(b"new"))
    assert (published.read_bytes(), kept.read_bytes()) == (b"new", b"kept")
    # Readable by a web server's user, as a file written directly is.
    direct = tmp_path / "direct.bin"
    direct.write_bytes(b"")
    assert published.stat().st_mode == direct.stat().st_mode
    assert sorted(path.name for path in published.parent.iterdir()) == ["index.bin"]


def test_a_write_that_fails_leaves_the_previous_file_whole(tmp_path):
    path = tmp_path / "memo.pickle"
    path.write_bytes(b"previous")

    def fails(stored):
        stored.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_aside(path, fails)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.pickle"]
