"""What a built site makes live: every page and feed searched for content payloads.

A preview (`invoke serve`, `pelicanconf.py`) publishes the files that have no
errors and leaves the faulty ones out, so it shows what would reach readers if a
check failed to stop the build.
"""

import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree

from sitebuild import ROOT, SITEURL

PAGES_AND_FEEDS = (".html", ".xml", ".atom", ".rss")
# Elements no publication may bring; the theme's own are recognised below.
FORBIDDEN = ("script", "iframe", "object", "embed", "form", "base", "style", "meta")
_LOADING = ("src", "poster", "data", "srcset", "background")


def preview_build(content: Path, output: Path) -> subprocess.CompletedProcess:
    """Build with the preview settings, in which errors do not stop the build."""
    return subprocess.run(
        [
            *(sys.executable, "-m", "pelican", str(content), "-o", str(output)),
            *("-s", str(ROOT / "pelicanconf.py"), "--log-handler", "plain"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def live_payloads(output: Path, site_url: str = SITEURL) -> list[str]:
    """Every script, handler, refresh, frame or foreign load in pages and feeds."""
    found = []
    for path in sorted(output.rglob("*")):
        if path.suffix not in PAGES_AND_FEEDS or not path.is_file():
            continue
        relative = path.relative_to(output).as_posix()
        for markup in _html_parts(path):
            found += [f"{relative}: {p}" for p in _payloads(markup, site_url)]
    return found


def _html_parts(path: Path):
    """A page is HTML; a feed is XML whose entries carry escaped HTML."""
    data = path.read_bytes()
    if path.suffix == ".html":
        yield data.decode("utf-8")
        return
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
    yield etree.tostring(root, encoding="unicode")
    for element in root.iter():
        if isinstance(element.tag, str) and element.text and "<" in element.text:
            yield element.text


def _payloads(markup: str, site_url: str) -> list[str]:
    soup = BeautifulSoup(markup, "html.parser")
    found = [
        str(tag)[:80]
        for tag in soup.find_all(FORBIDDEN)
        if not _from_the_theme(tag, site_url)
    ]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if (
                name.lower().startswith("on")
                or "javascript:" in text.lower().replace(" ", "")
                or (name in _LOADING and _foreign(text, site_url))
            ):
                found.append(f"{tag.name} {name}={text}")
    return found


def _from_the_theme(tag, site_url: str) -> bool:
    if tag.name == "script":
        src = tag.get("src", "")
        own_file = "theme/js/" in src and not _foreign(src, site_url)
        return tag.get("type") == "application/ld+json" or (own_file and not tag.string)
    if tag.name == "meta":
        refresh = tag.get("http-equiv", "").lower() == "refresh"
        described = ("charset", "name", "property", "http-equiv")
        return not refresh and any(tag.get(name) for name in described)
    if tag.name == "form":
        action = tag.get("action", "")
        # The search forms; the low-vision panel's form is built by its script.
        return action.endswith("search/") and not _foreign(action, site_url)
    return False


def _foreign(url: str, site_url: str) -> bool:
    url = url.strip().lower()
    if site_url and url.startswith(f"{site_url}/"):
        return False
    return url.startswith(("http:", "https:", "//", "data:"))
