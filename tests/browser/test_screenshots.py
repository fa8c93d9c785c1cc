"""Screenshots of every page type at a phone's and a desktop's width, for people
to look at: written to artifacts/screenshots/ (or $SCREENSHOTS_DIR), which CI
keeps and git ignores."""

import os
import struct
from pathlib import Path

import pytest
from browser.pages import PAGES

from sitebuild import ROOT

FOLDER = Path(os.environ.get("SCREENSHOTS_DIR", ROOT / "artifacts" / "screenshots"))
WIDTHS = (360, 1280)


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(open_page, served_site, name, width):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": width, "height": 900})
    page.goto(f"{siteurl}/{PAGES[name]}", wait_until="networkidle")
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{name}-{width}.png"
    path.unlink(missing_ok=True)
    page.screenshot(path=str(path), full_page=True)
    shot_width, shot_height = png_size(path)
    assert shot_width == width
    assert shot_height >= 900
