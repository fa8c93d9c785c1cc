"""Editors' mistakes that would break the feeds, told in Russian."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from chamber.problems import Problem
from chamber.sections import FIELD_LABELS

FEED_ID_LABEL = FIELD_LABELS.get("feed-id", "Feed-Id")


@dataclass(frozen=True)
class IdentifiedFile:
    path: str  # relative to the content folder
    entry_id: str
    pinned: bool  # the id comes from Feed-Id


def duplicate_entry_ids(files: Iterable[IdentifiedFile]) -> list[Problem]:
    """Files whose feed entries would share an id: readers would show only one.

    Paths are unique, so a clash always involves a ``Feed-Id``; that is the
    field the editor has to change, and the message goes to its file.
    """
    by_id: dict[str, list[IdentifiedFile]] = defaultdict(list)
    for file in files:
        by_id[file.entry_id].append(file)
    problems = []
    for entry_id, clashing in sorted(by_id.items()):
        if len(clashing) < 2:
            continue
        for file in sorted(clashing, key=lambda file: file.path):
            if not file.pinned:
                continue
            others = ", ".join(
                f"«{other.path}»"
                for other in sorted(clashing, key=lambda f: f.path)
                if other is not file
            )
            problems.append(
                Problem(
                    file.path,
                    f"идентификатор записи в лентах «{entry_id}» уже есть у {others}: "
                    "программы чтения лент показали бы только одну из публикаций. "
                    "Укажите в Feed-Id прежний путь именно этого файла "
                    "(например, articles/staroe-imya.md) или уберите поле.",
                    FEED_ID_LABEL,
                )
            )
    return problems
