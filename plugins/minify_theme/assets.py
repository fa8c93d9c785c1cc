"""CSS and JavaScript minified in place: rcssmin and rjsmin only drop comments
and whitespace, so a stylesheet or script means the same after it, and the same
input always gives the same bytes."""

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {
    ".css": rcssmin.cssmin,
    ".js": rjsmin.jsmin,
}


def minified(suffix: str, text: str) -> str:
    """The text of a `.css` or `.js` file without comments and indentation."""
    return MINIFIERS[suffix](text)


def minify_folder(folder: Path) -> list[Path]:
    """Minify every stylesheet and script under `folder`; the files changed."""
    changed = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in MINIFIERS or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        smaller = minified(path.suffix, text)
        if smaller != text:
            path.write_text(smaller, encoding="utf-8", newline="")
            changed.append(path)
    return changed
