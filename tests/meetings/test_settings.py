import pytest

from meetings.settings import DEFAULTS, SettingsError, checked_settings


def test_defaults_fill_what_is_not_set():
    assert checked_settings({}) == {**DEFAULTS, "MEETINGS_VENUE": None}


def test_the_venue_is_optional_text():
    venue = checked_settings({"MEETINGS_VENUE": " Москва, ул. Тверская, д. 1 "})
    assert venue["MEETINGS_VENUE"] == "Москва, ул. Тверская, д. 1"


@pytest.mark.parametrize("value", ["", "  ", 5])
def test_a_venue_that_is_not_an_address_is_refused(value):
    with pytest.raises(SettingsError, match="MEETINGS_VENUE — адрес очных заседаний"):
        checked_settings({"MEETINGS_VENUE": value})


def test_a_setting_overrides_its_default():
    settings = checked_settings({"MEETINGS_SPEAKERS_URL": "vystupayushchie/"})
    assert settings["MEETINGS_SPEAKERS_URL"] == "vystupayushchie/"


@pytest.mark.parametrize("value", ["", "   ", None, 5])
def test_a_setting_must_be_a_non_empty_string(value):
    with pytest.raises(SettingsError, match=r"MEETINGS_SPEAKERS_URL.*непустой строкой"):
        checked_settings({"MEETINGS_SPEAKERS_URL": value})


def test_a_path_is_written_without_a_leading_slash():
    with pytest.raises(SettingsError, match="без начальной «/»"):
        checked_settings({"MEETINGS_SPEAKERS_SAVE_AS": "/speakers/index.html"})


@pytest.mark.parametrize(
    ("name", "whose"),
    [
        ("MEETINGS_TRANSCRIPT_TEXT_SAVE_AS", "заседаний"),
        ("MEETINGS_CAPTIONS_SAVE_AS", "заседаний"),
        ("MEETINGS_SPEAKER_URL", "выступающих"),
        ("MEETINGS_SPEAKER_SAVE_AS", "выступающих"),
    ],
)
def test_per_meeting_and_per_speaker_files_need_the_slug(name, whose):
    with pytest.raises(
        SettingsError, match=rf"\{{slug\}}.*файлы всех {whose} запишутся в одно место"
    ):
        checked_settings({name: "meetings/transcript.txt"})
