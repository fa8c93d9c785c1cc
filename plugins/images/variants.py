"""Smaller copies of a raster image, made once per image content and width.

The same input gives the same bytes: fixed encoder settings, and no metadata
beyond the colour profile (no dates, no EXIF).
"""

import hashlib
import shutil
from pathlib import Path

from PIL import Image, ImageOps

from build_cache import write_aside
from chamber.images import Sized, Variant

RASTER_SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}
# Part of every cache key: changing an encoder setting here must not reuse
# copies made with the old one.
ENCODER_VERSION = "1"
_ENCODER_OPTIONS = {
    "PNG": {"optimize": True},
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
    "WEBP": {"quality": 80, "method": 4},
}


def is_raster(path: Path) -> bool:
    return path.suffix.lower() in RASTER_SUFFIXES


def sized_image(source: Path, widths: tuple[int, ...], cache: Path) -> Sized:
    """Its size, and a copy for each of ``widths`` narrower than the image.

    Copies are kept in ``cache`` under the hash of the image's bytes, so an
    image is scaled again only when it changes.
    """
    data = source.read_bytes()
    digest = hashlib.sha256(data + ENCODER_VERSION.encode()).hexdigest()[:32]
    suffix = source.suffix.lower()
    with Image.open(source) as opened:
        # A phone photo is stored sideways with an EXIF note to turn it.
        image = ImageOps.exif_transpose(opened)
        width, height = image.size
        variants = []
        for target in sorted(set(widths)):
            if target >= width:
                break
            scaled_height = max(1, round(height * target / width))
            file = cache / f"{digest}-{target}{suffix}"
            if not file.is_file():
                _save(image, (target, scaled_height), file, RASTER_SUFFIXES[suffix])
            variants.append(Variant(target, scaled_height, file))
    return Sized(width, height, tuple(variants))


def _save(image: Image.Image, size: tuple[int, int], file: Path, kind: str) -> None:
    scaled = image.resize(size, Image.Resampling.LANCZOS)
    if kind == "JPEG" and scaled.mode not in ("RGB", "L"):
        scaled = scaled.convert("RGB")
    options = dict(_ENCODER_OPTIONS[kind])
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    write_aside(file, lambda stored: scaled.save(stored, format=kind, **options))


def publish(variant: Variant, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(variant.file, target)
