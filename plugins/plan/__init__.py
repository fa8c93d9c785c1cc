"""The work plan's progress, judged from the publications: pages and JSON."""

import datetime
from zoneinfo import ZoneInfo

from pelican import signals

from plugin_needs import needs

from .generator import PlanGenerator
from .settings import checked_settings

# The Chamber works on Moscow time: «today» is the day in Moscow.
MOSCOW = ZoneInfo("Europe/Moscow")


def check_settings(pelican) -> None:
    today = datetime.datetime.now(MOSCOW).date()
    pelican.settings.update(checked_settings(pelican.settings, today))


def add_generator(_pelican):
    return PlanGenerator


# The plans are read with the content, by the content model.
check_plugins = needs(__name__, "content_model")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
