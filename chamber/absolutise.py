"""Make the links in an article body work where it is shown: in a feed reader,
and on a site published under a sub-path."""

import html
import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

# Markdown writes quoted attributes; editors' raw HTML may use either quote. A
# regular expression over the attributes leaves the rest of the markup exactly as
# written and costs a fraction of a parse, which every entry of every feed pays.
_URL_ATTRIBUTE = re.compile(
    r"""(?P<head>\s(?P<name>href|src|poster|srcset)\s*=\s*)"""
    r"""(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""",
    re.IGNORECASE,
)
_TAG = re.compile(r"(<[^>]*>)")
# A srcset candidate's URL starts the string or follows a comma and may itself
# contain commas, but never ends with one (HTML's srcset parsing rules).
_SRCSET_URL = re.compile(r"(^|,)(\s*)([^\s,](?:\S*[^\s,])?)")


def absolutise_html(markup: str, base_url: str) -> str:
    """Resolve relative URLs in ``markup`` against the page URL ``base_url``.

    A reader shows the entry away from its page, so ``img.png``, ``../a/`` and
    even ``#note`` would point nowhere. Anything with a scheme (``https:``,
    ``mailto:``, ``tel:``) is already absolute and stays as written.
    """
    return _rewrite_urls(markup, lambda url: _absolute(url, base_url))


def rebase_root_relative(markup: str, base_path: str) -> str:
    """Put ``base_path`` («/palata») before root-relative URLs (``/images/a.png``).

    Editors write links from the site's root; a site published under a sub-path
    has its root there, not at the host's.
    """
    base_path = base_path.rstrip("/")
    if not base_path:
        return markup

    def rebase(url: str) -> str:
        if not url.startswith("/") or url.startswith(("//", f"{base_path}/")):
            return url
        return base_path + url

    return _rewrite_urls(markup, rebase)


def _rewrite_urls(markup: str, change: Callable[[str], str]) -> str:
    def rewrite(match: re.Match) -> str:
        quote = '"' if match["double"] is not None else "'"
        value = html.unescape(match["double"] if quote == '"' else match["single"])
        if match["name"].lower() == "srcset":
            value = _SRCSET_URL.sub(lambda m: m[1] + m[2] + change(m[3]), value)
        else:
            value = change(value.strip())
        escaped = html.escape(value, quote=False).replace(quote, html.escape(quote))
        return f"{match['head']}{quote}{escaped}{quote}"

    # Only inside tags: a code sample may show «href="/x"» as text.
    parts = _TAG.split(markup)
    parts[1::2] = [_URL_ATTRIBUTE.sub(rewrite, tag) for tag in parts[1::2]]
    return "".join(parts)


def _absolute(url: str, base_url: str) -> str:
    if urlsplit(url).scheme:
        return url
    return urljoin(base_url, url)
