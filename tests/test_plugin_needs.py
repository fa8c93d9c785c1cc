"""Each plugin's needs in PLUGINS: checked at start, told in Russian."""

import importlib
from types import SimpleNamespace

import pytest

import pelicanconf
from chamber.problems import SettingsError
from plugin_needs import order_problem


def test_the_project_order_meets_every_plugin_needs():
    declared = {
        name: module.check_plugins.required
        for name in pelicanconf.PLUGINS
        if hasattr(module := importlib.import_module(name), "check_plugins")
    }
    assert declared["feeds"] == ("content_model", "cities", "plan")
    assert len(declared) == 9
    problems = {
        name: order_problem(pelicanconf.PLUGINS, name, required)
        for name, required in declared.items()
    }
    assert problems == dict.fromkeys(declared)


def test_a_missing_plugin_is_named():
    assert order_problem(["russian", "feeds"], "feeds", ["content_model", "plan"]) == (
        "модулю «feeds» нужны данные других модулей: добавьте в PLUGINS "
        "«content_model», «plan» перед «feeds» (pelicanconf.py)."
    )


def test_a_plugin_after_the_one_that_needs_it_is_named():
    names = ["content_model", "feeds", "cities", "plan"]
    assert order_problem(names, "feeds", ["content_model", "cities", "plan"]) == (
        "модулю «feeds» нужны данные других модулей: поставьте в PLUGINS "
        "«cities», «plan» перед «feeds» (pelicanconf.py)."
    )


def test_a_misordered_plugin_stops_the_build_at_start():
    feeds = importlib.import_module("feeds")
    wrong = [name for name in pelicanconf.PLUGINS if name != "plan"] + ["plan"]
    with pytest.raises(SettingsError, match="поставьте в PLUGINS «plan» перед «feeds»"):
        feeds.check_plugins(SimpleNamespace(settings={"PLUGINS": wrong}))
