"""Publications of one moment come out in one order, whatever Python's hash seed.

Pelican collects the files in a set, whose order follows the hash seed; sorting by
date alone then leaves ties in that order, and two builds of one commit differ.
"""

import json

from sitebuild import build, copy_fixture_site
from texts import publication

SAME_MOMENT = [f"vopros-{number}" for number in range(1, 7)]


def with_publications_of_one_moment(tmp_path):
    content = copy_fixture_site("every_field", tmp_path)
    for slug in SAME_MOMENT:
        (content / "articles" / f"{slug}.md").write_text(
            publication(Title=f"Вопрос {slug[-1]}", Date="2021-05-05 10:00"),
            encoding="utf-8",
        )
    return content


def test_two_hash_seeds_give_the_same_order_and_bytes(tmp_path, monkeypatch):
    content = with_publications_of_one_moment(tmp_path)
    builds = []
    for seed in ("1", "2", "3"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        built = build(content, tmp_path / f"output-{seed}")
        assert built.result.returncode == 0, built.log
        builds.append(built)
    orders = [
        [
            link["href"].rstrip("/").rsplit("/", 1)[-1]
            for link in built.html("articles/").select(".card-title a")
            if "vopros" in link["href"]
        ]
        for built in builds
    ]
    # Newest first; one moment's publications by their file names.
    assert orders == [SAME_MOMENT] * 3
    manifests = [json.loads((b.output / "manifest.json").read_bytes()) for b in builds]
    assert len({manifest["hash"] for manifest in manifests}) == 1
