"""Every link, image and media source of the built site that points inside it
must reach a built file, and a fragment must reach an id on that page.

One parse per file collects both what a file links to and the ids it has; the
links are then resolved against the set of files written.
"""

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from lxml import etree
from lxml.html import fragments_fromstring

# (tag, attribute) pairs that make a browser fetch or go to an address.
_HTML_URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "script": ("src",),
}
_MEDIA_TAGS = {"video", "audio", "source", "track", "embed", "object"}
_PAGE_SUFFIXES = {".html", ".htm"}
_FEED_SUFFIXES = {".xml"}
_HTML_PARSER = etree.HTMLParser(encoding="utf-8")


class Link(NamedTuple):
    kind: str  # "ссылка", "изображение" or "видео или звук"
    url: str  # as written in the built file


@dataclass
class ScannedFile:
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def __reduce__(self):
        # Kept between builds for every page (`BytesMemo`): as plain tuples,
        # which pickle reads twenty times faster than 80,000 objects.
        return _unpacked, (tuple(map(tuple, self.links)), tuple(self.ids))


def _unpacked(links: tuple[tuple[str, str], ...], ids: tuple[str, ...]) -> ScannedFile:
    return ScannedFile(list(map(Link._make, links)), set(ids))


@dataclass(frozen=True)
class BrokenLink:
    built_file: str  # relative to the output folder
    link: Link
    target: str  # the path inside the site and the fragment it resolves to
    reason: str


def _kind(tag: str, attribute: str) -> str:
    if tag == "img" or attribute == "poster":
        return "изображение"
    return "видео или звук" if tag in _MEDIA_TAGS else "ссылка"


def _srcset_urls(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.split()]


# One XPath per page finds every URL attribute: far faster than walking the
# tree in Python, which the ids would need too.
_URL_XPATH = etree.XPath(
    "|".join(
        f"descendant-or-self::{tag}/@{attribute}"
        for tag, attributes in _HTML_URL_ATTRIBUTES.items()
        for attribute in attributes
    )
)
_ID_XPATH = etree.XPath("descendant-or-self::*/@id | descendant-or-self::a/@name")


def _html_links(root) -> Iterator[Link]:
    for value in _URL_XPATH(root):
        url = value.strip()
        if not url:
            continue
        kind = _kind(value.getparent().tag, value.attrname)
        if value.attrname == "srcset":
            yield from (Link(kind, part) for part in _srcset_urls(url))
        else:
            yield Link(kind, url)


def _html_ids(root) -> set[str]:
    return {str(value) for value in _ID_XPATH(root)}


def scan_page(path: Path) -> ScannedFile:
    root = etree.parse(str(path), _HTML_PARSER).getroot()
    if root is None:
        return ScannedFile()
    return ScannedFile(list(_html_links(root)), _html_ids(root))


_FEED_URLS = etree.XPath(
    "//@href | //@url | //@src | //*[local-name()='link' and not(*)]/text()"
)
_FEED_HTML = etree.XPath(
    "//*[local-name()='content' or local-name()='description'"
    " or local-name()='summary' or local-name()='encoded']/text()"
)


def scan_feed(path: Path) -> ScannedFile:
    """Links of a feed: its own link elements and those in each entry's HTML."""
    scanned = ScannedFile()
    try:
        root = etree.parse(str(path)).getroot()
    except etree.XMLSyntaxError:
        return scanned
    scanned.links.extend(
        Link("ссылка", url.strip()) for url in _FEED_URLS(root) if url.strip()
    )
    for text in _FEED_HTML(root):
        if "<" in text:
            scanned.links.extend(_entry_links(str(text)))
    return scanned


@lru_cache(maxsize=4096)
def _entry_links(markup: str) -> tuple[Link, ...]:
    """An entry is in several feeds (all, its section's, its city's; Atom and
    RSS): its HTML is parsed once."""
    return tuple(
        link
        for node in fragments_fromstring(markup)
        if not isinstance(node, str)
        for link in _html_links(node)
    )


def scan_file(path: Path) -> ScannedFile:
    """What a page or a feed (`_scanned`) links to, and its ids."""
    if path.suffix.lower() in _PAGE_SUFFIXES:
        return scan_page(path)
    return scan_feed(path)


def _scanned(path: Path) -> bool:
    return path.suffix.lower() in _PAGE_SUFFIXES | _FEED_SUFFIXES


def scan_output(
    output: Path,
    scan: Callable[[Path], ScannedFile] = scan_file,
    folders: Iterable[Path] | None = None,
    leave: Iterable[Path] = (),
) -> tuple[set[str], dict[str, ScannedFile]]:
    """Every file written (relative, with forward slashes) and what pages and
    feeds among them link to. ``scan`` may be `scan_file` remembered by the
    files' bytes: its result depends on nothing else. Only the files under
    ``folders`` of ``output`` (all by default) are taken, none under ``leave``
    (folders still being written: not even walked, as their writer may be
    removing what is in them)."""
    left = set(leave)
    files: set[str] = set()
    scanned: dict[str, ScannedFile] = {}
    for folder in [output] if folders is None else folders:
        for top, subfolders, names in os.walk(folder):
            subfolders[:] = [name for name in subfolders if Path(top, name) not in left]
            for name in names:
                path = Path(top, name)
                if not path.is_file():
                    continue
                relative = path.relative_to(output).as_posix()
                files.add(relative)
                if _scanned(path):
                    scanned[relative] = scan(path)
    return files, scanned


def _page_url(base: str, relative: str) -> str:
    if relative == "index.html" or relative.endswith("/index.html"):
        relative = relative[: -len("index.html")]
    return f"{base}/{relative}"


def _target(url: str, page_url: str, bases: tuple[str, ...]) -> tuple[str, str] | None:
    """(path inside the site, fragment) of a link to the site, or None for
    another host or scheme. A path on the site's host outside its base path
    (``/images/x.png`` under ``/palata``) comes back as "..": it is broken."""
    if url.startswith(("http://", "https://")):
        # Most links are absolute (templates write SITEURL): resolve each once.
        return _absolute_target(url, bases)
    return _absolute_target(urljoin(page_url, url), bases)


@lru_cache(maxsize=65536)
def _absolute_target(url: str, bases: tuple[str, ...]) -> tuple[str, str] | None:
    absolute, fragment = urldefrag(url)
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https"):
        return None
    for base in bases:
        base_parts = urlsplit(base)
        if (parts.scheme, parts.netloc) != (base_parts.scheme, base_parts.netloc):
            continue
        prefix = base_parts.path.rstrip("/") + "/"
        path = parts.path or "/"
        if not path.startswith(prefix) and path != prefix.rstrip("/"):
            return "..", fragment
        return unquote(path[len(prefix) :]), fragment
    return None


def broken_links(
    files: set[str], scanned: Mapping[str, ScannedFile], bases: list[str]
) -> list[BrokenLink]:
    """Links to the site (under any of ``bases``, the first being the site's own
    address) that reach no built file or no id on the page they point to."""
    broken = []
    reasons: dict[tuple[str, str], str | None] = {}
    for built_file in sorted(scanned):
        page_url = _page_url(bases[0], built_file)
        for link in scanned[built_file].links:
            target = _target(link.url, page_url, tuple(bases))
            if target is None:
                continue
            if target not in reasons:
                reasons[target] = _why_broken(*target, files, scanned)
            reason = reasons[target]
            if reason:
                path, fragment = target
                where = f"{path}#{fragment}" if fragment else path
                broken.append(BrokenLink(built_file, link, where, reason))
    return broken


def _why_broken(
    path: str, fragment: str, files: set[str], scanned: Mapping[str, ScannedFile]
) -> str | None:
    if path == ".." or path.startswith("../") or "/../" in f"/{path}/":
        return "ведёт за пределы сайта (ссылка от корня без адреса сайта?)"
    if path == "" or path.endswith("/"):
        path += "index.html"
    if path not in files:
        if f"{path}/index.html" in files:
            path = f"{path}/index.html"
        else:
            return f"файла или страницы «{path}» на сайте нет"
    if (
        fragment
        and Path(path).suffix.lower() in _PAGE_SUFFIXES
        and unquote(fragment) not in scanned[path].ids
    ):
        return f"на странице «{path}» нет места «#{fragment}»"
    return None


def group_by_source(
    broken: Iterable[BrokenLink],
    sources: Mapping[str, str],
    written_in: Callable[[str, str], bool],
) -> dict[str, list[BrokenLink]]:
    """Broken links by the Markdown file whose text has them (``written_in``);
    a link from a template, a list or a feed is told by the first built file
    that has it, once for all the pages it is on.
    """
    by_source: dict[str, list[BrokenLink]] = defaultdict(list)
    told: set[tuple[str, str]] = set()
    rest = []
    for item in broken:
        source = sources.get(item.built_file)
        if source is None or not written_in(source, item.link.url):
            rest.append(item)
        elif (source, item.target) not in told:
            by_source[source].append(item)
            told.add((source, item.target))
    told_targets = {target for _source, target in told}
    for item in rest:
        if item.target not in told_targets:
            by_source[item.built_file].append(item)
            told_targets.add(item.target)
    return dict(by_source)
