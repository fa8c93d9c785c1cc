"""Pages fit a phone screen: nothing makes the reader scroll sideways."""

import pytest
from browser.pages import PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_narrow_phone(open_page, served_site, name):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": 360, "height": 740})
    page.goto(f"{siteurl}/{PAGES[name]}")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{PAGES[name]}: шире экрана на {overflow} px"
