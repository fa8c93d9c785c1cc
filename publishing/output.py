"""Which folder a build may replace with the site.

A build replaces its output folder whole, so a careless `--output` must never
name the editors' content, the repository, the current or the home folder, or a
file. The rule is a pure function of paths and of what is at the output; only
`checked_output` looks at the disk.
"""

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class OutputRefused(ValueError):
    pass


class Found(Enum):
    NOTHING = "nothing"
    SITE = "site"  # a folder a build wrote (or an empty one)
    RELEASE_LINK = "release-link"  # the symlink a build made
    FILE = "file"
    FOREIGN_FOLDER = "foreign-folder"


@dataclass(frozen=True)
class Protected:
    content: Path
    repository: Path
    cwd: Path
    home: Path


# The files by which a folder is known as a site a build wrote.
SITE_MARKERS = ("manifest.json", "index.html")


REPLACED = "сборка заменила бы её целиком"
WRITTEN_INTO = "публикация записала бы в неё версии сайта"
PREVIEWED_INTO = "предпросмотр записал бы в неё страницы"


def refusal(
    text: str,
    output: Path,
    found: Found,
    protected: Protected,
    consequence: str = REPLACED,
) -> str | None:
    """Why `output` (as the publisher typed it: `text`) must not be replaced, or None.

    All paths are absolute and resolved.
    """
    if not text.strip():
        return (
            "Папка для сайта не указана (пустой --output): сборка заменила бы "
            "текущую папку. Укажите отдельную папку, например output. Ничего не изменено."
        )
    reason = _reason(output, found, protected)
    if reason is None:
        return None
    return (
        f"Папка для сайта «{text}» ({output}) {reason}: {consequence}. "
        "Укажите отдельную папку, например output. Ничего не изменено."
    )


def _reason(output: Path, found: Found, protected: Protected) -> str | None:
    content = protected.content
    if output == content:
        return "— это папка с материалами"
    if content.is_relative_to(output):
        return f"содержит папку с материалами {content}"
    if output.is_relative_to(content):
        return f"находится внутри папки с материалами {content}"
    for folder, is_it, contains_it in (
        (protected.repository, "папка проекта", "папку проекта"),
        (protected.cwd, "текущая папка", "текущую папку"),
        (protected.home, "домашняя папка", "домашнюю папку"),
    ):
        if output == folder:
            return f"— это {is_it} {folder}"
        if folder.is_relative_to(output):
            return f"содержит {contains_it} {folder}"
    if found is Found.FILE:
        return "— это файл, а не папка"
    if found is Found.FOREIGN_FOLDER:
        return (
            "— непустая папка, которую сборка не создавала (в ней нет ни "
            + ", ни ".join(SITE_MARKERS)
            + ")"
        )
    return None


def what_is_at(output: Path) -> Found:
    if output.is_symlink():
        return Found.RELEASE_LINK
    if not output.exists():
        return Found.NOTHING
    if not output.is_dir():
        return Found.FILE
    names = {entry.name for entry in os.scandir(output)}
    if not names or names & set(SITE_MARKERS):
        return Found.SITE
    return Found.FOREIGN_FOLDER


def located(text: str) -> Path:
    """The absolute path of `text`; a symlink at the end is not followed, since
    that link is what a build replaces."""
    path = Path(text).expanduser()
    absolute = Path(os.path.abspath(path))
    return absolute.parent.resolve() / absolute.name


def _protected(content: str | Path, repository: Path) -> Protected:
    return Protected(
        content=Path(content).resolve(),
        repository=repository.resolve(),
        cwd=Path.cwd().resolve(),
        home=Path.home().resolve(),
    )


def checked_output(text: str, content: str | Path, repository: Path) -> Path:
    """The output folder for `text`, or `OutputRefused` with the Russian reason."""
    output = located(text) if text.strip() else Path.cwd()
    protected = _protected(content, repository)
    found = what_is_at(output)
    problem = refusal(text, output, found, protected)
    if problem is None and found is Found.RELEASE_LINK:
        # A link elsewhere is judged by where it leads, too.
        problem = refusal(
            text, output.resolve(), what_is_at(output.resolve()), protected
        )
    if problem:
        raise OutputRefused(problem)
    return output


def check_location(
    text: str, content: str | Path, repository: Path, consequence: str
) -> None:
    """For a folder that is written into but not replaced (a publishing folder
    gains `releases/` and `current`, the preview its pages): what it holds is left
    alone, but it is never the content, the project or the home folder."""
    problem = refusal(
        text, located(text), Found.NOTHING, _protected(content, repository), consequence
    )
    if problem:
        raise OutputRefused(problem)
