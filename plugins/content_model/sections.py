"""The kinds of publication and the metadata fields each one takes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str  # the folder under content/ and the first part of the URL
    name: str  # shown to readers
    forms: tuple[str, str, str]  # «1 статья, 2 статьи, 5 статей»
    fields: frozenset[str]  # accepted beyond COMMON_FIELDS
    required: frozenset[str]


COMMON_FIELDS = frozenset(
    {
        "title",
        "date",
        "modified",
        "summary",
        "tags",
        "authors",
        "slug",
        "status",
        # Pins a feed entry's id when a file moves (plugins/feeds).
        "feed-id",
    }
)
# Publications report on the work plan and may be marked as samples; plain pages
# («О Палате») do neither and need no date.
PUBLICATION_FIELDS = frozenset({"plan", "sample"})

SECTIONS = {
    section.key: section
    for section in (
        Section(
            "articles",
            "Экспертные статьи",
            ("статья", "статьи", "статей"),
            PUBLICATION_FIELDS | {"city"},
            frozenset({"title", "date"}),
        ),
        Section(
            "digests",
            "Дайджесты новостей",
            ("дайджест", "дайджеста", "дайджестов"),
            PUBLICATION_FIELDS | {"month"},
            frozenset({"date", "month"}),
        ),
        Section(
            "meetings",
            "Заседания",
            ("заседание", "заседания", "заседаний"),
            PUBLICATION_FIELDS | {"format", "video", "transcript"},
            frozenset({"title", "date", "format"}),
        ),
        Section(
            "documents",
            "Документы",
            ("документ", "документа", "документов"),
            PUBLICATION_FIELDS | {"kind", "stage", "attachments"},
            frozenset({"title", "date", "kind", "stage"}),
        ),
        Section(
            "pages",
            "Страницы",
            ("страница", "страницы", "страниц"),
            frozenset(),
            frozenset({"title"}),
        ),
    )
}

PUBLICATION_SECTIONS = ("articles", "digests", "meetings", "documents")

# Field names as editors write them, for messages.
FIELD_LABELS = {
    name: "-".join(part.capitalize() for part in name.split("-"))
    for name in COMMON_FIELDS
    | PUBLICATION_FIELDS
    | {f for s in SECTIONS.values() for f in s.fields}
}

MEETING_FORMAT_LABELS = {
    "ВКС": "видеоконференция (ВКС)",
    "очное": "очное заседание",
    "смешанное": "смешанное: очно и по видеосвязи",
}
MEETING_FORMATS = tuple(MEETING_FORMAT_LABELS)
DOCUMENT_KINDS = ("Предложения", "Концепция", "Законопроект", "Доклад", "Материалы")
DOCUMENT_STAGES = (
    "проект",
    "на обсуждении",
    "утвержден",
    "внесен в Государственную Думу",
)
STATUSES = ("published", "draft")

DIGEST_TITLE = "Дайджест новостей о развитии городских агломераций: {month}"


def section_of(relative_path: str) -> Section | None:
    """The section a content file belongs to, by its top folder."""
    return SECTIONS.get(relative_path.split("/", 1)[0])
