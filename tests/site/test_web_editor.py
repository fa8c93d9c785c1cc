"""/admin/ in a site built by `invoke build`."""

import json

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, built_fixture_site, copy_fixture_site, run_invoke_in
from web_editor.site import content_security_policy


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("every_field", tmp_path_factory.mktemp("web_editor_site"))


def test_the_editor_page_is_kept_out_of_search_engines_with_its_own_policy(site):
    page = BeautifulSoup(
        (site.output / "admin" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert page.html["lang"] == "ru"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})[
        "content"
    ]
    assert policy == content_security_policy(
        json.loads((site.output / "admin" / "config.json").read_text())["cms"]
    )
    assert "connect-src 'self' https://gitlab.com;" in policy
    scripts = [s["src"] for s in page.find_all("script")]
    assert scripts == ["admin.js", "decap-cms.js"]
    for script in scripts:
        assert (site.output / "admin" / script).is_file()
    # Decap's parts are served beside it, not fetched from a CDN.
    assert len(list((site.output / "admin").glob("*.decap-cms.js"))) > 10
    assert "Веб-редактору нужен JavaScript" in page.noscript.get_text()


def test_the_editor_is_not_linked_from_the_site(site):
    for path in site.output.rglob("*.html"):
        if path.parts[len(site.output.parts)] == "admin":
            continue
        assert "/admin/" not in path.read_text(encoding="utf-8"), path


def test_the_config_is_the_generated_one(site):
    settings = json.loads((site.output / "admin" / "config.json").read_text())
    assert settings["cms"]["locale"] == "ru"
    assert [c["name"] for c in settings["cms"]["collections"]] == [
        "articles",
        "digests",
        "meetings",
        "documents",
        "pages",
    ]
    assert settings["transliteration"]["щ"] == "shch"


def test_a_wrong_backend_stops_the_build_before_it_starts(tmp_path):
    content = copy_fixture_site("every_field", tmp_path)
    result = run_invoke_in(
        ROOT,
        "build",
        "--content",
        str(content),
        "--output",
        str(tmp_path / "output"),
        WEB_EDITOR_BACKEND="bitbucket",
    )
    assert result.returncode == 2
    assert (
        "WEB_EDITOR_BACKEND=«bitbucket»: допустимо gitlab, gitea или github."
        in result.stderr
    )
    assert not (tmp_path / "output").exists()
