import pytest

from chamber.pagination import page_numbers


@pytest.mark.parametrize(
    ("current", "total", "shown"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (2, 3, [1, 2, 3]),
        (1, 8, [1, 2, None, 8]),
        (5, 8, [1, None, 4, 5, 6, 7, 8]),
        (4, 8, [1, 2, 3, 4, 5, None, 8]),
        (8, 8, [1, None, 7, 8]),
        (200, 425, [1, None, 199, 200, 201, None, 425]),
    ],
)
def test_first_last_and_the_current_pages_neighbours_with_gaps(current, total, shown):
    assert page_numbers(current, total) == shown


def test_a_gap_never_stands_for_a_single_page():
    # 1 … 3 would hide page 2 behind a mark as wide as its number.
    assert page_numbers(4, 7) == [1, 2, 3, 4, 5, 6, 7]


def test_a_pager_never_grows_with_the_list():
    assert max(len(page_numbers(n, 1000)) for n in range(1, 1001)) == 7
