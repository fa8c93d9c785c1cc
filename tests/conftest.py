"""Shared fixtures: fixture sites copied to a temporary folder and built."""

import pytest

from sitebuild import build, copy_fixture_site


@pytest.fixture
def site_copy(tmp_path):
    """Copy a fixture site (tests/fixtures/sites/<name>) with the real work plans."""
    return lambda name: copy_fixture_site(name, tmp_path)


@pytest.fixture
def build_site(tmp_path):
    """Run `invoke build` on a content folder; returns the result and output."""

    def build_into_tmp(content, as_of="2021-12-31", output=None):
        return build(content, output or tmp_path / "output", as_of)

    return build_into_tmp
