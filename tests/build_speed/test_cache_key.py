"""The cache key changes with anything besides a file's text that shapes a build,
and only with that: the same settings give the same key in every run."""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from build_speed.cache_key import cache_key, stable_text, tree_files
from sitebuild import ROOT


@dataclass(frozen=True)
class Section:
    key: str
    fields: frozenset


def order_key(content):
    return content


SETTINGS = {
    "SITEURL": "https://palata.example.ru",
    "SECTIONS": {"articles": Section("articles", frozenset({"plan", "city", "tags"}))},
    "ARTICLE_ORDER_BY": order_key,
    "JINJA_FILTERS": {"typo": lambda text: text},
    "MARKDOWN": {"extension_configs": {"toc": {"permalink": False}}},
}
HERE = [str(Path(__file__).parent)]
IN_ANOTHER_RUN = """
import sys
sys.path[:0] = {paths!r}
from test_cache_key import SETTINGS
from build_speed.cache_key import stable_text
print(stable_text(SETTINGS))
"""


def test_the_same_settings_read_the_same_in_runs_with_other_string_hashes():
    texts = {
        subprocess.run(
            [sys.executable, "-c", IN_ANOTHER_RUN.format(paths=HERE + sys.path)],
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(texts) == 1
    assert " at 0x" not in texts.pop()


def test_functions_are_named_not_located():
    assert stable_text(order_key) == f"{__name__}.order_key"


def key(settings=SETTINGS, code=(), data=()):
    return cache_key(settings, list(code), list(data))


def test_a_changed_setting_changes_the_key():
    changed = {
        **SETTINGS,
        "MARKDOWN": {"extension_configs": {"toc": {"permalink": True}}},
    }
    assert key(changed) != key()
    assert key({**SETTINGS}) == key()


def test_an_edited_template_or_plugin_changes_the_key(tmp_path):
    theme = tmp_path / "theme" / "templates"
    theme.mkdir(parents=True)
    (theme / "base.html").write_text("<html>{% block content %}{% endblock %}")
    before = key(code=tree_files([tmp_path / "theme"]))
    (theme / "base.html").write_text("<html lang=ru>{% block content %}{% endblock %}")
    assert key(code=tree_files([tmp_path / "theme"])) != before


def test_an_edited_plan_file_changes_the_key(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "2021.toml").write_text('[[items]]\ntitle = "Пункт"\n', encoding="utf-8")
    before = key(data=tree_files([plans]))
    (plans / "2021.toml").write_text('[[items]]\ntitle = "Пункт 1"\n', encoding="utf-8")
    assert key(data=tree_files([plans])) != before
    (plans / "2022.toml").write_text("", encoding="utf-8")
    assert len(tree_files([plans])) == 2


def test_the_project_code_is_all_there():
    files = tree_files([ROOT / "plugins", ROOT / "theme"])
    names = {path.relative_to(ROOT).as_posix() for path in files}
    assert "plugins/content_model/reader.py" in names
    assert "theme/templates/base.html" in names
    assert not any("__pycache__" in name for name in names)
