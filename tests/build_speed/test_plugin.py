"""The plugin's glue with the project's own settings: every publication of a site
is converted ahead, with its metadata, as the reader would convert it."""

from types import SimpleNamespace

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

import build_speed
from build_speed.conversions import CONVERSIONS
from sitebuild import ROOT, copy_fixture_site


def test_every_publication_is_converted_ahead_with_its_metadata(tmp_path):
    content = copy_fixture_site("contract_real_year", tmp_path)
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={"PATH": str(content), "BUILD_SPEED_CACHE_PATH": ""},
    )
    pelican = SimpleNamespace(settings=settings)
    build_speed.configure(pelican)
    settings["BUILD_SPEED_WORKERS"] = 2
    build_speed.convert_ahead(pelican)
    publications = [
        path
        for path in content.rglob("*.md")
        if "transcripts" not in path.parts and path.parent.name != "plans"
    ]
    assert len(publications) == 9
    reader = Markdown(**MarkdownReader(settings).settings["MARKDOWN"])
    for path in publications:
        text = path.read_bytes().decode("utf-8-sig")
        expected = reader.reset().convert(text), dict(reader.Meta)
        assert expected[1], path  # its metadata block
        # Found without converting: a converter that cannot convert would fail.
        assert CONVERSIONS.convert(None, text) == expected
    CONVERSIONS.reset()
