"""Russian plural forms (1 статья, 2 статьи, 5 статей) by the CLDR rules in Babel."""

from babel import Locale

_RUSSIAN = Locale.parse("ru")


def plural_form(count: int, one: str, few: str, many: str) -> str:
    """Pick the word form for ``count``; CLDR's ``other`` (fractions) takes ``few``."""
    category = _RUSSIAN.plural_form(count)
    return {"one": one, "few": few, "many": many}.get(category, few)


def count_with_noun(count: int, one: str, few: str, many: str) -> str:
    """«1 статья», «22 статьи», «11 статей», with a non-breaking space."""
    return f"{count}\u00a0{plural_form(count, one, few, many)}"
