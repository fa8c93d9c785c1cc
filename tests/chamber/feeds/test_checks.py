from chamber.feeds.checks import IdentifiedFile, duplicate_entry_ids


def test_feed_id_taking_another_files_id_is_reported_on_its_own_file():
    problems = duplicate_entry_ids(
        [
            IdentifiedFile(
                "articles/staraya.md", "tag:x,2021:articles/staraya.md", False
            ),
            IdentifiedFile(
                "articles/novaya.md", "tag:x,2021:articles/staraya.md", True
            ),
            IdentifiedFile(
                "articles/drugaya.md", "tag:x,2021:articles/drugaya.md", False
            ),
        ]
    )
    assert [(p.path, p.field) for p in problems] == [("articles/novaya.md", "Feed-Id")]
    assert "«articles/staraya.md»" in problems[0].message
    assert "показали бы только одну" in problems[0].message


def test_two_files_with_one_feed_id_are_both_reported():
    problems = duplicate_entry_ids(
        [
            IdentifiedFile("articles/b.md", "tag:x,2021:same", True),
            IdentifiedFile("articles/a.md", "tag:x,2021:same", True),
        ]
    )
    assert [p.path for p in problems] == ["articles/a.md", "articles/b.md"]
    assert "«articles/b.md»" in problems[0].message


def test_distinct_ids_are_fine():
    assert not duplicate_entry_ids(
        [
            IdentifiedFile("articles/a.md", "tag:x,2021:articles/a.md", False),
            IdentifiedFile("articles/b.md", "tag:x,2021:old/b.md", True),
        ]
    )
