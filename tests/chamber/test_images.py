from pathlib import Path

from bs4 import BeautifulSoup

from chamber.images import Sized, Variant, responsive_body

SIZED = Sized(1600, 900, (Variant(480, 270, Path("x")), Variant(800, 450, Path("y"))))


def images(html):
    return BeautifulSoup(html, "html.parser").find_all("img")


def size_of(src):
    return SIZED if src == "/images/a.png" else None


def test_raster_images_get_size_and_srcset_and_all_but_the_first_wait():
    body = '<p><img alt="А" src="/images/a.png"></p><p><img alt="Б" src="/images/b.svg"></p>'
    first, second = images(responsive_body(body, size_of, "100vw"))
    assert first["srcset"] == (
        "/images/w480/a.png 480w, /images/w800/a.png 800w, /images/a.png 1600w"
    )
    assert (first["width"], first["height"], first["sizes"]) == ("1600", "900", "100vw")
    assert "loading" not in first.attrs
    assert second["loading"] == "lazy"
    assert "srcset" not in second.attrs and "width" not in second.attrs


def test_a_body_without_images_is_left_as_written():
    body = "<p>Текст&nbsp;— <br>без картинок</p>"
    assert responsive_body(body, size_of, "100vw") is body


def test_a_body_without_images_is_left_exactly_as_written():
    body = "<p>Текст &amp; <b>без картинок</b><br/></p>"
    assert responsive_body(body, lambda src: SIZED, "100vw") is body
