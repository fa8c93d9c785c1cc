"""What one build has learned so far: reference data and the problems found."""

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from markdown import Markdown

from chamber.cities import City
from chamber.meetings.reading import TranscriptReading
from chamber.plan.model import Plan
from chamber.problems import Problem

# A converted text: the HTML and the metadata block (`Markdown.Meta`).
Converted = tuple[str, dict[str, list[str]]]
T = TypeVar("T")


def convert_markdown(markdown: Markdown, text: str) -> Converted:
    """What ``markdown.reset().convert(text)`` gives, and its ``Meta``."""
    html = markdown.reset().convert(text)
    return html, {
        name: list(lines) for name, lines in getattr(markdown, "Meta", {}).items()
    }


def read_every_time(relative: str, data: bytes, read: Callable[[], T]) -> T:
    """What the reader gives for the file at ``relative`` whose bytes are ``data``."""
    return read()


@dataclass
class BuildState:
    cities: Mapping[str, City] = field(default_factory=dict)
    plans: Mapping[int, Plan] = field(default_factory=dict)
    # Years whose plan file has errors of its own: references to them are not
    # reported again as «no such plan».
    broken_plan_years: frozenset[int] = frozenset()
    _problems: dict[str, list[Problem]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # Told to the editor but not stopping the build.
    _warnings: list[Problem] = field(default_factory=list)
    # Each transcript file read so far, by its path: read once, however many
    # meetings name it.
    transcripts: dict[str, TranscriptReading] = field(default_factory=dict)
    # How the reader turns Markdown into HTML, and how it reads a file: a
    # plugin may put faster ones here when the build starts (build_speed:
    # converted ahead, and readings kept from the last build). Not per run, so
    # `reset` keeps them.
    convert: Callable[[Markdown, str], Converted] = convert_markdown
    read_once: Callable[[str, bytes, Callable[[], T]], T] = read_every_time

    def add(self, problem: Problem) -> None:
        self._problems[problem.path].append(problem)

    def problems_for(self, path: str) -> Callable[..., None]:
        def report(message: str, field: str | None = None, line: int | None = None):
            self.add(Problem(path, message, field, line))

        return report

    def warn(self, problem: Problem) -> None:
        self._warnings.append(problem)

    def warnings_given(self) -> int:
        """How many warnings so far: where `warnings_after` starts."""
        return len(self._warnings)

    def warnings_after(self, given: int) -> tuple[Problem, ...]:
        return tuple(self._warnings[given:])

    def warnings(self) -> list[Problem]:
        """Every warning once, file by file and line by line."""
        return sorted(
            set(self._warnings),
            key=lambda w: (w.path, w.line or 0, w.field or "", w.message),
        )

    def has_problems(self, path: str) -> bool:
        return bool(self._problems.get(path))

    def problems(self) -> list[Problem]:
        """Every problem, file by file, in the order found within a file."""
        return [p for path in sorted(self._problems) for p in self._problems[path]]

    def reset(self) -> None:
        """Forget everything: a run starts; ``--autoreload`` reuses this module."""
        self.cities, self.plans = {}, {}
        self.broken_plan_years = frozenset()
        self._problems.clear()
        self._warnings.clear()
        self.transcripts.clear()


BUILD = BuildState()
