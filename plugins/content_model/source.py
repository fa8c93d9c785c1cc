"""Reading an editor's file: the encoding, emptiness and unsafe links."""

import html
import re

from content_model.problems import FieldError

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Attributes that make the browser follow or load a URL.
_URL_ATTRIBUTE = re.compile(
    r"""\b(?:href|src|action|formaction|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
    re.IGNORECASE,
)
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Control characters and whitespace that browsers skip inside a scheme («java\tscript:»).
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")


def decode_source(data: bytes) -> str:
    """The file's text; a Russian explanation if it is not UTF-8 or is empty."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FieldError(_encoding_hint(data)) from None
    if not text.strip():
        raise FieldError(
            "файл пуст. Заполните его (образец — в руководстве редактора) или удалите."
        )
    return text


def _encoding_hint(data: bytes) -> str:
    try:
        as_cp1251 = data.decode("cp1251")
    except UnicodeDecodeError:
        looks_cp1251 = False
    else:
        looks_cp1251 = len(_CYRILLIC.findall(as_cp1251)) >= 3
    common = "Сохраните его в кодировке UTF-8"
    if looks_cp1251:
        return (
            "файл сохранён в кодировке Windows-1251, а нужна UTF-8. "
            f"{common} (в Блокноте: «Файл» → «Сохранить как» → «Кодировка: UTF-8»)."
        )
    return f"файл не в кодировке UTF-8 (возможно, это не текстовый файл). {common}."


def unsafe_url_message(url: str) -> str:
    return (
        f"ссылка «{url}» запускает программу в браузере читателя; такие "
        "ссылки запрещены. Укажите обычный адрес https://…"
    )


def unsafe_urls(markup: str) -> list[str]:
    """URLs in the HTML that would run code when clicked or loaded."""
    # Nearly every text has none: skip the attribute scan unless one of the schemes
    # could be there at all, even spelt with entities («&#106;avascript&colon;»).
    lowered = markup.lower()
    if "script" not in lowered and "data:" not in lowered and "&#" not in lowered:
        return []
    found = []
    for match in _URL_ATTRIBUTE.finditer(markup):
        value = next(group for group in match.groups() if group is not None)
        normalised = _IGNORED_IN_SCHEME.sub("", html.unescape(value)).lower()
        if normalised.startswith(_SCRIPT_SCHEMES):
            found.append(html.unescape(value))
    return found
