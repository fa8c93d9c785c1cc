"""schema.org JSON-LD for publications and for the Chamber itself.

Search engines read what a page is from these blocks: a news article, a draft
law, a report, or the public body that publishes them. Everything is plain data
in, JSON text out; the plugin decides what goes in.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

SCHEMA = "https://schema.org"
# Inside <script>, "</script>" or "<!--" in an editor's text would end the block;
# JSON's \u escapes keep the data the same for any JSON reader.
_SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"))
# Google cuts a NewsArticle headline longer than this.
HEADLINE_LIMIT = 110
# Document kinds (the Kind field) that schema.org has a type for; other kinds
# are described as a generic creative work.
DOCUMENT_TYPES = {"Законопроект": "Legislation", "Доклад": "Report"}


@dataclass(frozen=True)
class Organization:
    name: str
    url: str  # absolute, the site's home page
    parent_name: str | None = None
    description: str | None = None
    logo_url: str | None = None

    @property
    def node_id(self) -> str:
        return f"{self.url}#organization"


@dataclass(frozen=True)
class Publication:
    section: str  # the content model's section key: articles, digests, documents…
    title: str
    url: str  # absolute
    description: str
    published: datetime
    modified: datetime | None
    authors: Sequence[str]
    image_url: str  # absolute
    kind: str | None = None  # documents: the Kind field, «Законопроект»
    stage: str | None = None  # documents: the Stage field
    city: str | None = None


def script_json(data: dict) -> str:
    """JSON text safe to put between ``<script type="application/ld+json">`` tags."""
    # Compact: every page carries it, and it counts towards the page's weight.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # str.replace, not str.translate: a whole transcript may be in here, and
    # translate with a mapping walks it a character at a time in Python.
    for char, escape in _SCRIPT_SAFE:
        text = text.replace(char, escape)
    return text


def organization_data(chamber: Organization) -> dict:
    data: dict[str, object] = {
        "@context": SCHEMA,
        **_organization_ref(chamber),
        "inLanguage": "ru",
    }
    if chamber.description:
        data["description"] = chamber.description
    if chamber.logo_url:
        data["logo"] = chamber.logo_url
    if chamber.parent_name:
        data["parentOrganization"] = {
            "@type": "Organization",
            "name": chamber.parent_name,
        }
    return data


def publication_data(item: Publication, chamber: Organization) -> dict | None:
    """The block for one publication; None for sections described elsewhere
    (meetings carry their Event in the meetings plugin)."""
    if item.section in ("articles", "digests"):
        data = _creative_work("NewsArticle", item, chamber)
        data["headline"] = _headline(item.title)
        data["image"] = [item.image_url]
        if item.city:
            data["contentLocation"] = {"@type": "Place", "name": item.city}
        return data
    if item.section == "documents":
        kind = DOCUMENT_TYPES.get(item.kind or "", "CreativeWork")
        data = _creative_work(kind, item, chamber)
        if item.kind:
            data["genre"] = item.kind
        if kind == "Legislation":
            data["legislationType"] = item.kind
            data["legislationDate"] = item.published.date().isoformat()
            data["legislationJurisdiction"] = "RU"
            # A draft on the Chamber's site is a proposal, not a law in force.
            data["legislationLegalForce"] = f"{SCHEMA}/NotInForce"
        if item.stage:
            data["creativeWorkStatus"] = item.stage
        return data
    return None


def _creative_work(kind: str, item: Publication, chamber: Organization) -> dict:
    data: dict[str, object] = {
        "@context": SCHEMA,
        "@type": kind,
        "name": item.title,
        "url": item.url,
        "mainEntityOfPage": item.url,
        "description": item.description,
        "inLanguage": "ru",
        "datePublished": item.published.isoformat(),
        "dateModified": (item.modified or item.published).isoformat(),
        "publisher": _organization_ref(chamber),
    }
    data["author"] = (
        [{"@type": "Person", "name": name} for name in item.authors]
        if item.authors
        else _organization_ref(chamber)
    )
    return data


def _organization_ref(chamber: Organization) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "@id": chamber.node_id,
        "name": chamber.name,
        "url": chamber.url,
    }


def _headline(title: str) -> str:
    if len(title) <= HEADLINE_LIMIT:
        return title
    return title[: HEADLINE_LIMIT - 1].rsplit(" ", 1)[0] + "…"
