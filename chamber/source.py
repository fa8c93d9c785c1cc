"""Reading an editor's file: its size, encoding, emptiness and what Word leaves in it."""

import re

from chamber.problems import FieldError

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Far beyond any real publication (a year of transcripts is under 2 MB); larger
# files are pasted images or mistakes, and would stall the Markdown conversion.
MAX_SOURCE_BYTES = 5 * 1024 * 1024
# C0 controls other than tab and line breaks, and the two XML non-characters:
# Word leaves them behind (\x0b for Shift+Enter), and feeds cannot carry them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Word's manual line and page breaks stand between two words.
_BREAKS = re.compile("[\x0b\x0c]")
# A file written into the text as `data:image/png;base64,…`.
_DATA_URL = re.compile(r"\bdata:[a-z]+/[\w.+-]+[;,]", re.IGNORECASE)


def decode_source(data: bytes) -> str:
    """The file's text; a Russian explanation if it is too big, not UTF-8 or empty."""
    if len(data) > MAX_SOURCE_BYTES:
        megabytes = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
        raise FieldError(
            f"файл занимает {megabytes} МБ, а текст публикации — "
            f"не больше {MAX_SOURCE_BYTES // 1024 // 1024} МБ. Скорее всего, в него "
            "вставлены картинки: положите их в content/images/ и вставьте ссылками."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FieldError(_encoding_hint(data)) from None
    if not text.strip():
        raise FieldError(
            "файл пуст. Заполните его (образец — в руководстве редактора) или удалите."
        )
    return text


SAVE_AS_UTF8 = "Сохраните его в кодировке UTF-8"
# Notepad on Windows, where most editors' files come from.
_IN_NOTEPAD = "(в Блокноте: «Файл» → «Сохранить как» → «Кодировка: UTF-8»)"
WINDOWS_1251_MESSAGE = (
    f"файл сохранён в кодировке Windows-1251, а нужна UTF-8. {SAVE_AS_UTF8} "
    f"{_IN_NOTEPAD}."
)
SAVE_AS_UTF8_IN_NOTEPAD = f"{SAVE_AS_UTF8} {_IN_NOTEPAD}."


def looks_like_windows_1251(data: bytes) -> bool:
    """Russian text saved by Windows in its own encoding, the usual mistake."""
    try:
        return len(_CYRILLIC.findall(data.decode("cp1251"))) >= 3
    except UnicodeDecodeError:
        return False


def _encoding_hint(data: bytes) -> str:
    if looks_like_windows_1251(data):
        return WINDOWS_1251_MESSAGE
    return (
        f"файл не в кодировке UTF-8 (возможно, это не текстовый файл). {SAVE_AS_UTF8}."
    )


def without_control_characters(text: str) -> tuple[str, int | None]:
    """The text without invisible control characters, and the line of the first one."""
    first = _CONTROL.search(text)
    if first is None:
        return text, None
    line = text.count("\n", 0, first.start()) + 1
    return _CONTROL.sub("", _BREAKS.sub(" ", text)), line


CONTROL_CHARACTERS_WARNING = (
    "в тексте были невидимые управляющие символы, какие оставляет Word (например, "
    "разрыв строки Shift+Enter); они убраны. Проверьте, что слова не слиплись "
    "(указана строка с первым из них)."
)


def inline_data_url(text: str) -> tuple[str, int] | None:
    """A file written into the text as a `data:` URL, and its line."""
    match = _DATA_URL.search(text)
    if match is None:
        return None
    end = min(len(text), match.start() + 60)
    url = text[match.start() : end].split(")")[0].split('"')[0]
    return url, text.count("\n", 0, match.start()) + 1
