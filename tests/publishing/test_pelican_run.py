"""The build hands its settings to Pelican as Python values: the as-of date crosses
as a date, parsed once by `invoke build`, not again from text."""

import logging
from datetime import date

import pelican
import pelican.log
import pytest

from publishing.pelican_run import run_pelican


class Instance:
    def __init__(self, args, error=None):
        self.overrides = args.overrides
        self.error = error

    def run(self):
        if self.error:
            raise self.error


def test_overrides_reach_the_settings_as_they_are(monkeypatch, tmp_path):
    seen = []

    def get_instance(args):
        seen.append(Instance(args))
        return seen[-1], {}

    monkeypatch.setattr(pelican, "get_instance", get_instance)
    monkeypatch.setattr(pelican.log, "init", lambda **_options: None)
    as_of = date(2021, 12, 31)
    overrides = {"PLAN_AS_OF": as_of, "CONTENT_MODEL_CHECK_ONLY": True}
    assert run_pelican(tmp_path, tmp_path / "out", tmp_path / "conf.py", overrides)
    assert seen[0].overrides == overrides
    assert type(seen[0].overrides["PLAN_AS_OF"]) is date


def test_a_failed_build_is_logged_as_pelican_logs_it(monkeypatch, tmp_path, caplog):
    def get_instance(args):
        return Instance(args, RuntimeError("Найдено: 1 ошибка")), {}

    monkeypatch.setattr(pelican, "get_instance", get_instance)
    monkeypatch.setattr(pelican.log, "init", lambda **_options: None)
    with caplog.at_level(logging.CRITICAL, logger="pelican"):
        succeeded = run_pelican(tmp_path, tmp_path / "out", tmp_path / "conf.py", {})
    assert succeeded is False
    assert [r.getMessage() for r in caplog.records] == [
        "RuntimeError: Найдено: 1 ошибка"
    ]


def test_a_plugin_that_stops_the_build_fails_it(monkeypatch, tmp_path):
    def get_instance(args):
        return Instance(args, SystemExit(1)), {}

    monkeypatch.setattr(pelican, "get_instance", get_instance)
    monkeypatch.setattr(pelican.log, "init", lambda **_options: None)
    assert run_pelican(tmp_path, tmp_path / "out", tmp_path / "conf.py", {}) is False


def test_an_interrupted_build_is_not_taken_for_a_finished_one(monkeypatch, tmp_path):
    # Pelican's `main` logs Ctrl+C and returns normally; the build task must see
    # it, or a half-written release would be published.
    def get_instance(args):
        return Instance(args, KeyboardInterrupt()), {}

    monkeypatch.setattr(pelican, "get_instance", get_instance)
    monkeypatch.setattr(pelican.log, "init", lambda **_options: None)
    with pytest.raises(KeyboardInterrupt):
        run_pelican(tmp_path, tmp_path / "out", tmp_path / "conf.py", {})
