"""Every image in a publication says what it shows (its alt text).

Readers who do not see images (screen readers, images turned off in the
low-vision version, a slow connection) get the alt text instead.
"""

from bs4 import BeautifulSoup

from chamber.html_tags import may_contain


def missing_alt(body_html: str, source: str) -> list[tuple[str, int | None]]:
    """(message, line in the Markdown source) for each image without alt text."""
    problems = []
    if not may_contain(body_html, "img"):
        return problems
    for image in BeautifulSoup(body_html, "html.parser").find_all("img"):
        if (image.get("alt") or "").strip():
            continue
        src = image.get("src", "")
        problems.append(
            (
                f"у изображения «{src}» нет описания (alt). Напишите в квадратных "
                f"скобках, что на нём видно: ![Что на картинке]({src})",
                _line_of(source, src),
            )
        )
    return problems


def _line_of(source: str, src: str) -> int | None:
    """The line where the image is written, when its address is written as is."""
    position = source.find(src) if src else -1
    return source.count("\n", 0, position) + 1 if position >= 0 else None
