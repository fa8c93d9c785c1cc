"""The `every_field` fixture site served on localhost for checks in Chromium."""

import pytest

from sitebuild import served_fixture_site


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    with served_fixture_site("every_field", tmp_path_factory.mktemp("browser")) as site:
        yield site


@pytest.fixture
def page(open_page, served_site):
    siteurl, _ = served_site
    return open_page(siteurl)
