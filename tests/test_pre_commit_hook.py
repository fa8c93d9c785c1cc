"""The pre-commit hook, installed by `invoke hooks` in a throwaway copy of the
project: a commit that breaks content/ is refused with invoke check's messages."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import PROJECT_LEFT_OUT, ROOT
from texts import publication

BROKEN = publication("Текст без заголовка.", Date="2021-05-01")
GOOD = publication(Title="Новая статья", Date="2021-05-01")
BROKEN_MESSAGE = "articles/broken.md: поле «Title»: обязательное поле не заполнено."
# The hook needs no tests, nor the npm packages of the web editor.
NOT_A_PROJECT = shutil.ignore_patterns(*PROJECT_LEFT_OUT, "tests")


def git_env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {
        **env,
        # Nothing from the machine's git settings, and no repository above tmp_path.
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp_path),
        "GIT_AUTHOR_NAME": "Редактор",
        "GIT_AUTHOR_EMAIL": "editor@example.ru",
        "GIT_COMMITTER_NAME": "Редактор",
        "GIT_COMMITTER_EMAIL": "editor@example.ru",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }


class Project:
    def __init__(self, tmp_path: Path):
        self.root = tmp_path / "project"
        self.env = git_env(tmp_path)
        shutil.copytree(ROOT, self.root, ignore=NOT_A_PROJECT)
        # The venv running these tests stands in for the copy's own .venv.
        (self.root / ".venv").symlink_to(sys.prefix, target_is_directory=True)

    def run(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            command,
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )

    def git(self, *args: str) -> subprocess.CompletedProcess:
        return self.run("git", *args)

    def install_hooks(self) -> subprocess.CompletedProcess:
        return self.run(sys.executable, "-m", "invoke", "hooks")

    def write(self, relative: str, text: str) -> None:
        (self.root / relative).write_text(text, encoding="utf-8")

    def commit(self, *paths: str) -> subprocess.CompletedProcess:
        self.git("add", *paths)
        return self.git("commit", "-m", "Правка")

    def commits(self) -> int:
        return int(self.git("rev-list", "--count", "HEAD").stdout)


@pytest.fixture
def project(tmp_path):
    """A git repository of the project with the hook installed by `invoke hooks`."""
    project = Project(tmp_path)
    # The symlinked .venv is not a folder to git, which `.venv/` would need.
    with (project.root / ".gitignore").open("a", encoding="utf-8") as ignore:
        ignore.write(".venv\n")
    project.git("init", "--quiet", "--initial-branch=main")
    project.git("add", "--all")
    assert project.git("commit", "--quiet", "-m", "Начало").returncode == 0
    installed = project.install_hooks()
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "Проверка перед коммитом включена" in installed.stdout
    return project


def test_a_broken_content_file_is_refused_with_its_message(project):
    project.write("content/articles/broken.md", BROKEN)
    result = project.commit("content/articles/broken.md")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert BROKEN_MESSAGE in output
    assert "В материалах есть ошибки (см. выше)." in output
    assert project.commits() == 1


def test_a_good_content_file_is_committed(project):
    project.write("content/articles/good.md", GOOD)
    result = project.commit("content/articles/good.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert project.commits() == 2
    committed = project.git("show", "--name-only", "--format=", "HEAD").stdout
    assert committed.split() == ["content/articles/good.md"]


def test_a_change_outside_content_is_not_checked(project):
    # Were the check run, this broken file (not being committed) would fail it.
    project.write("content/articles/broken.md", BROKEN)
    project.write("README.md", "Правка README.\n")
    result = project.commit("README.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert BROKEN_MESSAGE not in result.stdout + result.stderr
    assert project.commits() == 2
    # The same file, once committed, is checked and refused.
    refused = project.commit("content/articles/broken.md")
    assert refused.returncode != 0
    assert BROKEN_MESSAGE in refused.stdout + refused.stderr


def test_a_hook_without_the_venv_says_what_to_run(project):
    # pre-commit itself comes from elsewhere (here the tests' venv; for many people
    # a global install), but the project has no .venv to check with.
    (project.root / ".venv").unlink()
    project.write("content/articles/good.md", GOOD)
    result = project.commit("content/articles/good.md")
    assert result.returncode != 0
    assert (
        "Проверка перед коммитом не запустилась: нет папки .venv. "
        "Выполните sh scripts/setup.sh и повторите коммит."
    ) in result.stdout + result.stderr
    assert project.commits() == 1


def test_hooks_outside_a_git_repository_is_explained(tmp_path):
    result = Project(tmp_path).install_hooks()
    assert result.returncode == 1
    assert (
        "Проверка перед коммитом не включена: папка проекта должна быть git-репозиторием"
        in result.stderr
    )
