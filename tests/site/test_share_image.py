"""What a shared link shows: a publication's own first picture, or the site's."""

import json

import pytest

from sitebuild import SITEURL, build, built_fixture_site, copy_fixture_site

WITH_PHOTO = "articles/statya-so-skhemoy-i-fotografiey/"
WITHOUT = "articles/statya-bez-kartinok/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("share_images", tmp_path_factory.mktemp("share"))


def og(page) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in page.find_all("meta", property=True):
        found.setdefault(tag["property"], []).append(tag["content"])
    return found


def news_article(page) -> dict:
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data["@type"] == "NewsArticle":
            return data
    raise AssertionError("нет NewsArticle")


def test_a_publication_shares_its_first_raster_picture(site):
    page = site.html(WITH_PHOTO)
    tags = og(page)
    # The SVG scheme comes first in the text: previews cannot draw it.
    assert tags["og:image"] == [f"{SITEURL}/images/foto.jpg"]
    assert tags["og:image:width"] == ["1000"]
    assert tags["og:image:height"] == ["750"]
    assert tags["og:image:alt"] == ["Фотография заседания"]
    assert news_article(page)["image"] == [f"{SITEURL}/images/foto.jpg"]


def test_a_publication_without_a_picture_shares_the_sites(site):
    page = site.html(WITHOUT)
    tags = og(page)
    assert tags["og:image"] == [f"{SITEURL}/theme/img/share.png"]
    assert (tags["og:image:width"], tags["og:image:height"]) == (["1200"], ["630"])
    assert news_article(page)["image"] == [f"{SITEURL}/theme/img/share.png"]
    assert og(site.html(""))["og:image"] == [f"{SITEURL}/theme/img/share.png"]


def test_a_build_for_viewing_from_disk_has_no_preview_tags(tmp_path):
    content = copy_fixture_site("share_images", tmp_path)
    built = build(content, tmp_path / "output", siteurl="")
    assert built.result.returncode == 0, built.log
    for address in (WITH_PHOTO, WITHOUT, ""):
        page = built.html(address)
        assert og(page) == {}, address
        assert page.find("meta", attrs={"name": "twitter:card"}) is None
        assert page.find("link", rel="canonical") is None
