"""A new publication's file, with every field an editor fills in (`invoke new`)."""

from datetime import date

from content_model.fields import parse_month
from content_model.problems import FieldError
from content_model.sections import SECTIONS
from russian.slugs import slugify

_FIELDS = {
    "articles": ["City: ", "Plan: 2021-13"],
    "digests": ["Plan: 2021-15"],
    "meetings": [
        "Format: ВКС",
        "Video: ",
        # Filled in once the transcript file exists: a path to nothing is an error.
        "Transcript: ",
        "Plan: ",
    ],
    "documents": [
        "Kind: Материалы",
        "Stage: проект",
        "Attachments: ",
        "History: ",
        "Plan: ",
    ],
}

_BODY = {
    "articles": "Текст статьи.\n",
    "digests": (
        "## Нормативные правовые акты\n\n"
        "- Новость. [Источник](https://example.ru/novost)\n\n"
        "## Федеральный уровень\n\n"
        "## Регионы\n\n"
        "## События и мероприятия\n"
    ),
    "meetings": "Повестка и краткие итоги заседания.\n",
    "documents": "Краткое описание документа.\n",
}


class BlankError(ValueError):
    pass


def blank_publication(
    kind: str, today: date, title: str = "", month: str = ""
) -> tuple[str, str]:
    """The file's path relative to the content folder and its text (a draft)."""
    if kind not in _FIELDS:
        raise BlankError(
            f"неизвестный вид публикации «{kind}». Допустимо: "
            + ", ".join(_FIELDS)
            + "."
        )
    if kind == "digests":
        if not month:
            raise BlankError("для дайджеста укажите месяц: --month 2021-04.")
        try:
            month = parse_month(month)
        except FieldError as error:
            raise BlankError(f"--month: {error}") from None
        name, header = month, [f"Month: {month}"]
    else:
        if not slugify(title):
            raise BlankError('укажите заголовок: --title "Заголовок публикации".')
        name, header = f"{today:%Y-%m-%d}-{slugify(title)}", [f"Title: {title}"]
    lines = [
        *header,
        f"Date: {today:%Y-%m-%d}",
        "Status: draft",
        "Summary: ",
        "Tags: ",
        "Authors: ",
        *_FIELDS[kind],
    ]
    return f"{kind}/{name}.md", "\n".join(lines) + "\n\n" + _BODY[kind]


KINDS = {key: SECTIONS[key].name for key in _FIELDS}
