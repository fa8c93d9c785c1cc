"""The kinds of publication: every fact about a section, in one table.

The folders Pelican reads (`ARTICLE_PATHS`), the sections that count for the
work plan, the nouns of the plan page, the blanks of `invoke new` and the web
editor all come from `SECTIONS`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chamber.digest_body import digest_body_problems
from chamber.problems import Problem
from chamber.russian.dates import format_month
from chamber.summaries import digest_summary

DIGEST_TITLE = "Дайджест новостей о развитии городских агломераций: {month}"

# The theme's partials a section may have, by their role on the page; a section
# names the ones it has, and the templates include exactly those.
PARTIAL_ROLES = {
    "head": "partials/section_head/{key}.html",  # in <head>: its own styles
    "intro": "partials/section_intro/{key}.html",  # above the section's list
    "meta": "partials/section_meta/{key}.html",  # its facts under the title
    "details": "partials/section_details/{key}.html",  # before the body
    "after_body": "partials/section_details/{key}_after.html",
}


def digest_title(month: str) -> str:
    year, number = map(int, month.split("-"))
    return DIGEST_TITLE.format(month=format_month(date(year, number, 1)))


@dataclass(frozen=True)
class Section:
    key: str  # the folder under content/ and the first part of the URL
    name: str  # shown to readers
    # «1 статья, 2 статьи, 5 статей». The second and third are also the genitive
    # singular and plural: «нет статьи за март», «2 из 4 статей».
    forms: tuple[str, str, str]
    fields: frozenset[str]  # accepted beyond COMMON_FIELDS
    required: frozenset[str]
    # A dated publication (a Pelican article): listed, in the feeds, and evidence
    # for the work plan. Otherwise a plain page («О Палате»).
    publication: bool = True
    # The fields a new file starts with (`invoke new`, the Word import), after
    # the common ones, and the text below them.
    blank_fields: tuple[str, ...] = ()
    blank_body: str = ""
    # The field whose value is the address (a digest's «2021-05»), and the title
    # made from it when the file has none.
    slug_field: str | None = None
    # Said when two files give the slug field one value; {others} names the rest.
    slug_clash: str | None = None
    derived_title: Callable[[str], str] | None = None
    # The Date must have a time of day (a meeting's start, for the calendar).
    needs_time: bool = False
    # Rules of the body: (message, a piece of the text it is about, or "").
    body_checks: tuple[Callable[[str], list[tuple[str, str]]], ...] = ()
    # The summary made from the body when the file has none; None: Pelican's.
    summary: Callable[[str], str] | None = None
    partials: frozenset[str] = frozenset()  # roles of PARTIAL_ROLES
    # A folder inside the section's own whose files belong to its publications
    # (a meeting's transcripts): not publications, and not stray files.
    companions: str | None = None

    def partial(self, role: str) -> str | None:
        """The section's template for `role`, if it has one; a typo is an error."""
        path = PARTIAL_ROLES[role]
        return path.format(key=self.key) if role in self.partials else None

    @property
    def genitive(self) -> str:
        return self.forms[1]

    @property
    def genitive_plural(self) -> str:
        return self.forms[2]


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
            blank_fields=("City: ",),
            blank_body="Текст статьи.\n",
            partials=frozenset({"intro"}),
        ),
        Section(
            "digests",
            "Дайджесты новостей",
            ("дайджест", "дайджеста", "дайджестов"),
            PUBLICATION_FIELDS | {"month"},
            frozenset({"date", "month"}),
            blank_body=(
                "## Нормативные правовые акты\n\n"
                "- Новость. [Источник](https://example.ru/novost)\n\n"
                "## Федеральный уровень\n\n"
                "## Регионы\n\n"
                "## События и мероприятия\n"
            ),
            slug_field="month",
            slug_clash=(
                "за этот месяц уже есть дайджест: {others}. Оставьте один файл на месяц."
            ),
            derived_title=digest_title,
            body_checks=(digest_body_problems,),
            summary=digest_summary,
            partials=frozenset({"intro", "details"}),
        ),
        Section(
            "meetings",
            "Заседания",
            ("заседание", "заседания", "заседаний"),
            PUBLICATION_FIELDS | {"format", "video", "transcript", "duration"},
            frozenset({"title", "date", "format"}),
            blank_fields=(
                "Format: ВКС",
                "Video: ",
                "Duration: ",
                # Filled in once the transcript file exists: a path to nothing is
                # an error.
                "Transcript: ",
            ),
            blank_body="Повестка и краткие итоги заседания.\n",
            needs_time=True,
            partials=frozenset({"head", "intro", "meta", "details", "after_body"}),
            companions="transcripts",
        ),
        Section(
            "documents",
            "Документы",
            ("документ", "документа", "документов"),
            PUBLICATION_FIELDS | {"kind", "stage", "attachments", "history"},
            frozenset({"title", "date", "kind"}),
            blank_fields=(
                "Kind: Материалы",
                # Optional: supporting materials have no stage.
                "Stage: ",
                "Attachments: ",
                "History: ",
            ),
            blank_body="Краткое описание документа.\n",
            partials=frozenset({"intro", "details"}),
        ),
        Section(
            "pages",
            "Страницы",
            ("страница", "страницы", "страниц"),
            frozenset(),
            frozenset({"title"}),
            publication=False,
        ),
    )
}

PUBLICATION_SECTIONS = tuple(key for key, s in SECTIONS.items() if s.publication)
PAGE_SECTIONS = tuple(key for key, s in SECTIONS.items() if not s.publication)
# The folders of companion files, as paths inside content/ ("meetings/transcripts").
COMPANION_FOLDERS = tuple(
    f"{key}/{s.companions}" for key, s in SECTIONS.items() if s.companions
)

# Field names as editors write them, for messages.
FIELD_LABELS = {
    name: "-".join(part.capitalize() for part in name.split("-"))
    for name in COMMON_FIELDS
    | PUBLICATION_FIELDS
    | {f for s in SECTIONS.values() for f in s.fields}
}


@dataclass(frozen=True)
class MeetingFormat:
    label: str  # on the meeting's page
    # What calendar apps show next to the time, where the member has to go; an
    # in-person meeting's venue is not known here, so it has none.
    location: str | None
    online: bool
    in_person: bool


MEETING_FORMAT_TABLE = {
    "ВКС": MeetingFormat(
        "видеоконференция (ВКС)", "Видеоконференция (ВКС)", online=True, in_person=False
    ),
    "очное": MeetingFormat("очное заседание", None, online=False, in_person=True),
    "смешанное": MeetingFormat(
        "смешанное: очно и по видеосвязи",
        "Очно и по видеоконференции (ВКС)",
        online=True,
        in_person=True,
    ),
}
MEETING_FORMAT_LABELS = {key: f.label for key, f in MEETING_FORMAT_TABLE.items()}
MEETING_FORMATS = tuple(MEETING_FORMAT_TABLE)
DOCUMENT_KINDS = ("Предложения", "Концепция", "Законопроект", "Доклад", "Материалы")
DOCUMENT_STAGES = (
    "проект",
    "на обсуждении",
    "утвержден",
    "внесен в Государственную Думу",
)
STATUSES = ("published", "draft")


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
    for key, section in SECTIONS.items():
        folder = content_dir / key
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            relative = path.relative_to(content_dir)
            if (
                not path.is_file()
                or path.suffix in suffixes
                or relative.parts[:2] == (key, section.companions)
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
