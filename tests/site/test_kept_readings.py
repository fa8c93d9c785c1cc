"""Readings kept between builds, seen on the built site.

A word in a kept reading is changed on purpose: the changed word shows on the
page of a publication a rebuild took from the kept readings, and not on one it
read anew. That a rebuild equals a cold build after each kind of edit is
`test_incremental.py`'s concern.
"""

import pickle

import pytest

from build_speed.readings import CACHE_FILE, KeptReading
from sitebuild import Project, reader_text

SITE = "contract_real_year"
KAZAN = "articles/2021-03-kazan.md"
KAZAN_PAGE = "articles/kazan-kak-stolitsa-tatarstana-upravlyaet-razvitiem-aglomeratsii"
TYUMEN = "articles/2021-07-tyumen.md"
WORD, KEPT_WORD = "договариваются", "ДОГОВАРИВАЮТСЯ"
# Word's Shift+Enter: the reader takes it out and warns.
LINE_BREAK = "\x0b"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("readings"), SITE)
    project.edit(project.content / KAZAN, "## Итоги", f"## Итоги{LINE_BREAK}")
    project.first_log = project.build()
    return project


def mark_kept_readings(project: Project) -> None:
    """Change the word in every reading the last build kept."""
    kept = max(project.cache.glob(f"*/{CACHE_FILE}"), key=lambda p: p.stat().st_mtime)
    readings = pickle.loads(kept.read_bytes())
    # The same number of bytes: the pickled string's length stays right.
    old, new = WORD.encode(), KEPT_WORD.encode()
    assert len(old) == len(new)
    kept.write_bytes(
        pickle.dumps(
            {
                key: KeptReading(reading.reading.replace(old, new), reading.warnings)
                for key, reading in readings.items()
            }
        )
    )


def test_an_unchanged_publication_is_taken_from_the_kept_readings(project):
    mark_kept_readings(project)
    project.edit(
        project.content / TYUMEN,
        "Title: Тюмень: практики муниципального управления",
        "Title: Тюмень: лучшие практики муниципального управления",
    )
    project.build()
    kazan = reader_text(project.page(KAZAN_PAGE).find("main"))
    assert KEPT_WORD in kazan and WORD not in kazan


def test_a_kept_reading_gives_its_warnings_again(project):
    log = project.build()
    warned = [line for line in log.splitlines() if "управляющие символы" in line]
    assert warned and all(KAZAN in line for line in warned)
    assert warned == [
        line for line in project.first_log.splitlines() if "управляющие символы" in line
    ]
    # Taken from the kept readings, not read: the changed word is still there.
    assert KEPT_WORD in reader_text(project.page(KAZAN_PAGE).find("main"))


def test_an_edited_publication_is_read_anew(project):
    project.edit(
        project.content / KAZAN, "договариваются города", "договариваются все города"
    )
    project.build()
    kazan = reader_text(project.page(KAZAN_PAGE).find("main"))
    assert "договариваются все города" in kazan and KEPT_WORD not in kazan
