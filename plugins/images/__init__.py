"""Images in publications: alt text required (checked by the content model's
reader, see `alt.py`), and raster images sized for every screen.

A PNG, JPEG or WebP from `content/images/` gets its width and height, smaller
copies in `srcset` (made with Pillow, cached by content hash outside the
output) and, below the first one, lazy loading.
"""

from pathlib import Path

from pelican import signals
from PIL import Image

from chamber.images import IMAGES_PREFIX, Sized, Variant, responsive_body, variant_url
from chamber.problems import Problem
from content_model.state import BUILD
from plugin_needs import needs

from .settings import checked_settings
from .variants import is_raster, publish, sized_image

# Copies to put into the output: its relative path -> the cached file. Reset
# when a build starts (autoreload reuses this module).
_TO_PUBLISH: dict[str, Variant] = {}


def configure(pelican) -> None:
    _TO_PUBLISH.clear()
    pelican.settings.update(checked_settings(pelican.settings))


def size_images(generator) -> None:
    settings = generator.settings
    images_dir = (Path(settings["PATH"]) / "images").resolve()
    cache = Path(settings["IMAGES_CACHE_PATH"])
    known: dict[str, Sized | str | None] = {}  # str: why the file cannot be read
    reported: set[tuple[str, str]] = set()

    def look_up(src: str) -> Sized | str | None:
        if src not in known:
            known[src] = _sized_or_problem(src, images_dir, settings, cache)
        return known[src]

    for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
        for content in getattr(generator, name, ()):

            def size_of(src: str, path=content.relative_source_path):
                found = look_up(src)
                if isinstance(found, str):
                    if (path, src) not in reported:
                        reported.add((path, src))
                        BUILD.add(Problem(path, found))
                    return None
                return found

            # The body as read, before Pelican resolves its links for a page.
            content._content = responsive_body(
                content._content, size_of, settings["IMAGES_SIZES"]
            )


def _sized_or_problem(src, images_dir, settings, cache) -> Sized | str | None:
    """The image's sizes; None if it is not a raster file of the site (an SVG,
    another host); a Russian message if it is one but cannot be read."""
    if not src.startswith(IMAGES_PREFIX):
        return None
    path = (images_dir / src.removeprefix(IMAGES_PREFIX)).resolve()
    if not (path.is_relative_to(images_dir) and path.is_file() and is_raster(path)):
        return None
    try:
        sized = sized_image(path, settings["IMAGES_WIDTHS"], cache)
    except (OSError, ValueError, Image.DecompressionBombError):
        return (
            f"в тексте картинка «{src}» не читается: файл повреждён, слишком велик "
            "или это не PNG, JPEG или WebP. Пересохраните её в графическом редакторе."
        )
    for variant in sized.variants:
        _TO_PUBLISH[variant_url(src, variant.width).lstrip("/")] = variant
    return sized


def write_variants(pelican) -> None:
    publish_variants(Path(pelican.output_path))


def publish_variants(output: Path) -> None:
    """The copies the images sized since the last call need, into `output`."""
    for relative, variant in sorted(_TO_PUBLISH.items()):
        publish(variant, output / relative)
    _TO_PUBLISH.clear()


# Only the images of publications the content model has kept are sized.
check_plugins = needs(__name__, "content_model")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(configure)
    signals.article_generator_finalized.connect(size_images)
    signals.page_generator_finalized.connect(size_images)
    signals.finalized.connect(write_variants)
