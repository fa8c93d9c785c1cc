"""Types and cache lifetimes a server or a bucket gives each file."""

import pytest

from publishing.media import cache_control, content_type, is_attachment


@pytest.mark.parametrize(
    ("path", "media_type", "cache"),
    [
        ("index.html", "text/html; charset=utf-8", "public, max-age=300"),
        ("feeds/all.atom.xml", "application/atom+xml", "public, max-age=300"),
        ("feeds/all.rss.xml", "application/rss+xml", "public, max-age=300"),
        ("meetings.ics", "text/calendar; charset=utf-8", "public, max-age=300"),
        ("theme/css/site.css", "text/css; charset=utf-8", "public, max-age=3600"),
        ("files/otchet.PDF", "application/pdf", "public, max-age=3600"),
        (
            "pagefind/fragment/ru_8e1f2a3.pf_fragment",
            "application/octet-stream",
            "public, max-age=31536000, immutable",
        ),
        (
            "pagefind/index/ru_0f9d6c2b.pf_index",
            "application/octet-stream",
            "public, max-age=31536000, immutable",
        ),
        (
            "pagefind/pagefind.js",
            "text/javascript; charset=utf-8",
            "public, max-age=3600",
        ),
    ],
)
def test_type_and_cache(path, media_type, cache):
    assert (content_type(path), cache_control(path)) == (media_type, cache)


def test_only_editors_files_are_downloads():
    assert is_attachment("files/doklad.pdf")
    assert not is_attachment("images/skhema.svg")
