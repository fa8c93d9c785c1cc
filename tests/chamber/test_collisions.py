from chamber.collisions import duplicate_addresses, duplicate_slug_values
from chamber.sections import SECTIONS

DIGESTS = SECTIONS["digests"]


def test_two_digests_for_one_month_name_each_other():
    problems = duplicate_slug_values(
        DIGESTS,
        [
            ("digests/2021-05.md", "2021-05"),
            ("digests/may.md", "2021-05"),
            ("digests/2021-06.md", "2021-06"),
        ],
    )
    assert [(p.path, p.field) for p in problems] == [
        ("digests/2021-05.md", "Month"),
        ("digests/may.md", "Month"),
    ]
    assert "digests/may.md" in problems[0].message
    assert "digests/2021-05.md" in problems[1].message


def test_digests_for_different_months_pass():
    assert (
        duplicate_slug_values(DIGESTS, [("a.md", "2021-05"), ("b.md", "2021-06")]) == []
    )


def test_two_files_with_one_address_are_reported():
    problems = duplicate_addresses(
        [
            ("articles/a.md", "articles/x/index.html"),
            ("articles/b.md", "articles/x/index.html"),
            ("articles/c.md", "articles/c/index.html"),
        ]
    )
    assert {p.path for p in problems} == {"articles/a.md", "articles/b.md"}
