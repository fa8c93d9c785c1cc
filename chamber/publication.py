"""A publication as the content model has read it: each field parsed once.

The reader builds one record per file that passed the checks and attaches it to
Pelican's content object (`content.record`); the plugins and templates read the
typed values from it and parse nothing again. The fields Pelican itself uses
(title, date, modified, status, slug, summary, tags, authors) stay Pelican's.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from chamber.attachments import Attachment
from chamber.cities import City
from chamber.fields import HistoryNote, PlanRef
from chamber.sections import Section
from chamber.transcript import Transcript
from chamber.video import LabelledVideo

# Read by Pelican from its metadata; not part of the record.
PELICAN_FIELDS = frozenset({"title", "date", "modified", "status", "slug"})


@dataclass(frozen=True)
class TranscriptFile:
    path: str  # relative to content/
    # None: the file could not be read (its problems are reported).
    transcript: Transcript | None


@dataclass(frozen=True)
class PublicationRecord:
    section: str  # the key of its Section
    plan: tuple[PlanRef, ...] = ()
    sample: bool = False
    feed_id: str | None = None  # the editor's Feed-Id
    city: City | None = None  # articles
    month: str | None = None  # digests: «2021-03»
    format: str | None = None  # meetings: a key of MEETING_FORMAT_TABLE
    video: tuple[LabelledVideo, ...] = ()
    duration: int | None = None  # seconds
    transcript: TranscriptFile | None = None
    kind: str | None = None  # documents
    stage: str | None = None
    attachments: tuple[Attachment, ...] = ()
    history: tuple[HistoryNote, ...] = ()


def publication_record(
    section: Section,
    values: Mapping[str, object],
    transcript: TranscriptFile | None = None,
) -> PublicationRecord:
    """The record of one file from the values `check_fields` has parsed."""
    typed = {
        name.replace("-", "_"): value
        for name, value in values.items()
        if name not in PELICAN_FIELDS
    }
    typed["transcript"] = transcript
    return PublicationRecord(section.key, **typed)
