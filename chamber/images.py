"""Image attributes in a publication's body: sizes, srcset and lazy loading.

The sizes and copies themselves are measured and made by the images plugin
(Pillow); here they are plain values.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from chamber.html_tags import may_contain

# Where the copies of /images/a/b.png go: /images/w480/a/b.png.
IMAGES_PREFIX = "/images/"


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    file: Path  # in the cache


@dataclass(frozen=True)
class Sized:
    """An image with its own size and the smaller copies made of it."""

    width: int
    height: int
    variants: tuple[Variant, ...]  # narrowest first


def variant_url(src: str, width: int) -> str:
    return f"{IMAGES_PREFIX}w{width}/{src.removeprefix(IMAGES_PREFIX)}"


def responsive_body(
    body_html: str, size_of: Callable[[str], Sized | None], sizes: str
) -> str:
    """The body with every image sized; ``size_of(src)`` is None for an image
    that is not a raster file of the site (an SVG, another host).

    The first image may be on the first screen; the others wait until the
    reader scrolls near them.
    """
    if not may_contain(body_html, "img"):
        return body_html
    soup = BeautifulSoup(body_html, "html.parser")
    images = soup.find_all("img")
    if not images:
        return body_html
    for number, image in enumerate(images):
        if number > 0:
            image["loading"] = "lazy"
        image["decoding"] = "async"
        sized = size_of(image.get("src", ""))
        if sized is None:
            continue
        # Space is kept for the image before it arrives: no jump in the text.
        image["width"], image["height"] = str(sized.width), str(sized.height)
        if sized.variants:
            src = image["src"]
            candidates = [
                f"{variant_url(src, v.width)} {v.width}w" for v in sized.variants
            ]
            candidates.append(f"{src} {sized.width}w")
            image["srcset"] = ", ".join(candidates)
            image["sizes"] = sizes
    return str(soup)
