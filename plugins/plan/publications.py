"""The site's publications as the plan sees them: what, when, where, and for which item."""

from collections.abc import Iterable
from typing import Any

from chamber.plan.status import Publication


def as_publication(content: Any, siteurl: str) -> Publication:
    """One article, digest, meeting or document, with its absolute address.

    Drafts come through too, marked unpublished: they must reach the plan only to
    be refused as evidence, never to be mistaken for missing content.
    """
    record = content.record
    city = record.city
    return Publication(
        title=content.title,
        url=f"{siteurl}/{content.url}",
        # Pelican dates are in the site's time zone (Moscow): the local day counts.
        date=content.date.date(),
        section=record.section,
        plan_refs=tuple(str(ref) for ref in record.plan),
        published=content.status == "published",
        month=record.month,
        city=city.name if city is not None else None,
        has_video=bool(record.video),
        has_transcript=record.transcript is not None,
    )


def plan_publications(contents: Iterable[Any], siteurl: str) -> list[Publication]:
    """Every publication that references a plan item; the rest cannot be evidence."""
    return [
        as_publication(content, siteurl)
        for content in contents
        # Pelican content outside the content model has no record.
        if getattr(content, "record", None) and content.record.plan
    ]
