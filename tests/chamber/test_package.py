"""The core is plain Python: importing every module of it loads no Pelican."""

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
