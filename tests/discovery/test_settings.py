import pytest

from discovery.settings import SettingsError, checked_settings


def test_preview_uses_its_own_absolute_address():
    assert (
        checked_settings({"SITEURL": ""})["DISCOVERY_SITEURL"]
        == "http://localhost:8000"
    )


def test_site_address_loses_its_trailing_slash():
    merged = checked_settings({"SITEURL": "https://example.ru/palata/"})
    assert merged["DISCOVERY_SITEURL"] == "https://example.ru/palata"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"SITEURL": "palata.ru"}, "SITEURL «palata.ru» должен быть полным адресом"),
        ({"DISCOVERY_PREVIEW_SITEURL": "/"}, "DISCOVERY_PREVIEW_SITEURL должна быть"),
        ({"DISCOVERY_PARENT_ORGANIZATION": " "}, "DISCOVERY_PARENT_ORGANIZATION —"),
    ],
)
def test_bad_settings_are_named_in_russian(settings, message):
    with pytest.raises(SettingsError, match=message):
        checked_settings(settings)
