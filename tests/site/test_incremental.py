"""A rebuild serves nothing stale: after each kind of edit, the site a rebuild
makes over the previous one is byte for byte the site a cold build of the same
input makes into a fresh folder (no earlier output, no cache).

The edits run in this order on one project copy, each rebuild starting from the
site and the cache the one before left.
"""

import pytest

from sitebuild import Project, file_digests

SITE = "contract_real_year"
KAZAN = "articles/2021-03-kazan.md"
TYUMEN = "articles/2021-07-tyumen.md"
ADDED = "articles/2021-09-novaya.md"
TRANSCRIPT = "meetings/transcripts/2021-10-20-upravlenie.md"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("incremental"), SITE)
    project.build()
    return project


def assert_rebuild_is_cold_build(project: Project, scratch) -> None:
    project.build()
    rebuilt = file_digests(project.output.resolve())
    (scratch / "cold").mkdir()
    project.build(scratch / "cold" / "output")
    cold = file_digests((scratch / "cold" / "output").resolve())
    differing = sorted(
        name
        for name in rebuilt.keys() | cold.keys()
        if rebuilt.get(name) != cold.get(name)
    )
    assert not differing, differing
    assert len(rebuilt) > 50


def test_a_rebuild_with_nothing_changed(project, tmp_path):
    assert_rebuild_is_cold_build(project, tmp_path)


def test_one_word_in_an_article_body(project, tmp_path):
    project.edit(
        project.content / KAZAN,
        "Текст статьи о том, как",
        "Текст статьи о том, как именно",
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_an_article_title(project, tmp_path):
    project.edit(
        project.content / TYUMEN,
        "Title: Тюмень: практики муниципального управления",
        "Title: Тюмень: лучшие практики муниципального управления",
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_tag(project, tmp_path):
    project.edit(
        project.content / KAZAN,
        "Tags: агломерации",
        "Tags: агломерации, управление",
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_new_publication(project, tmp_path):
    (project.content / ADDED).write_text(
        "Title: Новая статья о городах\n"
        "Date: 2021-09-01\n"
        "Tags: управление\n"
        "City: Казань\n"
        "\n"
        "## Главное\n"
        "\n"
        "Текст новой статьи.\n",
        encoding="utf-8",
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_deleted_publication(project, tmp_path):
    (project.content / ADDED).unlink()
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_transcript(project, tmp_path):
    project.edit(
        project.content / TRANSCRIPT,
        "Добрый день, коллеги.",
        "Добрый день, уважаемые коллеги.",
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_plan_file(project, tmp_path):
    project.edit(
        project.content / "plans/2021.toml",
        'title = "Подготовка доклада о состоянии',
        'title = "Подготовка ежегодного доклада о состоянии',
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_static_file(project, tmp_path):
    svg = project.content / "images/skhema.svg"
    svg.write_text(
        svg.read_text(encoding="utf-8").replace("</svg>", "<!-- правка --></svg>"),
        encoding="utf-8",
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_an_attachment_that_grows(project, tmp_path):
    # Its size is shown on the document's page: read from the file, not the text.
    with open(project.content / "files/materialy.pdf", "ab") as pdf:
        pdf.write(b"%" + b"0" * 4096 + b"\n")
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_video_that_grows(project, tmp_path):
    # Its size is in the feeds' enclosure.
    with open(project.content / "files/zasedanie.webm", "ab") as video:
        video.write(b"\0" * 4096)
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_template(project, tmp_path):
    project.edit(
        project.root / "theme/templates/base.html",
        "<head>",
        '<head>\n<meta name="incremental-test" content="новый шаблон">',
    )
    assert_rebuild_is_cold_build(project, tmp_path)
    assert all(
        soup.find("meta", attrs={"name": "incremental-test"})
        for soup in project.pages().values()
    )


def test_a_setting(project, tmp_path):
    project.edit(
        project.root / "pelicanconf.py",
        '"markdown.extensions.toc": {"permalink": False}',
        '"markdown.extensions.toc": {"permalink": True}',
    )
    assert_rebuild_is_cold_build(project, tmp_path)


def test_a_failed_rebuild_leaves_the_published_site_untouched(project, tmp_path):
    published = project.output.resolve()
    before = file_digests(published)
    # A broken link fails the build at its very end, once every page is written.
    project.edit(
        project.content / KAZAN,
        "Текст статьи о том,",
        "Текст статьи со [ссылкой в никуда](/nowhere/) о том,",
    )
    failed = project.run_build(project.output)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "«/nowhere/» не работает" in failed.stdout + failed.stderr
    assert project.output.resolve() == published
    assert file_digests(published) == before
    project.edit(
        project.content / KAZAN,
        "Текст статьи со [ссылкой в никуда](/nowhere/) о том,",
        "Текст статьи о том,",
    )
    assert_rebuild_is_cold_build(project, tmp_path)
