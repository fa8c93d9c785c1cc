"""The work plan's progress, judged from the publications: pages and JSON."""

from pelican import signals

from chamber.plan.page import item_lists_on_page
from chamber.russian.dates import site_today
from plugin_needs import needs

from .generator import PlanGenerator
from .settings import checked_settings


def check_settings(pelican) -> None:
    today = site_today(pelican.settings["TIMEZONE"])
    pelican.settings.update(checked_settings(pelican.settings, today))


def add_filters(pelican) -> None:
    pelican.settings["JINJA_FILTERS"] = {
        **pelican.settings.get("JINJA_FILTERS", {}),
        # A page of a plan item's links, as the lists they belong to.
        "item_lists_on_page": item_lists_on_page,
    }


def add_generator(_pelican):
    return PlanGenerator


# The plans are read with the content, by the content model.
check_plugins = needs(__name__, "content_model")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(check_settings)
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(add_generator)
