"""Built fast, built the same: Markdown converted in parallel or kept between
builds gives the very site a serial build from scratch gives, and nothing kept
under an old key (settings, templates, plugins, plan files) is ever served.

The cache is poisoned on purpose: a marker written into every kept conversion
shows on the pages exactly while the cache is used, and must be gone once a
setting, a template or a plan file changes.
"""

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_speed.conversions import CACHE_FILE
from build_speed.readings import CACHE_FILE as READINGS_FILE
from sitebuild import (
    ROOT,
    SITEURL,
    Project,
    copy_fixture_site,
    invoke_env,
    reader_text,
    tree_digest,
)

SITE = "contract_real_year"
ARTICLE = "articles/2021-03-kazan.md"
ARTICLE_PAGE = (
    "articles/kazan-kak-stolitsa-tatarstana-upravlyaet-razvitiem-aglomeratsii"
)
OTHER_ARTICLE_PAGE = "articles/tyumen"
WARNING = (
    "Предупреждение: meetings/2021-02-18-ustanovochnoe.md: поле «Plan»: пункт 2021-5"
)
POISON = "Отравленный кэш"


def pelican_build(
    content: Path, output: Path, **settings
) -> subprocess.CompletedProcess:
    """Pelican with the published settings, as `invoke build` runs it."""
    overrides = [
        f"{name}={value!r}".replace("'", '"') for name, value in settings.items()
    ]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(content),
            "-o",
            str(output),
            "-s",
            "publishconf.py",
            "--log-handler",
            "plain",
            "-e",
            'PLAN_AS_OF="2021-12-31"',
            *overrides,
        ],
        cwd=ROOT,
        env={**invoke_env(), "SITEURL": SITEURL},
        capture_output=True,
        text=True,
        check=False,
    )


def test_parallel_and_cached_conversions_build_the_serial_site(tmp_path):
    content = copy_fixture_site(SITE, tmp_path)
    serial = pelican_build(
        content, tmp_path / "serial", BUILD_SPEED_WORKERS=1, BUILD_SPEED_CACHE_PATH=""
    )
    assert serial.returncode == 0, serial.stderr
    cache = str(tmp_path / "cache")
    parallel = pelican_build(
        content,
        tmp_path / "parallel",
        BUILD_SPEED_WORKERS=2,
        BUILD_SPEED_CACHE_PATH=cache,
    )
    assert parallel.returncode == 0, parallel.stderr
    cached = pelican_build(
        content,
        tmp_path / "cached",
        BUILD_SPEED_WORKERS=2,
        BUILD_SPEED_CACHE_PATH=cache,
    )
    assert cached.returncode == 0, cached.stderr
    assert list((tmp_path / "cache").glob(f"*/{CACHE_FILE}"))
    digest = tree_digest(tmp_path / "serial")
    assert tree_digest(tmp_path / "parallel") == digest
    assert tree_digest(tmp_path / "cached") == digest


def poison(project: Project) -> None:
    """Write the marker into every conversion the last build kept. Its kept
    readings are dropped, as when a transcript or an attachment changed: the
    rebuild reads every file again, with the conversions kept."""
    kept = max(project.cache.glob(f"*/{CACHE_FILE}"), key=lambda p: p.stat().st_mtime)
    (kept.parent / READINGS_FILE).unlink()
    conversions = pickle.loads(kept.read_bytes())
    poisoned = {
        key: (f"{html}\n<p>{POISON}</p>", meta)
        for key, (html, meta) in conversions.items()
    }
    kept.write_bytes(pickle.dumps(poisoned))


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return Project(tmp_path_factory.mktemp("speed"), SITE)


def poisoned(soup: BeautifulSoup) -> bool:
    return POISON in reader_text(soup)


# The tests below run in this order on one project copy, each building on the
# cache the one before left.


def test_a_cached_rebuild_uses_the_cache_and_repeats_the_warnings(project):
    first = project.build()
    assert WARNING in first
    first_site = tree_digest(project.output.resolve())
    again = project.build()
    assert WARNING in again
    assert tree_digest(project.output.resolve()) == first_site
    poison(project)
    assert WARNING in project.build()
    assert poisoned(project.page(ARTICLE_PAGE))


def test_an_edited_article_is_converted_anew_and_shows_in_its_lists_and_feed(
    project,
):
    project.edit(
        project.content / ARTICLE,
        "Схема управления агломерацией показана ниже",
        "Схема управления агломерацией Казани показана ниже",
    )
    project.build()
    article = project.page(ARTICLE_PAGE)
    assert "агломерацией Казани показана" in reader_text(article)
    assert not poisoned(article)
    # Kept for the files nobody edited: the cache is per text.
    assert poisoned(project.page(OTHER_ARTICLE_PAGE))
    listing = reader_text(project.page("articles"))
    assert "агломерацией Казани показана" in listing
    for feed in ("articles", "all"):
        xml = (project.output / f"feeds/{feed}.atom.xml").read_text(encoding="utf-8")
        assert "агломерацией Казани показана" in xml.replace("\xa0", " ")


def test_an_edited_template_reaches_every_page(project):
    poison(project)
    project.edit(
        project.root / "theme/templates/base.html",
        "<head>",
        '<head>\n<meta name="build-speed-test" content="новый шаблон">',
    )
    project.build()
    pages = project.pages()
    assert len(pages) > 20
    for name, soup in pages.items():
        assert soup.find("meta", attrs={"name": "build-speed-test"}), name
        assert not poisoned(soup), name


def test_a_changed_setting_is_not_served_from_the_cache(project):
    poison(project)
    project.edit(
        project.root / "pelicanconf.py",
        '"markdown.extensions.toc": {"permalink": False}',
        '"markdown.extensions.toc": {"permalink": True}',
    )
    project.build()
    article = project.page(ARTICLE_PAGE)
    assert not poisoned(article)
    assert article.select("h2 a.headerlink")


def test_an_edited_plan_file_updates_the_plan_page_and_its_evidence(project):
    poison(project)
    project.edit(
        project.content / "plans/2021.toml",
        'title = "Проведение установочного заседания',
        'title = "Проведение первого установочного заседания',
    )
    project.build()
    plan = reader_text(project.page("plan/2021"))
    assert "Проведение первого установочного заседания" in plan
    assert not poisoned(project.page("meetings/ustanovochnoe"))
    assert not poisoned(project.page(ARTICLE_PAGE))
