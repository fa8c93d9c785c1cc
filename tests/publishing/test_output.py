"""The output folder guard: a build never replaces the content, the project, the
current or the home folder, or a file. Run in a throwaway copy of the project."""

from pathlib import Path

import pytest

from publishing.output import Found, Protected, refusal
from sitebuild import copy_project, run_invoke_in, tree_digest

PROTECTED = Protected(
    content=Path("/srv/site/content"),
    repository=Path("/srv/site"),
    cwd=Path("/srv/site"),
    home=Path("/home/editor"),
)


@pytest.mark.parametrize(
    ("output", "found", "reason"),
    [
        ("/srv/site/content", Found.SITE, "— это папка с материалами"),
        (
            "/srv/site/content/files",
            Found.NOTHING,
            "находится внутри папки с материалами",
        ),
        ("/srv", Found.SITE, "содержит папку с материалами /srv/site/content"),
        ("/home/editor", Found.SITE, "— это домашняя папка /home/editor"),
        ("/home", Found.SITE, "содержит домашнюю папку /home/editor"),
        ("/srv/site/README.md", Found.FILE, "— это файл, а не папка"),
        (
            "/srv/docs",
            Found.FOREIGN_FOLDER,
            "— непустая папка, которую сборка не создавала",
        ),
    ],
)
def test_refusals_name_the_folder_and_the_reason(output, found, reason):
    message = refusal("--as-typed--", Path(output), found, PROTECTED)
    assert message.startswith(f"Папка для сайта «--as-typed--» ({output}) {reason}")
    assert message.endswith("Ничего не изменено.")


@pytest.mark.parametrize(
    ("output", "found"),
    [
        ("/srv/site/output", Found.NOTHING),
        ("/srv/site/output", Found.RELEASE_LINK),
        ("/home/editor/site/output", Found.SITE),
    ],
)
def test_a_folder_of_its_own_is_accepted(output, found):
    assert refusal("output", Path(output), found, PROTECTED) is None


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guard")
    project = copy_project(folder)
    (folder / "home").mkdir()
    (folder / "homes" / "me").mkdir(parents=True)
    (folder / "docs").mkdir()
    (folder / "docs" / "letter.odt").write_bytes(b"\x00letter")
    return project


def cases(project: Path) -> dict[str, tuple[str, dict, Path]]:
    """--output as typed, the environment, and the folder that must stay as it was."""
    root = project.parent
    return {
        "content": ("content", {}, project),
        "inside_content": ("content/files", {}, project),
        "dot": (".", {}, project),
        "empty": ("", {}, project),
        "repository": (str(project), {}, project),
        "contains_repository": (str(root), {}, root),
        "a_file": ("README.md", {}, project),
        "home": (str(root / "home"), {"HOME": str(root / "home")}, root),
        "contains_home": (str(root / "homes"), {"HOME": str(root / "homes/me")}, root),
        "foreign_folder": (str(root / "docs"), {}, root),
    }


@pytest.mark.parametrize("case", list(cases(Path("/x"))))
@pytest.mark.parametrize("task", ["build", "publish"])
def test_the_output_guard_refuses_and_touches_nothing(project, case, task):
    output, env, kept = cases(project)[case]
    before = tree_digest(kept)
    extra = ["--target", str(project.parent / "site")] if task == "publish" else []
    result = run_invoke_in(
        project,
        task,
        "--output",
        output,
        "--as-of",
        "2021-12-31",
        *extra,
        SITEURL="https://palata.example.ru",
        **env,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    message = result.stderr.strip()
    if output:
        assert f"Папка для сайта «{output}»" in message
    else:
        assert "Папка для сайта не указана (пустой --output)" in message
    assert message.endswith("Ничего не изменено.")
    assert "Traceback" not in result.stderr
    assert tree_digest(kept) == before
    assert not (project.parent / "site").exists()


@pytest.mark.parametrize("target", ["content", ".", "content/images"])
def test_publish_never_writes_releases_into_the_project(project, target):
    before = tree_digest(project)
    result = run_invoke_in(
        project,
        "publish",
        "--target",
        target,
        "--output",
        str(project.parent / "out"),
        SITEURL="https://palata.example.ru",
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"Папка для сайта «{target}»")
    assert "публикация записала бы в неё версии сайта" in result.stderr
    assert tree_digest(project) == before
