"""Rules that need every file at once: one digest a month, one file per address."""

from collections import defaultdict
from collections.abc import Iterable

from content_model.problems import Problem


def _groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    paths_by_key = defaultdict(list)
    for path, key in pairs:
        paths_by_key[key].append(path)
    return [sorted(paths) for paths in paths_by_key.values() if len(paths) > 1]


def duplicate_digest_months(digests: Iterable[tuple[str, str]]) -> list[Problem]:
    """``digests`` are (path, month) pairs."""
    problems = []
    for paths in _groups(digests):
        for path in paths:
            others = ", ".join(p for p in paths if p != path)
            problems.append(
                Problem(
                    path,
                    f"за этот месяц уже есть дайджест: {others}. "
                    "Оставьте один файл на месяц.",
                    "Month",
                )
            )
    return problems


def duplicate_addresses(pages: Iterable[tuple[str, str]]) -> list[Problem]:
    """``pages`` are (path, output file) pairs; two files must not share an address."""
    problems = []
    for paths in _groups(pages):
        for path in paths:
            others = ", ".join(p for p in paths if p != path)
            problems.append(
                Problem(
                    path,
                    f"у файла тот же адрес страницы, что у {others}. "
                    "Задайте другой Slug или измените заголовок.",
                    "Slug",
                )
            )
    return problems
