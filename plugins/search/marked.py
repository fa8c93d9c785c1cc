"""Which pages Pagefind indexes, found before it starts, so that it reads only those.

Once any page carries `data-pagefind-body`, Pagefind skips every page without it
(lists, tags, cities, archives), but it still parses each of them to find that
out. Handing it only the marked pages (`pagefind_globs`) gives the same index for
less work. A page wrongly taken for marked only costs Pagefind a parse; a marked
page left out would be missing from the search, so every doubt counts as marked.
"""

import re
from html.parser import HTMLParser
from pathlib import PurePosixPath

MARKER = "data-pagefind-body"
_MARKER = MARKER.encode("ascii")
# Pagefind's own glob (`**/*.{html}`) is case-sensitive: a page.HTML is not read.
PAGE_SUFFIX = ".html"
# Path characters with no meaning in a Wax glob (Pagefind's). ASCII only, as
# Pelican's slugs are: a path with any other is not trusted to the glob.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_./-]+")


def is_marked(data: bytes) -> bool:
    """Whether a page's bytes may hold `data-pagefind-body` as an attribute.

    Prose that names the attribute (this site may well explain itself) holds it
    as text. An occurrence after a `<` with no `>` between is inside a tag; one
    that is not may still be, after a quoted value with a `>` in it, so such a
    page is parsed to tell.
    """
    # Attribute names are case-insensitive; lower() and find() are many times
    # quicker than a case-insensitive regular expression.
    lowered = data.lower()
    start = lowered.find(_MARKER)
    named = start >= 0
    while start >= 0:
        if lowered.rfind(b"<", 0, start) > lowered.rfind(b">", 0, start):
            return True
        start = lowered.find(_MARKER, start + 1)
    return named and _parsed_marked(data)


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marked = False

    def handle_starttag(self, tag, attrs):
        self.marked = self.marked or any(name == MARKER for name, _ in attrs)

    handle_startendtag = handle_starttag


def _parsed_marked(data: bytes) -> bool:
    parser = _Attributes()
    try:
        parser.feed(data.decode("utf-8", "replace"))
        parser.close()
    except Exception:  # a parser's doubt is the page's gain: it is read
        return True
    return parser.marked


# Names per glob. Pagefind compiles a glob into one regular expression, and one
# naming the 10,000 pages of a decade's site is past what it accepts: «Provided
# glob … did not parse» at 7,500 names, fine at 5,000. A site with more pages is
# handed to Pagefind in several globs, one after another.
GLOB_NAMES = 2000


def pagefind_globs(marked: list[str]) -> tuple[str, ...] | None:
    """Globs naming exactly the `marked` pages (paths inside the site, with `/`)
    between them, GLOB_NAMES at most in each, in path order; or None for
    Pagefind's own glob: when no page is marked (Pagefind then indexes every
    page) or a path has a character the glob would read as a pattern."""
    names = sorted(marked)
    if not names or not all(_PLAIN_PATH.fullmatch(name) for name in names):
        return None
    return tuple(
        "{" + ",".join(names[start : start + GLOB_NAMES]) + "}"
        for start in range(0, len(names), GLOB_NAMES)
    )


def is_marked_page(relative: str, data: bytes) -> bool:
    """Whether the file at `relative` (path inside the site with `/`) with
    `data` is a page Pagefind would read and find marked."""
    return PurePosixPath(relative).suffix == PAGE_SUFFIX and is_marked(data)


class MarkedPages:
    """The marked pages among the files shown to `note` (path inside the site
    with `/`, bytes)."""

    def __init__(self):
        self.found: list[str] = []

    def note(self, relative: str, data: bytes) -> None:
        if is_marked_page(relative, data):
            self.found.append(relative)

    def globs(self) -> tuple[str, ...] | None:
        return pagefind_globs(self.found)
