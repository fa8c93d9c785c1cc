"""Meeting pages: videos behind a facade, the transcript as linkable turns,
/speakers/ and the transcript's plain-text and WebVTT files."""

from pelican import signals

from .assembly import attach_meeting_pages
from .generator import MeetingsGenerator
from .settings import checked_settings


def check_settings(pelican) -> None:
    pelican.settings.update(checked_settings(pelican.settings))


def add_generator(_pelican):
    return MeetingsGenerator


def register():
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(attach_meeting_pages)
    signals.get_generators.connect(add_generator)
