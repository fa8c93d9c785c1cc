"""The plugin's settings, with defaults, checked when the build starts."""

from chamber.problems import SettingsError
from chamber.settings_rules import with_defaults

DEFAULTS = {
    # Every speaker across the meetings' transcripts.
    "MEETINGS_SPEAKERS_URL": "speakers/",
    "MEETINGS_SPEAKERS_SAVE_AS": "speakers/index.html",
    # One page per speaker, {slug} being the Latin form of the name.
    "MEETINGS_SPEAKER_URL": "speakers/{slug}/",
    "MEETINGS_SPEAKER_SAVE_AS": "speakers/{slug}/index.html",
    # Next to the meeting page, so that its address is easy to guess and share.
    "MEETINGS_TRANSCRIPT_TEXT_SAVE_AS": "meetings/{slug}/transcript.txt",
    # Captions for a video file kept on the site.
    "MEETINGS_CAPTIONS_SAVE_AS": "meetings/{slug}/transcript.vtt",
}

# One file per meeting or speaker: without the slug they would all write one file.
_PER_SLUG = {
    "MEETINGS_TRANSCRIPT_TEXT_SAVE_AS": "заседаний",
    "MEETINGS_CAPTIONS_SAVE_AS": "заседаний",
    "MEETINGS_SPEAKER_URL": "выступающих",
    "MEETINGS_SPEAKER_SAVE_AS": "выступающих",
}


def checked_settings(settings: dict) -> dict:
    """The plugin's settings merged with defaults; a Russian error for a bad one."""
    merged = with_defaults(settings, DEFAULTS)
    for name, value in merged.items():
        if not isinstance(value, str) or not value.strip():
            raise SettingsError(f"настройка {name} должна быть непустой строкой.")
        if value.startswith("/"):
            raise SettingsError(
                f"настройка {name}: путь считается от корня сайта и пишется без "
                f"начальной «/», например {DEFAULTS[name]}."
            )
    for name, whose in _PER_SLUG.items():
        if "{slug}" not in merged[name]:
            raise SettingsError(
                f"настройка {name} должна содержать {{slug}}, иначе файлы всех "
                f"{whose} запишутся в одно место; например {DEFAULTS[name]}."
            )
    return {**merged, "MEETINGS_VENUE": _checked_venue(settings.get("MEETINGS_VENUE"))}


def _checked_venue(venue: object) -> str | None:
    """Where the Chamber meets in person, for search engines; optional.

    Unset, in-person meetings name no place rather than a made-up one.
    """
    if venue is None:
        return None
    if not isinstance(venue, str) or not venue.strip():
        raise SettingsError(
            "настройка MEETINGS_VENUE — адрес очных заседаний, например "
            "«Москва, ул. Тверская, д. 1»; если адреса нет, не задавайте её."
        )
    return venue.strip()
