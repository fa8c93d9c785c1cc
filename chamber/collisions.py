"""Rules that need every file at once: one digest a month, one file per address."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

from chamber.problems import Problem
from chamber.sections import FIELD_LABELS, SECTIONS, Section

# Folders written into the site after the pages, each first deleted whole: the
# search index (plugins/search) and the web editor (web_editor). A page at
# their address would vanish unreported, after the link check had seen it.
SEARCH_FOLDER = "pagefind"
EDITOR_FOLDER = "admin"


def _clashes(
    pairs: Iterable[tuple[str, str]], field: str, message: str
) -> list[Problem]:
    """A problem for each file that shares its key with another; ``message`` names
    the others through ``{others}``."""
    paths_by_key = defaultdict(list)
    for path, key in pairs:
        paths_by_key[key].append(path)
    problems = []
    for paths in paths_by_key.values():
        for path in sorted(paths) if len(paths) > 1 else ():
            others = ", ".join(p for p in sorted(paths) if p != path)
            problems.append(Problem(path, message.format(others=others), field))
    return problems


def duplicate_slug_values(
    section: Section, files: Iterable[tuple[str, str]]
) -> list[Problem]:
    """``files`` are a section's (path, slug field value) pairs: one digest a month."""
    return _clashes(files, FIELD_LABELS[section.slug_field], section.slug_clash)


def duplicate_addresses(pages: Iterable[tuple[str, str]]) -> list[Problem]:
    """``pages`` are (path, output file) pairs; two files must not share an address."""
    return _clashes(
        pages,
        "Slug",
        "у файла тот же адрес страницы, что у {others}. "
        "Задайте другой Slug или измените заголовок.",
    )


def reserved_prefixes(settings: Mapping) -> frozenset[str]:
    """First parts of the addresses the site writes itself: /articles/, /plan/…

    Read from the URL settings (any `*_URL` without a placeholder at its start),
    so a plugin's new page is covered without a list kept by hand.
    """
    prefixes = set(SECTIONS) | set(settings.get("STATIC_PATHS", ()))
    prefixes |= {settings.get("THEME_STATIC_DIR", "theme"), "feeds", "drafts"}
    prefixes |= {SEARCH_FOLDER, EDITOR_FOLDER}
    for name, value in settings.items():
        if name.endswith("_URL") and isinstance(value, str) and value[:1] not in "{":
            prefixes.add(value.split("/", 1)[0])
    return frozenset(prefixes - {"", "pages"})


def reserved_page_addresses(
    pages: Iterable[tuple[str, str]], reserved: frozenset[str]
) -> list[Problem]:
    """``pages`` are (path, slug) pairs of plain pages, which live at /<slug>/."""
    return [
        Problem(
            path,
            f"адрес «/{slug}/» занят разделом сайта. Задайте другой Slug, "
            "например o-palate.",
            "Slug",
        )
        for path, slug in pages
        if slug in reserved
    ]
