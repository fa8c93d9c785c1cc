"""Images in publications: alt text required (checked by the content model's
reader, see `alt.py`), and raster images sized for every screen.

A PNG, JPEG or WebP from `content/images/` gets its width and height, smaller
copies in `srcset` (made with Pillow, cached by content hash outside the
output) and, below the first one, lazy loading.
"""

from pathlib import Path

from pelican import signals

from .markup import IMAGES_PREFIX, responsive_body, variant_url
from .settings import checked_settings
from .variants import Variant, is_raster, publish, sized_image

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
    known = {}

    def size_of(src: str):
        if not src.startswith(IMAGES_PREFIX):
            return None
        if src not in known:
            path = (images_dir / src.removeprefix(IMAGES_PREFIX)).resolve()
            inside = path.is_relative_to(images_dir)
            if not (inside and path.is_file() and is_raster(path)):
                known[src] = None
            else:
                known[src] = sized_image(path, settings["IMAGES_WIDTHS"], cache)
                for variant in known[src].variants:
                    _TO_PUBLISH[variant_url(src, variant.width).lstrip("/")] = variant
        return known[src]

    for name in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
        for content in getattr(generator, name, ()):
            # The body as read, before Pelican resolves its links for a page.
            content._content = responsive_body(
                content._content, size_of, settings["IMAGES_SIZES"]
            )


def write_variants(pelican) -> None:
    output = Path(pelican.output_path)
    for relative, variant in sorted(_TO_PUBLISH.items()):
        publish(variant, output / relative)
    _TO_PUBLISH.clear()


def register():
    signals.initialized.connect(configure)
    signals.article_generator_finalized.connect(size_images)
    signals.page_generator_finalized.connect(size_images)
    signals.finalized.connect(write_variants)
