"""The work plan's progress, judged from the publications: pages and JSON."""

import datetime
from zoneinfo import ZoneInfo

from pelican import signals

from plugin_needs import needs

from .generator import PlanGenerator
from .settings import checked_settings


def check_settings(pelican) -> None:
    # «Today» is the day in the site's time zone (Moscow: TIMEZONE).
    today = datetime.datetime.now(ZoneInfo(pelican.settings["TIMEZONE"])).date()
    pelican.settings.update(checked_settings(pelican.settings, today))


def add_generator(_pelican):
    return PlanGenerator


# The plans are read with the content, by the content model.
check_plugins = needs(__name__, "content_model")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
