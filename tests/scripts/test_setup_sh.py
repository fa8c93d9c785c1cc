"""scripts/setup.sh in a throwaway copy, with a stand-in `python3` on PATH that
reports a chosen version and makes a stand-in .venv whose python logs its calls."""

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from sitebuild import ROOT

REQUIRED = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"
]["requires-python"].removeprefix(">=")

# `-c …` is only ever asked for the version; `-m venv DIR` makes a venv whose
# python answers `-c 'import pip'` and logs every call, pip installs included.
FAKE_PYTHON = """#!/bin/sh
case "$1" in
    -c) echo "{version}" ;;
    -m)
        mkdir -p "$3/bin"
        printf 'home = /fake\\nversion = {version}.7\\n' > "$3/pyvenv.cfg"
        printf '#!/bin/sh\\necho "$*" >> "$(dirname "$0")/../calls.log"\\n' \\
            > "$3/bin/python"
        chmod +x "$3/bin/python" ;;
esac
"""


@pytest.fixture
def project(tmp_path):
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", project / "scripts")
    shutil.copy(ROOT / "pyproject.toml", project)
    shutil.copy(ROOT / "constraints.txt", project)
    return project


def setup(project: Path, python_version: str, **env) -> subprocess.CompletedProcess:
    bin_dir = project.parent / "bin"
    bin_dir.mkdir(exist_ok=True)
    python = bin_dir / "python3"
    python.write_text(FAKE_PYTHON.format(version=python_version))
    python.chmod(0o755)
    return subprocess.run(
        ["sh", str(project / "scripts" / "setup.sh")],
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def old_venv(project: Path, version: str) -> Path:
    """A .venv as an earlier run left it, with a file that a rebuild removes."""
    venv = project / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text(f"home = /old\nversion = {version}\n")
    (venv / "bin" / "python").write_text("#!/bin/sh\nexit 0\n")
    (venv / "bin" / "python").chmod(0o755)
    (venv / "left-over").write_text("")
    return venv


def test_an_old_python_is_refused_before_anything_is_installed(project):
    result = setup(project, "3.10")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"Нужен Python {REQUIRED} или новее, а python3 — это Python 3.10. "
        f"Установите Python {REQUIRED} или новее: в Debian и Ubuntu — sudo apt-get install python3 python3-venv"
    )
    assert f"PYTHON=python{REQUIRED} sh scripts/setup.sh" in result.stderr
    assert not (project / ".venv").exists()


def test_a_missing_python_is_named(project):
    result = setup(project, REQUIRED, PYTHON="python-net-takogo")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"Не найден Python (python-net-takogo). Установите Python {REQUIRED} или новее"
    )
    assert not (project / ".venv").exists()


def test_python_can_be_named_when_python3_is_old(project):
    newer = project.parent / "bin" / "python3.12"
    newer.parent.mkdir()
    newer.write_text(FAKE_PYTHON.format(version="3.12"))
    newer.chmod(0o755)
    result = setup(project, "3.10", PYTHON="python3.12")
    assert result.returncode == 0, result.stderr
    assert "version = 3.12.7" in (project / ".venv" / "pyvenv.cfg").read_text()


def test_a_venv_of_another_python_is_rebuilt(project):
    venv = old_venv(project, "3.10.13")
    result = setup(project, REQUIRED)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"Папка .venv создана для Python 3.10, а сейчас Python {REQUIRED}: "
        "создаю её заново.\n"
    )
    assert not (venv / "left-over").exists()
    assert f"version = {REQUIRED}.7" in (venv / "pyvenv.cfg").read_text()
    calls = (venv / "calls.log").read_text().splitlines()
    assert calls[-1] == (
        "-m pip install --quiet --disable-pip-version-check "
        "-c constraints.txt -e .[test]"
    )


def test_a_broken_venv_is_rebuilt(project):
    venv = old_venv(project, f"{REQUIRED}.2")
    (venv / "bin" / "python").unlink()
    result = setup(project, REQUIRED)
    assert result.returncode == 0, result.stderr
    assert "Папка .venv повреждена" in result.stderr
    assert not (venv / "left-over").exists()
    assert (venv / "calls.log").exists()


def test_a_good_venv_is_kept(project):
    venv = old_venv(project, f"{REQUIRED}.2")
    (venv / "bin" / "python").write_text(
        '#!/bin/sh\necho "$*" >> "$(dirname "$0")/../calls.log"\n'
    )
    result = setup(project, REQUIRED)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (venv / "left-over").exists()
    assert "-m pip install" in (venv / "calls.log").read_text()


def test_a_failed_install_says_so_in_russian(project):
    venv = old_venv(project, f"{REQUIRED}.2")
    # Answers the pip check, fails the install.
    (venv / "bin" / "python").write_text(
        '#!/bin/sh\ncase "$*" in "-m pip install"*) exit 1 ;; esac\n'
    )
    result = setup(project, REQUIRED)
    assert result.returncode == 1
    assert result.stderr == (
        "Установка зависимостей не удалась (подробности выше). Проверьте доступ к "
        "PyPI и запустите sh scripts/setup.sh снова.\n"
    )
