"""A bundle file Pagefind left cut short is found before the site is published."""

import gzip

import pytest

from search.indexing import check_complete


def test_a_whole_bundle_passes(tmp_path):
    (tmp_path / "fragment").mkdir()
    (tmp_path / "fragment" / "ru_1.pf_fragment").write_bytes(
        gzip.compress(b"pagefind_dcd" + b"x" * 5000, mtime=0)
    )
    (tmp_path / "pagefind.js").write_text("export {}", encoding="utf-8")
    check_complete(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [
        "pagefind.js",
        "ru_1.pf_fragment",
    ]


def test_a_file_cut_short_is_named(tmp_path):
    whole = gzip.compress(bytes(range(256)) * 200, mtime=0)
    (tmp_path / "wasm.ru.pagefind").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ValueError, match=r"^wasm\.ru\.pagefind записан не полностью"):
        check_complete(tmp_path)
