"""Pagefind's filter files rewritten in one order, whatever order Pagefind used."""

import json
import os
import shutil

from search.stable import read_bundle_file, stabilise, write_bundle_file


def bundle_in(folder, section_values, filter_order):
    """A bundle as Pagefind 1.5 writes it, with values and filters in given orders."""
    (folder / "filter").mkdir(parents=True)
    filters = {
        "section": ["section", section_values],
        "year": ["year", [["2021", [2, 0, 1]]]],
    }
    names = {
        name: write_bundle_file(folder, "filter/{}.pf_filter", "ru", value)
        for name, value in filters.items()
    }
    meta = ["1.5.2", [["ru_page", 6]], [], [[n, names[n]] for n in filter_order], []]
    meta_name = write_bundle_file(folder, "pagefind.{}.pf_meta", "ru", meta)
    entry = {
        "version": "1.5.2",
        "languages": {"ru": {"hash": meta_name, "page_count": 3}},
    }
    (folder / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return folder


def files(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_orders_give_the_same_files(tmp_path):
    one = bundle_in(
        tmp_path / "one", [["Статьи", [0]], ["Документы", [1, 2]]], ["section", "year"]
    )
    two = bundle_in(
        tmp_path / "two", [["Документы", [2, 1]], ["Статьи", [0]]], ["year", "section"]
    )
    assert files(one) != files(two)
    stabilise(one)
    stabilise(two)
    assert files(one) == files(two)


def test_values_are_sorted_and_the_meta_names_the_new_files(tmp_path):
    folder = bundle_in(
        tmp_path, [["Статьи", [0]], ["Документы", [2, 1]]], ["year", "section"]
    )
    stabilise(folder)
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read_bundle_file(
        folder / f"pagefind.{entry['languages']['ru']['hash']}.pf_meta"
    )
    assert [name for name, _ in meta[3]] == ["section", "year"]
    section = read_bundle_file(folder / "filter" / f"{meta[3][0][1]}.pf_filter")
    assert section == ["section", [["Документы", [1, 2]], ["Статьи", [0]]]]
    # The files Pagefind wrote are replaced, not left beside the new ones.
    assert len(list((folder / "filter").iterdir())) == 2
    assert len(list(folder.glob("*.pf_meta"))) == 1


def test_no_file_is_written_into_only_replaced(tmp_path):
    """The bundle's files may be hard links to the kept bundle's (build_cache)."""
    bundle = bundle_in(
        tmp_path / "one", [["Статьи", [0]], ["Документы", [1, 2]]], ["year", "section"]
    )
    linked = tmp_path / "linked"
    shutil.copytree(bundle, linked, copy_function=os.link)
    before = files(linked)
    stabilise(bundle)
    assert files(bundle) != before
    assert files(linked) == before
    assert [p.name for p in bundle.rglob(".*")] == []
