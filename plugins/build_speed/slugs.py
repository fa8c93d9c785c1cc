"""Pelican's `slugify`, remembered for the build.

Every article makes its own Tag, Category and Author objects, and each one
slugifies its name anew, through the 41 regular expressions of the Russian
letter table (`plugins/russian`): about 4 000 times for 1 000 articles, for a
few dozen names, a second and a half of a rebuild. `slugify` is a pure function
of its arguments, and Pelican has no setting to pass another, so the names its
modules call it by are pointed at a memo of it.
"""

from functools import lru_cache

from pelican import contents, urlwrappers, utils

_pelican_slugify = utils.slugify


def remembered_slugify(
    value: str,
    regex_subs=(),
    preserve_case: bool = False,
    use_unicode: bool = False,
) -> str:
    """`pelican.utils.slugify`, with the same arguments and result."""
    # The settings give lists; a memo key must be hashable, and is every argument.
    subs = tuple((source, target) for source, target in regex_subs)
    return _remembered(value, subs, preserve_case, use_unicode)


@lru_cache(maxsize=16384, typed=True)
def _remembered(
    value: str,
    regex_subs: tuple[tuple[str, str], ...],
    preserve_case: bool,
    use_unicode: bool,
) -> str:
    return _pelican_slugify(
        value,
        regex_subs=regex_subs,
        preserve_case=preserve_case,
        use_unicode=use_unicode,
    )


def remember_slugs() -> None:
    urlwrappers.slugify = remembered_slugify
    contents.slugify = remembered_slugify
