"""Meeting pages: videos behind a facade, the transcript as linkable turns,
/speakers/ and the transcript's plain-text and WebVTT files."""

from pelican import signals

from plugin_needs import needs

from .assembly import attach_meeting_pages
from .generator import MeetingsGenerator
from .settings import checked_settings


def check_settings(pelican) -> None:
    pelican.settings.update(checked_settings(pelican.settings))


def add_generator(_pelican):
    return MeetingsGenerator


# Meetings are publications the content model has read and checked.
check_plugins = needs(__name__, "content_model")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(attach_meeting_pages)
    signals.get_generators.connect(add_generator)
