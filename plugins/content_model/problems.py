"""A problem found in the content, told to an editor in Russian."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the content folder, with forward slashes
    message: str
    field: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f"поле «{self.field}»: " if self.field else ""
        return f"{where}: {field}{self.message}"


class FieldError(ValueError):
    """A field's value breaks a rule; the message is Russian and says how to fix it."""
