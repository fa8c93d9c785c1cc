"""Which page numbers a list's pager shows.

Listing every number made each page of a long list longer with the archive
(a section of 8,500 publications has 425 pages) and its rendering quadratic:
each number is a page object made from the settings. The pager shows the first
and the last page and the neighbours of the current one, with a gap between,
as public sites' pagers do (the GOV.UK design system's, for one).
"""

# Pages shown on each side of the current one.
AROUND = 1


def page_numbers(current: int, total: int, around: int = AROUND) -> list[int | None]:
    """The numbers in order, None for a gap. A gap never hides a single page:
    that page is shown instead."""
    wanted = {1, total, *range(current - around, current + around + 1)}
    shown: list[int | None] = []
    previous = 0
    for number in sorted(n for n in wanted if 1 <= n <= total):
        if number - previous == 2:
            shown.append(number - 1)
        elif number - previous > 2:
            shown.append(None)
        shown.append(number)
        previous = number
    return shown
