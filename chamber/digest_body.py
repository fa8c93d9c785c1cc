"""The shape of a digest: rubrics as second-level headings, news as list items,
each with a link to its source."""

import html
import re
from dataclasses import dataclass

_HEADING = re.compile(r"<h2[\s>]")
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_LINK = re.compile(r"<a\s[^>]*href=")
_TAGS = re.compile(r"<[^>]+>")


def news_text(item_html: str) -> str:
    return " ".join(html.unescape(_TAGS.sub("", item_html)).split())


def digest_body_problems(body: str) -> list[tuple[str, str]]:
    """(message, the news text it is about, or "") for each break of the rules."""
    problems = []
    if not _HEADING.search(body):
        problems.append(
            (
                "в дайджесте нет рубрик: разделите новости заголовками второго "
                "уровня, например «## Регионы».",
                "",
            )
        )
    items = _ITEM.findall(body)
    if not items:
        problems.append(
            (
                "в дайджесте нет новостей: каждая новость — пункт списка со ссылкой "
                "на источник: «- Новость. [Источник](https://…)».",
                "",
            )
        )
    for item in items:
        if not _LINK.search(item):
            text = news_text(item)
            short = text if len(text) <= 60 else text[:60].rstrip() + "…"
            problems.append(
                (
                    f"у новости «{short}» нет ссылки на источник. Добавьте в конце "
                    "«[Источник](https://…)».",
                    text,
                )
            )
    return problems


_RUBRIC = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>(.*?)(?=<h2[\s>]|\Z)', re.DOTALL)


@dataclass(frozen=True)
class Rubric:
    anchor: str
    title: str
    news_count: int


def digest_outline(body: str) -> list[Rubric]:
    """The rubrics of a checked digest, for its table of contents, with the
    number of news items under each."""
    return [
        Rubric(anchor, news_text(title), len(_ITEM.findall(rest)))
        for anchor, title, rest in _RUBRIC.findall(body)
    ]
