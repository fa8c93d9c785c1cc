"""A problem found in the content, told to an editor in Russian."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the content folder, with forward slashes
    message: str
    field: str | None = None
    line: int | None = None

    @property
    def where(self) -> str:
        """The file, and its line when known: `meetings/x.md:12`."""
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        field = f"поле «{self.field}»: " if self.field else ""
        return f"{self.where}: {field}{self.message}"


class SettingsError(ValueError):
    """A setting in pelicanconf.py has a wrong value; the message is Russian."""


class FieldError(ValueError):
    """A field's value breaks a rule; the message is Russian and says how to fix it."""


def warning_text(problem: Problem) -> str:
    """A warning as printed: told apart from the errors that stop the build.

    The one place that words a warning, for the content model's (`BUILD.warn`)
    and for the tasks' own (a `Problem` with no path: about the build, not a file).
    """
    # A field's warning reads like a field's error, which editors already know;
    # one found in the text says the build goes on.
    if not problem.path:
        return f"Внимание: {problem.message}"
    if problem.field:
        return f"Предупреждение: {problem}"
    return f"{problem.where}: предупреждение (сборка продолжается): {problem.message}"


def unexpected_error(error: Exception) -> str:
    """What an editor is told when reading a file failed in a way nobody foresaw."""
    return (
        "файл не удалось прочитать: сборка споткнулась о его содержимое "
        f"({type(error).__name__}: {str(error)[:200]}). Проверьте, нет ли в нём "
        "вставленного из другой программы (картинок, таблиц, необычных символов); "
        "если не помогает, передайте это сообщение разработчикам."
    )
