"""A quick look for tags before an HTML parser is started: most bodies have none,
and parsing one costs about as much as converting its Markdown."""

import re
from functools import cache


@cache
def _start_tags(names: tuple[str, ...]) -> re.Pattern:
    # Tag names are case-insensitive; `<imgx` matching too only costs a parse.
    return re.compile("|".join(f"<{name}" for name in names), re.IGNORECASE)


def may_contain(html: str, *names: str) -> bool:
    """False only when ``html`` has no start tag named in ``names``."""
    return _start_tags(names).search(html) is not None
