"""Every page type loads at most 60 KB of HTML, CSS and JavaScript.

Counted as a browser fetches a page before any interaction: the page itself and
the stylesheets and scripts it links to, as written to the built site (the
theme's CSS and JS minified there by plugins/minify_theme). Images, video and the
search index do not count, nor what a script loads once the reader acts (the
search results' styles come with search.js). A meeting page may exceed the
budget by its transcript alone (the text and its copy in the JSON-LD), never by
scripts or styles; no other page has an allowance.

Both the `every_field` fixture (one page of each type) and the project's own
sample content, built for the real site address, whose plan page is the
heaviest page of the site.
"""

from urllib.parse import urlsplit

import pytest
from browser.pages import PAGES
from bs4 import BeautifulSoup
from minify_theme.assets import minified

from sitebuild import ROOT, SITEURL, build, built_fixture_site, copy_sample_content

BUDGET = 60 * 1024
# The published site's address: every link in a page is written out in full.
SAMPLE_SITEURL = "https://palata-gorodov.ru"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("every_field", tmp_path_factory.mktemp("budget"))


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("budget-sample")
    built = build(
        copy_sample_content(folder), folder / "output", siteurl=SAMPLE_SITEURL
    )
    assert built.result.returncode == 0, built.log
    return built


def linked_files(page: BeautifulSoup, siteurl: str = SITEURL) -> list[str]:
    """Output-relative paths of the stylesheets and scripts a page loads."""
    urls = [link["href"] for link in page.select('link[rel~="stylesheet"][href]')]
    urls += [script["src"] for script in page.select("script[src]")]
    paths = []
    for url in urls:
        assert url.startswith(f"{siteurl}/"), f"{url}: не с этого сайта"
        paths.append(urlsplit(url).path.lstrip("/"))
    return paths


def text_allowance(page: BeautifulSoup) -> int:
    """The bytes of a meeting's transcript: the section and its JSON-LD copy."""
    parts = page.select("section.transcript, script[type='application/ld+json']")
    return sum(len(str(part).encode()) for part in parts if "transcript" in str(part))


def page_weight(
    site, address: str, siteurl: str = SITEURL
) -> tuple[int, int, dict[str, int]]:
    """(bytes counted against the budget, the transcript's allowance, each file)."""
    path = site.output / address
    raw = (path if address.endswith(".html") else path / "index.html").read_bytes()
    page = BeautifulSoup(raw, "html.parser")
    files = {"index.html": len(raw)}
    for path in linked_files(page, siteurl):
        files[path] = (site.output / path).stat().st_size
    return sum(files.values()), text_allowance(page), files


@pytest.mark.parametrize("name", PAGES)
def test_page_type_is_within_budget(site, name):
    total, allowance, files = page_weight(site, PAGES[name])
    assert total - allowance <= BUDGET, files


def reader_pages(site) -> list[str]:
    """Every HTML page of a built site but the web editor's (for editors, not readers)."""
    pages = site.output.rglob("*.html")
    return sorted(
        str(path.relative_to(site.output))
        for path in pages
        if path.relative_to(site.output).parts[0] != "admin"
    )


def test_every_page_of_the_sample_content_is_within_budget(sample):
    pages = reader_pages(sample)
    # Every page type the sample content has, the plan page among them.
    assert {"plan/2021/index.html", "plan/index.html", "index.html"} <= set(pages)
    assert any(page.startswith("meetings/") for page in pages)
    over = {}
    for address in pages:
        total, allowance, files = page_weight(sample, address, SAMPLE_SITEURL)
        if total - allowance > BUDGET:
            over[address] = files
    assert over == {}


def test_the_sample_plan_page_counts_its_styles_and_scripts(sample):
    total, allowance, files = page_weight(sample, "plan/2021/", SAMPLE_SITEURL)
    assert "theme/css/plan.css" in files
    assert "theme/js/low-vision.js" in files
    assert allowance == 0
    assert total == sum(files.values())


def test_a_meeting_page_counts_its_styles_and_scripts(site):
    _, allowance, files = page_weight(site, PAGES["meeting"])
    assert "theme/js/meeting.js" in files
    assert "theme/css/meeting.css" in files
    assert 0 < allowance < files["index.html"]


def test_only_a_meeting_has_a_text_allowance(site):
    for name in PAGES:
        if name != "meeting":
            assert page_weight(site, PAGES[name])[1] == 0, name


def test_the_search_results_styles_load_only_on_the_search_page(site):
    assert "theme/css/search.css" in page_weight(site, PAGES["search"])[2]
    assert "theme/css/search.css" not in page_weight(site, PAGES["plan"])[2]


def test_the_theme_is_minified_in_the_site_and_readable_in_its_sources(site):
    sources = sorted((ROOT / "theme" / "static").rglob("*.[cj]s*"))
    assert {path.suffix for path in sources} == {".css", ".js"}
    for source in sources:
        built = site.output / "theme" / source.relative_to(ROOT / "theme" / "static")
        text = source.read_text(encoding="utf-8")
        assert built.read_text(encoding="utf-8") == minified(source.suffix, text)
        assert built.stat().st_size < source.stat().st_size, source.name
