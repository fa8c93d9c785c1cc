from PIL import Image

from images.variants import sized_image


def picture(path, size=(1000, 500), kind="PNG"):
    image = Image.new("RGB", size, "#f2f5f9")
    image.paste("#0b4f8a", (100, 100, 600, 400))
    image.save(path, format=kind)
    return path


def test_copies_are_made_only_narrower_than_the_image(tmp_path):
    sized = sized_image(picture(tmp_path / "a.png"), (480, 800, 1200), tmp_path / "c")
    assert (sized.width, sized.height) == (1000, 500)
    assert [(v.width, v.height) for v in sized.variants] == [(480, 240), (800, 400)]
    for variant in sized.variants:
        with Image.open(variant.file) as copy:
            assert copy.size == (variant.width, variant.height)
            assert copy.format == "PNG"


def test_same_image_gives_same_bytes_in_a_fresh_cache(tmp_path):
    for kind, name in (("PNG", "a.png"), ("JPEG", "a.jpg"), ("WEBP", "a.webp")):
        source = picture(tmp_path / name, kind=kind)
        first = sized_image(source, (480,), tmp_path / "one").variants[0].file
        second = sized_image(source, (480,), tmp_path / "two").variants[0].file
        assert first.read_bytes() == second.read_bytes(), kind
        assert first.name == second.name


def test_cache_is_keyed_by_content_and_reused(tmp_path):
    source = picture(tmp_path / "a.png")
    cache = tmp_path / "cache"
    (variant,) = sized_image(source, (480,), cache).variants
    variant.file.write_bytes(b"cached")  # a second build must not scale again
    assert sized_image(source, (480,), cache).variants[0].file.read_bytes() == b"cached"
    picture(source, size=(900, 900))
    (changed,) = sized_image(source, (480,), cache).variants
    assert changed.file != variant.file
    assert (changed.width, changed.height) == (480, 480)


def test_a_photo_turned_by_exif_is_sized_as_shown(tmp_path):
    image = Image.new("RGB", (1000, 500), "#0b4f8a")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° when shown
    image.save(tmp_path / "photo.jpg", exif=exif.tobytes())
    sized = sized_image(tmp_path / "photo.jpg", (250,), tmp_path / "c")
    assert (sized.width, sized.height) == (500, 1000)
    assert (sized.variants[0].width, sized.variants[0].height) == (250, 500)
    with Image.open(sized.variants[0].file) as copy:
        assert not copy.getexif()
