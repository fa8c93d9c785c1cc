"""`invoke publish`/`rollback` to a folder: releases, a `current` link swapped in one
rename, five releases kept, and a reader over `current` that never sees a 404."""

import functools
import http.server
import json
import re
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import pelicanconf
from publishing.targets import DirectoryTarget, parse_target, releases_to_prune
from publishing.targets.directory import rsync_command, shell_command, switch_script
from sitebuild import QuietHandler, copy_project, free_port, read_until, run_invoke_in

SITEURL = "https://palata.example.ru"
LIVE = re.compile(r"Сейчас на сайте версия (\S+)\.$")


def live_version(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return LIVE.search(result.stdout.strip().splitlines()[-1])[1]


def releases(target: Path) -> list[str]:
    return sorted(path.name for path in (target / "releases").iterdir())


def current(target: Path) -> str:
    link = (target / "current").readlink()
    assert link.parent == Path("releases")
    return link.name


def test_targets_are_told_by_their_form():
    assert parse_target("deploy@palata.example.ru:/srv/palata/") == DirectoryTarget(
        "/srv/palata", "deploy@palata.example.ru"
    )
    assert parse_target("C:/sites/palata").host is None
    assert str(parse_target("s3://palata-site/www/")) == "s3://palata-site/www/"


def test_rsync_over_ssh_copies_into_a_new_release_beside_the_previous():
    target = DirectoryTarget("/srv/palata", "deploy@palata.example.ru")
    command = rsync_command(Path("/tmp/build"), target, "NEW", "OLD")
    assert command == [
        "rsync",
        "--archive",
        "--no-times",
        "--checksum",
        "--delete",
        "--link-dest=../OLD",
        "-e",
        "ssh -o BatchMode=yes",
        "/tmp/build/",
        "deploy@palata.example.ru:/srv/palata/releases/NEW/",
    ]
    script = switch_script("/srv/my site", "NEW", ["OLDEST"], None)
    assert shell_command(target, script) == [
        "ssh",
        "-o",
        "BatchMode=yes",
        "deploy@palata.example.ru",
        "set -e; cd '/srv/my site'; test -d releases/NEW; "
        "ln -sfn releases/NEW .current.new; mv -Tf .current.new current; "
        "rm -rf releases/OLDEST",
    ]


def test_the_live_release_is_never_pruned():
    names = [f"2026120{day}T000000.000000Z-{'a' * 12}" for day in range(1, 8)]
    assert releases_to_prune(names, names[-1]) == names[:2]
    assert releases_to_prune(names, names[0]) == names[1:2]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("directory_target")
    return copy_project(folder), folder / "site", folder / "output"


def publish(project, target, output):
    return run_invoke_in(
        project,
        "publish",
        "--target",
        str(target),
        "--output",
        str(output),
        "--as-of",
        "2021-12-31",
        SITEURL=SITEURL,
    )


def edit(project: Path, number: int) -> None:
    page = next((project / "content" / "articles").glob("*.md"))
    page.write_text(
        page.read_text(encoding="utf-8") + f"\nПравка {number}.\n", encoding="utf-8"
    )


def test_publish_rollback_and_the_kept_releases(site):
    project, target, output = site
    first = live_version(publish(project, target, output))
    assert releases(target) == [first] and current(target) == first
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert first.endswith(manifest["hash"][:12])
    assert (target / "current" / "index.html").read_bytes() == (
        output / "index.html"
    ).read_bytes()
    nginx = (target / "nginx-palata.conf").read_text(encoding="utf-8")
    assert f"root {target}/current;" in nginx
    assert set(re.findall(r'Content-Security-Policy "([^"]*)"', nginx)) == {
        pelicanconf.CONTENT_SECURITY_POLICY
    }

    edit(project, 1)
    second = live_version(publish(project, target, output))
    assert releases(target) == [first, second] and current(target) == second
    # Unchanged files are hard links to the previous release's.
    style = "theme/css/site.css"
    assert (target / "releases" / first / style).stat().st_ino == (
        target / "releases" / second / style
    ).stat().st_ino

    back = run_invoke_in(project, "rollback", "--target", str(target))
    assert live_version(back) == first and current(target) == first
    assert (
        back.stdout.strip()
        == f"Откат выполнен в {target}. Сейчас на сайте версия {first}."
    )
    page = BeautifulSoup((target / "current" / "index.html").read_text(), "lxml")
    assert page.html["lang"] == "ru"

    again = run_invoke_in(project, "rollback", "--target", str(target))
    assert again.returncode == 1
    assert again.stderr.strip() == (
        f"В {target} нет версии раньше текущей ({first}): откатывать не к чему."
    )
    assert current(target) == first


def test_five_releases_kept_and_no_404_while_current_swaps(site):
    project, target, output = site
    before = releases(target)
    port = free_port()
    handler = functools.partial(QuietHandler, directory=str(target / "current"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    done, statuses = threading.Event(), []
    reader = threading.Thread(
        target=read_until, args=(f"http://127.0.0.1:{port}/", done, statuses)
    )
    published = []
    try:
        reader.start()
        for number in range(2, 6):
            edit(project, number)
            published.append(live_version(publish(project, target, output)))
    finally:
        done.set()
        reader.join()
        server.shutdown()
        server.server_close()
    assert len(statuses) > 10 and set(statuses) == {200}
    everything = sorted({*before, *published})
    assert len(everything) == 6
    assert releases(target) == everything[-5:]
    assert current(target) == published[-1]


def test_rollback_with_nothing_published_changes_nothing(tmp_path):
    project = copy_project(tmp_path)
    target = tmp_path / "site"
    target.mkdir()
    result = run_invoke_in(project, "rollback", "--target", str(target))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"В {target} нет опубликованной версии: откатывать не к чему."
    )
    assert list(target.iterdir()) == []
