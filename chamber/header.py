"""Mistakes in a file's metadata lines that the Markdown reader passes over.

Markdown's metadata takes Latin field names only and joins repeated ones: a
Russian name (`Заголовок:`) ends the metadata there, and two `Title:` lines
become one two-line title.
"""

import re

from chamber.sections import FIELD_LABELS

_FIELD = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):")
_RUSSIAN_FIELD = re.compile(r"[ ]{0,3}(?P<key>[А-Яа-яЁё][А-Яа-яЁё ]{1,30}):")
_CONTINUATION = re.compile(r"[ ]{4,}\S")

# The names editors write in Russian, for the field the site reads.
RUSSIAN_NAMES = {
    "заголовок": "title",
    "название": "title",
    "дата": "date",
    "изменено": "modified",
    "обновлено": "modified",
    "описание": "summary",
    "аннотация": "summary",
    "кратко": "summary",
    "теги": "tags",
    "темы": "tags",
    "автор": "authors",
    "авторы": "authors",
    "адрес": "slug",
    "статус": "status",
    "город": "city",
    "план": "plan",
    "пункт плана": "plan",
    "пример": "sample",
    "месяц": "month",
    "формат": "format",
    "видео": "video",
    "стенограмма": "transcript",
    "вид": "kind",
    "вид документа": "kind",
    "этап": "stage",
    "стадия": "stage",
    "вложения": "attachments",
    "файлы": "attachments",
}


def header_problems(text: str) -> list[tuple[str, str, int]]:
    """(field as written, message, line) for each repeated or Russian field name."""
    problems = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            break  # a blank line ends the metadata
        if _CONTINUATION.match(line) or (number == 1 and line.startswith("---")):
            continue
        if match := _FIELD.match(line):
            key = match["key"]
            if key.lower() in seen:
                problems.append(
                    (
                        FIELD_LABELS.get(key.lower(), key),
                        f"поле указано дважды (строки {seen[key.lower()]} и {number}): "
                        "сайт прочёл бы обе строки как одно значение. Оставьте одну "
                        "строку; продолжение длинного значения начинайте с четырёх "
                        "пробелов.",
                        number,
                    )
                )
            else:
                seen[key.lower()] = number
        elif match := _RUSSIAN_FIELD.match(line):
            key = match["key"].strip()
            english = RUSSIAN_NAMES.get(key.casefold())
            hint = (
                f"пишите «{FIELD_LABELS[english]}: …»"
                if english
                else "названия полей — латиницей, как в руководстве редактора"
            )
            problems.append(
                (
                    key,
                    f"названия полей пишутся по-английски: {hint}. С этой строки "
                    "сайт перестаёт читать поля и считает их текстом.",
                    number,
                )
            )
        else:
            break
    return problems
