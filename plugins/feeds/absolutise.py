"""Make the links in an article body work outside the site, in a feed reader."""

import re
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

_URL_ATTRIBUTES = ("href", "src", "poster")


class _AsWritten(HTMLFormatter):
    """Beautiful Soup's "minimal" escaping, minus its sorting of attributes."""

    def attributes(self, tag):
        return list(tag.attrs.items())


_FORMATTER = _AsWritten(entity_substitution=EntitySubstitution.substitute_xml)

# A srcset candidate's URL starts the string or follows a comma and may itself
# contain commas, but never ends with one (HTML's srcset parsing rules).
_SRCSET_URL = re.compile(r"(^|,)(\s*)([^\s,](?:\S*[^\s,])?)")


def absolutise_html(html: str, base_url: str) -> str:
    """Resolve relative URLs in ``html`` against the page URL ``base_url``.

    A reader shows the entry away from its page, so ``img.png``, ``../a/`` and
    even ``#note`` would point nowhere. Anything with a scheme (``https:``,
    ``mailto:``, ``tel:``) is already absolute and stays as written.
    """
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for attribute in _URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                element[attribute] = _absolute(value.strip(), base_url)
        srcset = element.get("srcset")
        if srcset is not None:
            element["srcset"] = _SRCSET_URL.sub(
                lambda match: match[1] + match[2] + _absolute(match[3], base_url),
                srcset,
            )
    return soup.decode(formatter=_FORMATTER)


def _absolute(url: str, base_url: str) -> str:
    if urlsplit(url).scheme:
        return url
    return urljoin(base_url, url)
