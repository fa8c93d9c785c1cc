"""Which files from the content folder may be copied into the site as they are.

Pelican copies everything under `STATIC_PATHS`, following symbolic links: a link
committed as `files/passwd.txt` would publish a server file, and an `.html` or
an SVG with a script would run on the site's own origin. Only the files that
pass here are published.
"""

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from chamber.problems import Problem
from chamber.svg import svg_problems

IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"})
DOCUMENTS = frozenset(
    {
        ".pdf",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".odt",
        ".ods",
        ".odp",
        ".csv",
        ".zip",
    }
)
MEDIA = frozenset({".mp4", ".webm", ".vtt"})
# What each static folder may hold; any other static folder takes what files/ takes.
ALLOWED = {"images": IMAGES, "files": DOCUMENTS | MEDIA | IMAGES}
_KIND_NAMES = {
    "images": "картинки PNG, JPEG, GIF, WebP, AVIF и SVG",
    "files": (
        "PDF, документы Word, Excel, PowerPoint и OpenDocument, CSV, ZIP, видео "
        "MP4 и WebM, субтитры VTT и картинки"
    ),
}
# Left by editors' machines and git; not published and not worth an error.
_LEFT_BEHIND = frozenset({"Thumbs.db", "desktop.ini"})


def symlink_problems(content_dir: Path) -> list[Problem]:
    """Every symbolic link in the content folder, which nothing may follow."""
    problems = []
    for folder, dirs, files in os.walk(content_dir):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(folder, name)
            if path.is_symlink():
                relative = path.relative_to(content_dir).as_posix()
                problems.append(Problem(relative, _symlink_message(path)))
    return problems


def linked_folders(content_dir: Path) -> list[str]:
    """Linked folders inside the content folder, relative to it."""
    return [
        p.path for p in symlink_problems(content_dir) if (content_dir / p.path).is_dir()
    ]


def _symlink_message(path: Path) -> str:
    return (
        f"это символическая ссылка (на «{os.readlink(path)}»), а не файл. Сайт "
        "публикует только файлы, лежащие в папке content: ссылка не копируется. "
        "Положите на её место сам файл."
    )


def is_left_behind(name: str) -> bool:
    return name.startswith((".", "~$")) or name in _LEFT_BEHIND


def refusal(relative: str, data: bytes | None = None) -> list[str]:
    """Why the file at ``relative`` (inside content/) is not published, if it is not.

    ``data`` is the file's content, needed only for an SVG.
    """
    if relative.startswith("/") or ".." in PurePosixPath(relative).parts:
        # A `{static}/../…` link: Pelican would copy from, and write to, outside.
        return [
            "файл лежит вне папки content, а сайт публикует только её файлы: "
            "ссылка {static} на него не работает. Положите файл в content/files/ "
            "или content/images/."
        ]
    folder = relative.split("/", 1)[0] if "/" in relative else ""
    allowed = ALLOWED.get(folder, ALLOWED["files"])
    suffix = Path(relative).suffix.lower()
    if suffix not in allowed:
        place = f"content/{folder}/" if folder else "content/"
        kinds = _KIND_NAMES.get(folder, _KIND_NAMES["files"])
        return [
            f"файлы «{suffix or 'без расширения'}» из {place} не публикуются: "
            f"здесь можно выкладывать {kinds}. Страницы и скрипты (.html, .js, "
            ".svg с кодом) сайт из материалов не публикует."
        ]
    if suffix == ".svg" and data is not None:
        return svg_problems(data)
    return []


def static_problems(content_dir: Path, static_paths: Iterable[str]) -> list[Problem]:
    """Files under the static folders that may not be published."""
    problems = []
    for static in static_paths:
        root = content_dir / static
        if not root.is_dir() or root.is_symlink():
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not is_left_behind(d))
            for name in sorted(files):
                path = Path(folder, name)
                if is_left_behind(name) or path.is_symlink():
                    continue  # a link is reported as a link, wherever it is
                relative = path.relative_to(content_dir).as_posix()
                data = path.read_bytes() if path.suffix.lower() == ".svg" else None
                problems.extend(
                    Problem(relative, message) for message in refusal(relative, data)
                )
    return problems


def passes_through_link(content_dir: Path, relative: str) -> bool:
    """True if the path, or a folder on the way to it, is a symbolic link."""
    path = content_dir
    for part in Path(relative).parts:
        path = path / part
        if path.is_symlink():
            return True
    return False
