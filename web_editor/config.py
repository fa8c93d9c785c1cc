"""Decap CMS's configuration, derived from the content model's section table."""

from collections.abc import Mapping
from dataclasses import dataclass

from chamber.blank import sample_body
from chamber.cities import City
from chamber.plan.model import Plan
from chamber.sections import (
    COMMON_FIELDS,
    DOCUMENT_KINDS,
    DOCUMENT_STAGES,
    MEETING_FORMAT_LABELS,
    SECTIONS,
    STATUSES,
    Section,
)

# admin.js registers a custom format per collection: Pelican's «Key: value» lines.
FORMAT = "pelican-{section}"
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
DURATION_PATTERN = r"^(\d+:)?[0-5]?\d:[0-5]\d$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_FORMAT = "YYYY-MM-DD HH:mm"
# File names as `invoke new` gives them: admin.js puts the transliterated title
# into this field before saving (Decap's own slugs keep or drop Cyrillic); a
# digest is named after its month.
FILE_NAME_FIELD = "file_name"
_SLUGS = {
    "digests": "{{fields.month}}",
    "pages": f"{{{{fields.{FILE_NAME_FIELD}}}}}",
}
_DATED_SLUG = f"{{{{year}}}}-{{{{month}}}}-{{{{day}}}}-{{{{fields.{FILE_NAME_FIELD}}}}}"

# Label and hint of every field, in the words of the editors' guide, in the order
# editors see them (the order of `invoke new`).
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("Заголовок", "Обычным текстом."),
    "month": ("Месяц", "Месяц, за который дайджест: ГГГГ-ММ, например 2021-03."),
    "date": ("Дата публикации", "Московское время."),
    "modified": ("Дата изменения", "Не раньше даты публикации."),
    "status": ("Статус", "Черновик проверяется, но не публикуется."),
    "summary": ("Краткое описание", "Одна-две фразы для списков и лент."),
    "tags": ("Темы", "Через запятую: агломерации, транспорт."),
    "authors": ("Авторы", "Через запятую: Иванова Мария Сергеевна, Петров П. А."),
    "city": ("Город", "Административный центр субъекта РФ, о котором статья."),
    "format": ("Формат заседания", ""),
    "video": (
        "Видеозапись",
        "Ссылка на RuTube, VK Видео, YouTube или файл /files/….mp4; подпись части "
        "— перед ссылкой через пробел.",
    ),
    "duration": (
        "Длительность видео",
        "Часы, минуты и секунды: 1:32:05 или 45:10; по ней кончаются субтитры.",
    ),
    "transcript": (
        "Стенограмма",
        "Файл стенограммы относительно папки заседания: transcripts/2021-09-22.md.",
    ),
    "kind": ("Вид документа", ""),
    "stage": ("Этап", ""),
    "attachments": ("Вложения", "Файлы из content/files/, латиницей без пробелов."),
    "history": (
        "История изменений",
        "Каждая запись с новой строки: 2021-04-15 — что изменилось.",
    ),
    "plan": ("Пункты плана работы", "Какие пункты плана выполняет публикация."),
    "slug": ("Адрес страницы", "Строчные латинские буквы, цифры, дефисы: kazan-2021."),
    "feed-id": ("Идентификатор в лентах", "Не меняйте, если не уверены."),
    "sample": ("Пример", "«да» — пометить как пример публикации."),
}


@dataclass(frozen=True)
class Backend:
    """Where the editor commits: see docs/web-editor.md."""

    name: str = "gitlab"  # gitlab, gitea or github
    repo: str = ""
    branch: str = "main"
    base_url: str = ""  # a self-hosted GitLab or Gitea
    app_id: str = ""  # the OAuth application's id (PKCE needs no secret)

    def as_config(self) -> dict:
        config = {"name": self.name, "repo": self.repo, "branch": self.branch}
        if self.name in ("gitlab", "gitea"):
            config["auth_type"] = "pkce"
        if self.app_id:
            config["app_id"] = self.app_id
        if self.base_url:
            # For GitLab and Gitea the server itself; for GitHub the OAuth proxy.
            config["base_url"] = self.base_url
        if self.base_url and self.name in ("gitlab", "gitea"):
            config["api_root"] = self.base_url.rstrip("/") + (
                "/api/v4" if self.name == "gitlab" else "/api/v1"
            )
        return config


def cms_config(
    cities: Mapping[str, City],
    plans: Mapping[int, Plan],
    backend: Backend,
    local: bool = False,
) -> dict:
    config = {
        "backend": backend.as_config(),
        "locale": "ru",
        "media_folder": "content/images",
        "public_folder": "/images",
        "collections": [
            _collection(section, cities, plans) for section in SECTIONS.values()
        ],
    }
    if local:
        # decap-server writes straight into the working copy: no merge requests.
        config["local_backend"] = True
    else:
        # Draft → review → ready, each publication a merge request.
        config["publish_mode"] = "editorial_workflow"
    return config


def section_fields(section: Section) -> list[str]:
    """Every field the content model accepts in the section, in editors' order."""
    accepted = COMMON_FIELDS | section.fields
    return [name for name in FIELDS if name in accepted]


def _collection(section: Section, cities, plans) -> dict:
    fields = [_field(name, section, cities, plans) for name in section_fields(section)]
    body = {"name": "body", "label": "Текст", "widget": "markdown", "required": False}
    if sample_body(section.key):
        body["default"] = sample_body(section.key)
    fields.append(body)
    collection = {
        "name": section.key,
        "label": section.name,
        "label_singular": section.forms[0],
        "folder": f"content/{section.key}",
        "extension": "md",
        "format": FORMAT.format(section=section.key),
        "create": True,
        "slug": _SLUGS.get(section.key, _DATED_SLUG),
        "fields": fields,
    }
    if "title" not in section.required:
        collection["identifier_field"] = (
            "month" if "month" in section.fields else "title"
        )
    return collection


def _field(name: str, section: Section, cities, plans) -> dict:
    label, hint = FIELDS[name]
    field = {"name": name, "label": label, "required": name in section.required}
    if hint:
        field["hint"] = hint
    field.update(_widget(name, section, cities, plans))
    return field


def _select(options, multiple: bool = False) -> dict:
    widget = {"widget": "select", "options": list(options)}
    if multiple:
        widget["multiple"] = True
    return widget


def _widget(name: str, section: Section, cities, plans) -> dict:
    if name in ("date", "modified"):
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "date_format": "DD.MM.YYYY",
            "time_format": "HH:mm",
            "picker_utc": False,
        }
    if name in ("summary", "history"):
        return {"widget": "text"}
    if name == "duration":
        return {
            "widget": "string",
            "pattern": [DURATION_PATTERN, "Часы, минуты и секунды: 1:32:05 или 45:10."],
        }
    if name == "status":
        labels = {"published": "опубликовано", "draft": "черновик"}
        return _select({"label": labels[s], "value": s} for s in STATUSES)
    if name == "month":
        return {
            "widget": "string",
            "pattern": [MONTH_PATTERN, "Год и месяц: 2021-03."],
        }
    if name == "slug":
        return {
            "widget": "string",
            "pattern": [SLUG_PATTERN, "Строчные латинские буквы, цифры и дефисы."],
        }
    if name == "city":
        return _select(cities)
    if name == "format":
        return _select(
            {"label": label, "value": value}
            for value, label in MEETING_FORMAT_LABELS.items()
        )
    if name == "kind":
        return _select(DOCUMENT_KINDS)
    if name == "stage":
        return _select(DOCUMENT_STAGES)
    if name in ("video", "attachments"):
        return {"widget": "list"}
    if name == "plan":
        return _select(
            (
                {
                    "label": f"{year}-{item.number}. {item.title}",
                    "value": f"{year}-{item.number}",
                }
                for year, plan in sorted(plans.items())
                for item in plan.items
                if section.key in item.evidence
            ),
            multiple=True,
        )
    if name == "sample":
        return _select(["да", "нет"])
    return {"widget": "string"}
