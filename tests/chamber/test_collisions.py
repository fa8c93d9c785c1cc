from chamber.collisions import (
    EDITOR_FOLDER,
    SEARCH_FOLDER,
    duplicate_addresses,
    duplicate_slug_values,
    reserved_page_addresses,
    reserved_prefixes,
)
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


def test_the_folders_written_after_the_pages_are_reserved():
    reserved = reserved_prefixes({"PLAN_URL": "plan/{year}/"})
    problems = reserved_page_addresses(
        [
            ("pages/a.md", SEARCH_FOLDER),
            ("pages/b.md", EDITOR_FOLDER),
            ("pages/c.md", "o-palate"),
        ],
        reserved,
    )
    assert [(p.path, p.field) for p in problems] == [
        ("pages/a.md", "Slug"),
        ("pages/b.md", "Slug"),
    ]
    assert {"plan", "pagefind", "admin"} <= reserved
