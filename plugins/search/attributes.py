"""Pagefind's marking of an indexed page, as HTML attributes.

Pagefind reads a filter or a meta value from another attribute of the same element
(`section[data-search-section]`), so every fact sits on the page's indexed element
once, escaped like any attribute, whatever commas or colons it holds.
"""

from html.parser import HTMLParser

from markupsafe import Markup, escape

from chamber.html_tags import may_contain

# What readers narrow results by, and what a result shows.
FILTERS = ("section", "city", "year", "kind")
META = ("title", "section", "date", "city", "image", "image_alt")


def pagefind_attributes(facts: dict[str, object]) -> Markup:
    """`data-pagefind-body` and the filters and meta of one page.

    Facts that are empty or None are left out: Pagefind would offer an empty city.
    """
    present = {
        name: str(value)
        for name, value in facts.items()
        if value is not None and str(value).strip()
    }
    unknown = set(present) - set(FILTERS) - set(META)
    if unknown:
        raise ValueError(f"unknown search facts: {', '.join(sorted(unknown))}")
    parts = ["data-pagefind-body"]
    for attribute, names in (("filter", FILTERS), ("meta", META)):
        chosen = [f"{name}[data-search-{name}]" for name in names if name in present]
        if chosen:
            parts.append(f'data-pagefind-{attribute}="{", ".join(chosen)}"')
    parts += [
        f'data-search-{name}="{escape(value)}"' for name, value in present.items()
    ]
    return Markup(" ".join(parts))


def body_weight(section: str, weights: dict[str, float]) -> Markup:
    """The weight attribute for a section's body text, or nothing for weight 1."""
    weight = weights.get(section, 1)
    if weight == 1:
        return Markup("")
    return Markup(f'data-pagefind-weight="{weight:g}"')


class _FirstImage(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: dict[str, str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "img" and self.found is None:
            self.found = {name: value or "" for name, value in attrs}


def first_image(html: str) -> dict[str, str]:
    """The `image` and `image_alt` facts of a publication: its first picture.

    Named explicitly, so that a picture in the page's frame never stands for it.
    """
    if not may_contain(html, "img"):
        return {}
    parser = _FirstImage()
    parser.feed(html)
    parser.close()
    image = parser.found or {}
    if not image.get("src"):
        return {}
    return {"image": image["src"], "image_alt": image.get("alt", "")}
