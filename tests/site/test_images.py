"""Images in a built site: alt text required, raster images sized for every screen."""

import pytest
from PIL import Image

from build_cache import ASIDE_SUFFIX
from sitebuild import build, built_fixture_site, copy_fixture_site

ARTICLE = "articles/statya-s-kartinkami/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site(
        "images_responsive", tmp_path_factory.mktemp("images_responsive")
    )


def test_raster_images_have_size_srcset_and_lazy_loading(site):
    big, photo, small, svg, again = site.html(ARTICLE).select(".publication-body img")
    assert (big["width"], big["height"]) == ("1600", "900")
    assert big["srcset"] == (
        "/images/w480/skhemy/aglomeratsiya.png 480w, "
        "/images/w800/skhemy/aglomeratsiya.png 800w, "
        "/images/w1200/skhemy/aglomeratsiya.png 1200w, "
        "/images/skhemy/aglomeratsiya.png 1600w"
    )
    assert "loading" not in big.attrs  # may be on the first screen
    assert photo["srcset"].endswith("/images/foto.jpg 1000w")
    assert [image.get("loading") for image in (photo, small, svg, again)] == [
        "lazy"
    ] * 4
    assert (small["width"], small["height"]) == ("300", "200")
    assert "srcset" not in small.attrs  # no copy is narrower than it is
    assert "srcset" not in svg.attrs and "width" not in svg.attrs
    assert again["srcset"] == big["srcset"]


def test_every_srcset_copy_is_published_at_its_width(site):
    for image in site.html(ARTICLE).select("img[srcset]"):
        for candidate in image["srcset"].split(", "):
            url, width = candidate.split()
            with Image.open(site.output / url.lstrip("/")) as copy:
                assert f"{copy.width}w" == width, url


def test_copies_are_cached_outside_the_output(site):
    cache = site.output.parent / ".cache" / "images"
    assert len(list(cache.glob("*.png"))) == 3
    assert len(list(cache.glob("*.jpg"))) == 2
    assert not list(site.output.parent.rglob(f"*{ASIDE_SUFFIX}"))


def test_copies_are_the_same_bytes_in_another_build(site, tmp_path):
    again = built_fixture_site("images_responsive", tmp_path)
    for copy in (site.output / "images").glob("w*/**/*.*"):
        relative = copy.relative_to(site.output)
        assert (again.output / relative).read_bytes() == copy.read_bytes(), relative


@pytest.fixture(scope="module")
def failed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images_bad_input")
    return build(copy_fixture_site("images_bad_input", folder), folder / "out")


def test_an_image_without_alt_fails_the_build_naming_file_and_line(failed):
    assert failed.result.returncode != 0
    for line, src in ((6, "/images/skhema.png"), (8, "/images/foto.jpg")):
        assert (
            f"articles/bez-opisaniya.md:{line}: в тексте у изображения «{src}» нет "
            "описания (alt)."
        ) in failed.log
    assert "s-opisaniem.png" not in failed.log
    assert not failed.output.exists()


def test_an_unreadable_image_is_named_once(failed):
    message = (
        "articles/bitaya-kartinka.md: в тексте картинка «/images/bitaya.png» не "
        "читается: файл повреждён"
    )
    assert failed.log.count(message) == 1
    assert "Traceback" not in failed.log
