"""The core is plain Python: importing every module of it loads no Pelican."""

import ast
import subprocess
import sys

from sitebuild import ROOT

IMPORT_ALL = """
import importlib, pkgutil, sys
import chamber
for module in pkgutil.walk_packages(chamber.__path__, "chamber."):
    importlib.import_module(module.name)
print(len([name for name in sys.modules if name.startswith("chamber")]))
print(sorted(name for name in sys.modules if name.split(".")[0] in ("pelican", *PLUGINS)))
"""


def test_importing_the_core_loads_no_pelican_and_no_plugin():
    plugins = sorted(
        path.name for path in (ROOT / "plugins").iterdir() if path.is_dir()
    )
    code = f"PLUGINS = {tuple(plugins)!r}\n{IMPORT_ALL}"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    loaded, foreign = result.stdout.splitlines()
    assert int(loaded) > 20
    assert foreign == "[]"


def _imported_modules(folder):
    """Every absolute module name that the Python files under `folder` import."""
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                yield from (alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                yield node.module


def _imported_packages(folder, packages):
    """The other packages of `packages` that modules under `folder` import."""
    found = {module.split(".")[0] for module in _imported_modules(folder)}
    return found & packages - {folder.name}


def test_no_package_imports_another_in_a_circle():
    folders = {p.name: p for p in (ROOT / "plugins").iterdir() if p.is_dir()}
    folders["chamber"] = ROOT / "chamber"
    imports = {name: _imported_packages(f, set(folders)) for name, f in folders.items()}
    assert imports["chamber"] == set()

    def reaches(start, goal, seen=()):
        return any(
            step == goal or (step not in seen and reaches(step, goal, (*seen, step)))
            for step in imports[start]
        )

    assert [name for name in sorted(imports) if reaches(name, name)] == []


def test_a_plugin_imports_no_other_plugin_but_the_build_state():
    plugins = {p.name: p for p in (ROOT / "plugins").iterdir() if p.is_dir()}
    imported = {
        module
        for name, folder in plugins.items()
        for module in _imported_modules(folder)
        if module.split(".")[0] in plugins.keys() - {name}
    }
    assert imported == {"content_model.state"}
