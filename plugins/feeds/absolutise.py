"""Make the links in an article body work outside the site, in a feed reader."""

import html
import re
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

    def rewrite(match: re.Match) -> str:
        quote = '"' if match["double"] is not None else "'"
        value = html.unescape(match["double"] if quote == '"' else match["single"])
        if match["name"].lower() == "srcset":
            value = _SRCSET_URL.sub(
                lambda m: m[1] + m[2] + _absolute(m[3], base_url), value
            )
        else:
            value = _absolute(value.strip(), base_url)
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
