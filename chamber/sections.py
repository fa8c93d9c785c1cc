"""The kinds of publication and the metadata fields each one takes."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chamber.problems import Problem


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
            PUBLICATION_FIELDS | {"format", "video", "transcript", "duration"},
            frozenset({"title", "date", "format"}),
        ),
        Section(
            "documents",
            "Документы",
            ("документ", "документа", "документов"),
            PUBLICATION_FIELDS | {"kind", "stage", "attachments", "history"},
            frozenset({"title", "date", "kind"}),
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


# Pelican's Markdown suffixes, in the cases editors' machines write them.
_MARKDOWN_SUFFIXES = ("md", "markdown", "mkd", "mdown")
MARKDOWN_EXTENSIONS = sorted(
    {form for s in _MARKDOWN_SUFFIXES for form in (s, s.upper(), s.capitalize())}
)

# What editors' machines leave behind: Windows thumbnails, Word's lock files, macOS.
_LEFT_BEHIND = ("Thumbs.db", "desktop.ini")


def is_markdown_name(name: str) -> bool:
    return Path(name).suffix.lower().lstrip(".") in _MARKDOWN_SUFFIXES


def stray_files(content_dir: Path, extensions: Iterable[str]) -> list[Problem]:
    """Files in a section folder that would silently not be published."""
    suffixes = {f".{extension}" for extension in extensions}
    problems = []
    for key in SECTIONS:
        folder = content_dir / key
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            relative = path.relative_to(content_dir)
            if (
                not path.is_file()
                or path.suffix in suffixes
                or relative.parts[:2] == ("meetings", "transcripts")
                or path.name.startswith((".", "~$"))
                or path.name in _LEFT_BEHIND
            ):
                continue
            problems.append(Problem(relative.as_posix(), _stray_message(path.suffix)))
    return problems


def _stray_message(suffix: str) -> str:
    if is_markdown_name(f"x{suffix}"):
        return (
            f"расширение «{suffix}» написано необычно, и файл не публикуется: "
            "переименуйте его в .md (строчными буквами)."
        )
    if suffix.lower() in {".doc", ".docx", ".odt", ".rtf"}:
        what = "Файл Word не публикуется"
    else:
        what = f"Файлы «{suffix or 'без расширения'}» в папке раздела не публикуются"
    return (
        f"{what}: публикация — это текстовый файл .md (см. руководство редактора). "
        "Вложения (PDF, DOCX, XLSX) кладите в content/files/ и указывайте в поле "
        "Attachments."
    )


def misplaced_markdown(content_dir: Path, folders: Iterable[str]) -> list[Problem]:
    """Markdown files outside the section folders, which nothing would publish.

    ``folders`` are the top folders the site knows (sections, static files, plans).
    """
    known = set(folders)
    sections = ", ".join(SECTIONS)
    problems = []
    for path in sorted(content_dir.iterdir()) if content_dir.is_dir() else ():
        if path.name.startswith(".") or path.is_symlink():
            continue
        if path.is_file() and is_markdown_name(path.name):
            problems.append(
                Problem(
                    path.name,
                    "файл лежит прямо в папке content и не публикуется: перенесите "
                    f"его в папку своего раздела ({sections}).",
                )
            )
        elif path.is_dir() and path.name not in known:
            message = _unknown_folder_message(path.name, sections)
            for found in sorted(path.rglob("*")):
                if found.is_file() and is_markdown_name(found.name):
                    relative = found.relative_to(content_dir).as_posix()
                    problems.append(Problem(relative, message))
    return problems


def _unknown_folder_message(name: str, sections: str) -> str:
    hint = (
        f" Похоже, имелась в виду папка «{name.lower()}»: имена папок пишутся "
        "строчными буквами."
        if name.lower() in SECTIONS
        else ""
    )
    return (
        f"папки «{name}» нет среди разделов сайта, и файл не публикуется. "
        f"Разделы — папки {sections}.{hint}"
    )
