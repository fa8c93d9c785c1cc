from pathlib import Path

import pytest

from images.settings import SettingsError, checked_settings


def test_cache_defaults_to_beside_the_content_folder(tmp_path):
    merged = checked_settings({"PATH": str(tmp_path / "content")})
    assert merged["IMAGES_CACHE_PATH"] == str(tmp_path / ".cache" / "images")
    assert merged["IMAGES_WIDTHS"] == (480, 800, 1200)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"IMAGES_WIDTHS": [480, "800"]}, "IMAGES_WIDTHS — список ширин"),
        ({"IMAGES_WIDTHS": []}, "IMAGES_WIDTHS — список ширин"),
        ({"IMAGES_SIZES": ""}, "IMAGES_SIZES — значение атрибута sizes"),
    ],
)
def test_bad_settings_are_named_in_russian(settings, message):
    with pytest.raises(SettingsError, match=message):
        checked_settings({"PATH": str(Path("content")), **settings})
