"""sitemap.xml and robots.txt from the pages a build wrote.

Not pelican-sitemap: it stamps every list page with the time of the build, so
two builds of the same content would differ. Here a page's date comes from
its content (Modified, else Date), a list's from the newest publication on it,
and a page with neither has no <lastmod>, which the protocol allows.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

SITEMAP_PATH = "sitemap.xml"
ROBOTS_PATH = "robots.txt"
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
# Not for search engines: the preview's drafts, the editors' CMS and the error page.
EXCLUDED_PREFIXES = ("drafts/", "admin/")
EXCLUDED_PATHS = frozenset({"404.html", "404/index.html"})


@dataclass(frozen=True)
class SitemapEntry:
    path: str  # the written file, relative to the output folder
    lastmod: datetime | None


def is_listed(path: str) -> bool:
    return (
        path.endswith(".html")
        and path not in EXCLUDED_PATHS
        and not path.startswith(EXCLUDED_PREFIXES)
    )


def page_address(site_url: str, path: str) -> str:
    """The address a reader sees: a folder's index.html is the folder."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{site_url}/{path}"


def sitemap_xml(site_url: str, entries: Iterable[SitemapEntry]) -> bytes:
    root = etree.Element(f"{{{_NS}}}urlset", nsmap={None: _NS})
    # Sorted by address and one entry per address, so the order Pelican wrote
    # the pages in does not show.
    unique = {page_address(site_url, e.path): e for e in entries if is_listed(e.path)}
    for address in sorted(unique):
        url = etree.SubElement(root, f"{{{_NS}}}url")
        etree.SubElement(url, f"{{{_NS}}}loc").text = address
        lastmod = unique[address].lastmod
        if lastmod is not None:
            etree.SubElement(url, f"{{{_NS}}}lastmod").text = lastmod.isoformat()
    etree.indent(root, space="  ")
    return etree.tostring(
        root, encoding="UTF-8", xml_declaration=True, pretty_print=True
    )


def robots_txt(site_url: str) -> str:
    # Rules are paths on the host: a site under /palata/ excludes /palata/admin/.
    site_url = site_url.rstrip("/")
    base = urlsplit(site_url).path
    lines = ["User-agent: *"]
    lines += [f"Disallow: {base}/{prefix}" for prefix in EXCLUDED_PREFIXES]
    lines += ["", f"Sitemap: {site_url}/{SITEMAP_PATH}", ""]
    return "\n".join(lines)
