"""SITEURL: from the environment or .env; without it a build for viewing from disk."""

import re

import pytest
from bs4 import BeautifulSoup

from publishing.siteurl import SiteUrlError, configured_site_url
from sitebuild import copy_project, run_invoke_in


def test_the_environment_wins_over_the_env_file(tmp_path):
    (tmp_path / ".env").write_text("SITEURL=https://file.example.org/\n")
    assert configured_site_url(tmp_path, {}) == "https://file.example.org"
    assert configured_site_url(tmp_path, {"SITEURL": "https://env.example.org"}) == (
        "https://env.example.org"
    )
    assert configured_site_url(tmp_path / "none", {}) == ""


def test_a_site_address_without_scheme_is_refused(tmp_path):
    (tmp_path / ".env").write_text("SITEURL=palata.example.org\n")
    with pytest.raises(
        SiteUrlError, match=re.escape("«palata.example.org» в файле .env")
    ):
        configured_site_url(tmp_path, {})


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("siteurl"))


def test_without_siteurl_the_site_is_relative_and_says_so(project):
    output = project.parent / "local"
    result = run_invoke_in(project, "build", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Адрес сайта SITEURL не задан: сайт будет собран с относительными ссылками "
        "для просмотра с диска, без лент и календаря. Для публикации задайте "
        "SITEURL (README, «Публикация»)."
    )
    # The web editor's bundled code (admin/) is a vendor's file, not our output.
    files = [
        path
        for path in output.rglob("*")
        if path.is_file() and path.relative_to(output).parts[0] != "admin"
    ]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        assert b"palata.example" not in data and b"localhost" not in data, path
    assert not list(output.rglob("*.atom.xml")) and not list(output.rglob("*.ics"))
    page = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "lxml")
    stylesheet = page.find("link", rel="stylesheet")["href"]
    assert stylesheet == "./theme/css/site.css"
    article = BeautifulSoup(
        next((output / "articles").glob("*/index.html")).read_text(encoding="utf-8"),
        "lxml",
    )
    assert article.find("link", rel="stylesheet")["href"] == "../../theme/css/site.css"


def test_the_env_file_gives_the_published_address(project):
    (project / ".env").write_text("SITEURL=https://palata.test\n", encoding="utf-8")
    try:
        output = project.parent / "published"
        result = run_invoke_in(project, "build", "--output", str(output))
    finally:
        (project / ".env").unlink()
    assert result.returncode == 0, result.stderr
    assert "SITEURL не задан" not in result.stdout
    page = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("link", rel="stylesheet")["href"] == (
        "https://palata.test/theme/css/site.css"
    )
    assert (output / "feeds" / "all.atom.xml").is_file()


def test_publish_refuses_without_siteurl(project):
    target = project.parent / "site"
    result = run_invoke_in(
        project,
        "publish",
        "--target",
        str(target),
        "--output",
        str(project.parent / "p"),
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "invoke publish: не задан адрес сайта SITEURL. Задайте его в переменной "
        "окружения SITEURL или в файле .env (SITEURL=https://…); ничего не опубликовано."
    )
    assert not target.exists() and not (project.parent / "p").exists()
