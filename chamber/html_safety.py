"""Raw HTML in what editors write: reported where it cannot be safe, cleaned anyway.

Markdown passes HTML through as written, and pages, list summaries and feeds show
it as is; feeds are read where no Content-Security-Policy applies. So every piece
of HTML made from an editor's text is checked here first, with the standard
library's tokenizer, which sees each tag and attribute exactly as written (a tree
builder would move a `<meta>` away or merge a second `<body onload>`). Whatever
the check finds is an error naming the file and line: dropping it silently would
publish a page other than the one the editor wrote. Then the HTML goes through
`nh3` (the Rust `ammonia` sanitiser) with the same allowlist, which is what
decides what is published, whatever the check missed.

Pure functions: no Pelican here, so the meetings plugin uses the same rules.
"""

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import nh3

# What Python-Markdown's `extra`, `toc` and `sane_lists` write, ammonia's list of
# harmless formatting, and local audio and video.
TAGS = frozenset(nh3.ALLOWED_TAGS) | {"tfoot", "audio", "video", "source", "track"}
_EVERYWHERE = frozenset({"id", "class", "title", "lang", "dir"})
ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": set(_EVERYWHERE),
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "data": {"value"},
    "video": {"src", "controls", "poster", "width", "height", "preload"},
    "audio": {"src", "controls", "preload"},
    "source": {"src", "type"},
    "track": {"src", "kind", "srclang", "label", "default"},
}
# Markdown tables align columns with `style="text-align: …"`; nothing else may
# style a cell (and the site's CSP does not apply inline styles anyway).
for _cell in ("th", "td"):
    ATTRIBUTES[_cell] = ATTRIBUTES.get(_cell, set()) | {"style"}
_STYLE_PROPERTIES = frozenset({"text-align"})


# Elements that can never be safe, with the reason an editor is told.
_SCRIPTS = "сайт не публикует скрипты из материалов"
_FRAMES = (
    "сайт не встраивает чужие страницы и программы; видео заседания указывайте "
    "в поле Video, а на другие сайты ставьте обычную ссылку"
)
_FORMS = "формы в материалах не публикуются; дайте ссылку на форму"
_PAGE_PARTS = "служебные элементы страницы в тексте не допускаются"
_STYLES = "оформление задаёт тема сайта, свои стили в тексте не применяются"
FORBIDDEN = {
    "script": _SCRIPTS,
    "noscript": _SCRIPTS,
    "template": _SCRIPTS,
    "iframe": _FRAMES,
    "frame": _FRAMES,
    "frameset": _FRAMES,
    "object": _FRAMES,
    "embed": _FRAMES,
    "applet": _FRAMES,
    "portal": _FRAMES,
    "form": _FORMS,
    "input": _FORMS,
    "button": _FORMS,
    "textarea": _FORMS,
    "select": _FORMS,
    "meta": _PAGE_PARTS,
    "base": _PAGE_PARTS,
    "link": _PAGE_PARTS,
    "html": _PAGE_PARTS,
    "head": _PAGE_PARTS,
    "body": _PAGE_PARTS,
    "title": _PAGE_PARTS,
    "style": _STYLES,
}
# Attributes whose URL the browser fetches as soon as the page opens.
_LOADING = frozenset({"src", "poster", "srcset", "background", "data"})
_SCRIPT_SCHEMES = ("javascript:", "vbscript:")
# Control characters and whitespace that browsers skip inside a scheme («java\tscript:»).
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# Pelican's own link syntax: `{filename}/…`, `{static}/…`, `|filename|…`.
_PELICAN_LINK = re.compile(r"^(?:\{\w+\}|\|\w+\|)")


@dataclass(frozen=True)
class Finding:
    """One thing in the HTML that is not published, told to an editor."""

    message: str
    # Text to look for in the editor's source to find the line («<script», «onerror»).
    needle: str


def sanitise(markup: str, site_url: str = "") -> str:
    """The HTML as published: only the allowlisted tags, attributes and URLs,
    and nothing that loads from another host."""
    return _cleaner(site_url.rstrip("/")).clean(markup)


@lru_cache(maxsize=4)
def _cleaner(site_url: str) -> nh3.Cleaner:
    def keep_local_loads(tag: str, name: str, value: str) -> str | None:
        return None if name in _LOADING and is_foreign(value, site_url) else value

    return nh3.Cleaner(
        tags=set(TAGS),
        attributes=ATTRIBUTES,
        attribute_filter=keep_local_loads,
        filter_style_properties=set(_STYLE_PROPERTIES),
        # Links keep what the editor wrote; the site adds no rel of its own.
        link_rel=None,
    )


def checked(markup: str, site_url: str = "") -> tuple[str, list[Finding]]:
    """The HTML as published, and what was taken out of it.

    The sanitiser changes nothing in what Markdown writes from plain text, so the
    slower tokenizer only runs on HTML that it did change.
    """
    clean = sanitise(markup, site_url)
    return clean, [] if clean == markup else html_findings(markup, site_url)


def html_findings(markup: str, site_url: str = "") -> list[Finding]:
    """Everything in ``markup`` that the site does not publish, in document order."""
    checker = _Checker(site_url.rstrip("/"))
    checker.feed(markup)
    checker.close()
    return checker.findings


def element_message(tag: str) -> str:
    reason = FORBIDDEN.get(tag)
    if reason is None:
        return (
            f"есть HTML-элемент `<{tag}>`, который сайт не публикует: "
            "уберите его и оформите текст средствами Markdown (какой HTML "
            "допустим — в руководстве редактора)"
        )
    return f"есть HTML-элемент `<{tag}>`: {reason}"


def unsafe_url_message(url: str) -> str:
    return (
        f"ссылка «{url}» запускает программу в браузере читателя; такие "
        "ссылки запрещены. Укажите обычный адрес https://…"
    )


def data_url_message(url: str) -> str:
    shown = url if len(url) <= 40 else f"{url[:40]}…"
    return (
        f"встроены данные «{shown}»: сайт не публикует файлы, вписанные "
        "в текст. Положите файл в content/images/ (документ — в content/files/) и "
        "вставьте его ссылкой, например ![Схема](/images/skhema.png)"
    )


def foreign_source_message(url: str) -> str:
    return (
        f"файл «{url}» загружается с другого сайта при каждом открытии страницы, "
        "а сайт не обращается к чужим серверам. Скачайте файл, положите его в "
        "content/images/ и вставьте ссылкой, например ![Схема](/images/skhema.png)"
    )


def url_problem(url: str) -> str | None:
    """Why a URL in an attribute cannot be published, if it cannot."""
    normalised = _IGNORED_IN_SCHEME.sub("", url).lower()
    if normalised.startswith(_SCRIPT_SCHEMES):
        return unsafe_url_message(url)
    if normalised.startswith("data:"):
        return data_url_message(url)
    return None


def is_foreign(url: str, site_url: str) -> bool:
    """True for an absolute URL on another host than the site's own."""
    normalised = _IGNORED_IN_SCHEME.sub("", url).lower()
    if not normalised.startswith(("http:", "https:", "//", "\\\\", "/\\")):
        return False
    return not (site_url and url.startswith(f"{site_url}/"))


class _Checker(HTMLParser):
    def __init__(self, site_url: str):
        super().__init__(convert_charrefs=True)
        self.site_url = site_url
        self.findings: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:  # the element goes, and its attributes with it
            self.findings.append(Finding(element_message(tag), f"<{tag}"))
            return
        allowed = ATTRIBUTES.get(tag, set()) | _EVERYWHERE
        for name, value in attrs:
            finding = _attribute_finding(tag, name, value or "", allowed, self.site_url)
            if finding is not None:
                self.findings.append(finding)

    handle_startendtag = handle_starttag


def _attribute_finding(
    tag: str, name: str, value: str, allowed: set[str], site_url: str
) -> Finding | None:
    if name.startswith("on"):
        return Finding(
            f"у HTML-элемента `<{tag}>` есть обработчик `{name}`: {_SCRIPTS}",
            f"{name}=",
        )
    problem = url_problem(value)
    if problem is not None:
        return Finding(problem, value[:40])
    if name == "style":
        if tag in ("th", "td") and _only_alignment(value):
            return None
        return Finding(
            f"у HTML-элемента `<{tag}>` есть атрибут `style`: {_STYLES}", "style="
        )
    if name in _LOADING and is_foreign(value, site_url):
        return Finding(foreign_source_message(value), value)
    if name not in allowed:
        return Finding(
            f"у HTML-элемента `<{tag}>` есть атрибут `{name}`, который сайт не "
            "публикует: уберите его",
            f"{name}=",
        )
    if name in ("href", "src", "cite") and not _known_scheme(value):
        return Finding(
            f"ссылка «{value}» ведёт не на сайт и не на почту: укажите адрес "
            "https://… или путь на сайте",
            value,
        )
    return None


def _only_alignment(style: str) -> bool:
    declarations = [d for d in style.split(";") if d.strip()]
    return all(
        d.partition(":")[0].strip().lower() in _STYLE_PROPERTIES for d in declarations
    )


def _known_scheme(url: str) -> bool:
    if _PELICAN_LINK.match(url):
        return True
    match = _SCHEME.match(url.strip().lower())
    return match is None or match[1] in nh3.ALLOWED_URL_SCHEMES


def locate(
    source: str, needles: Iterable[str], first_line: int = 1
) -> list[int | None]:
    """The 1-based line of each needle in ``source``, from ``first_line`` on.

    The same needle found twice is looked for after its previous place, so two
    `<script>` elements get their own lines. A needle that is not written as is
    (spelt with entities, say) gets None.
    """
    needles = list(needles)
    if not needles:
        return []
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    start = line_starts[first_line - 1] if first_line <= len(line_starts) else 0
    lowered = source.lower()
    after: dict[str, int] = {}
    lines: list[int | None] = []
    for needle in needles:
        key = needle.lower()
        position = lowered.find(key, after.get(key, start))
        if position < 0:
            position = lowered.find(html.escape(key), after.get(key, start))
        if position < 0:
            lines.append(None)
            continue
        after[key] = position + 1
        lines.append(source.count("\n", 0, position) + 1)
    return lines
