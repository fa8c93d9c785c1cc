"""The head facts of one Pelican content object: its description and JSON-LD."""

from dataclasses import dataclass

from build_cache import remembered
from chamber.discovery.describe import describe, leading_text
from chamber.discovery.share_image import ShareImage, share_image
from chamber.json_ld import Organization, Publication, publication_data, script_json
from chamber.sections import SECTIONS

# A pure function of the text, which parses it whole: kept between builds.
_leading_text = remembered("descriptions", leading_text)

# The site's default share picture, in the theme's static folder (1200×630,
# drawn by scripts/share_image.py).
SHARE_IMAGE = "img/share.png"


def default_image(settings: dict) -> ShareImage:
    """What a page without a picture of its own shows when shared."""
    url = (
        f"{settings['DISCOVERY_SITEURL']}/{settings['THEME_STATIC_DIR']}/{SHARE_IMAGE}"
    )
    return ShareImage(url, 1200, 630, settings["SITENAME"])


@dataclass(frozen=True)
class HeadFacts:
    description: str
    is_publication: bool  # Open Graph calls it an article
    published: str | None  # ISO 8601
    modified: str | None
    json_ld: str | None  # JSON text, safe inside <script>
    image: ShareImage | None  # its own picture; None: the site's default


def content_facts(content, settings: dict, chamber: Organization) -> HeadFacts:
    body = content.content
    description = describe(
        content.metadata.get("summary"), body, settings["SITESUBTITLE"], _leading_text
    )
    site_url = settings["DISCOVERY_SITEURL"]
    image = share_image(body, f"{site_url}/{content.url}", site_url)
    record = getattr(content, "record", None)
    section = record.section if record is not None else None
    date = getattr(content, "date", None)
    if section is None or not SECTIONS[section].publication or date is None:
        # a plain page, «О Палате»
        return HeadFacts(description, False, None, None, None, image)
    modified = getattr(content, "modified", None)
    city = record.city
    publication = Publication(
        section=section,
        title=content.title,
        url=f"{site_url}/{content.url}",
        description=description,
        published=date,
        modified=modified,
        # Only the editor's names: Pelican's default AUTHOR is the Chamber itself.
        authors=[
            author.name
            for author in content.metadata.get("authors", ())
            if author.name != chamber.name
        ],
        image_url=(image or default_image(settings)).url,
        kind=record.kind,
        stage=record.stage,
        city=city.name if city is not None else None,
    )
    data = publication_data(publication, chamber)
    return HeadFacts(
        description,
        True,
        date.isoformat(),
        (modified or date).isoformat(),
        script_json(data) if data else None,
        image,
    )
