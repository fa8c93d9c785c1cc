"""The site's publications as the plan sees them: what, when, where, and for which item."""

from collections.abc import Iterable
from typing import Any

from chamber.plan.status import Publication


def as_publication(content: Any, siteurl: str) -> Publication:
    """One article, digest, meeting or document, with its absolute address.

    Drafts come through too, marked unpublished: they must reach the plan only to
    be refused as evidence, never to be mistaken for missing content.
    """
    city = getattr(content, "city", None)
    return Publication(
        title=content.title,
        url=f"{siteurl}/{content.url}",
        # Pelican dates are in the site's time zone (Moscow): the local day counts.
        date=content.date.date(),
        section=content.section,
        plan_refs=tuple(str(ref) for ref in getattr(content, "plan", ())),
        published=content.status == "published",
        month=getattr(content, "month", None),
        city=city.name if city is not None else None,
        has_video=bool(getattr(content, "video", ())),
        has_transcript=bool(getattr(content, "transcript", None)),
    )


def plan_publications(contents: Iterable[Any], siteurl: str) -> list[Publication]:
    """Every publication that references a plan item; the rest cannot be evidence."""
    return [
        as_publication(content, siteurl)
        for content in contents
        if getattr(content, "plan", ())
    ]
