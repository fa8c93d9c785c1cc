import pytest

from feeds.settings import DEFAULTS, SettingsError, checked_settings, feeds_site_url


def test_defaults_fill_what_is_not_set():
    assert checked_settings({"FEEDS_LIMIT": 10}) == {**DEFAULTS, "FEEDS_LIMIT": 10}
    assert DEFAULTS["FEEDS_LIMIT"] == 50


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FEEDS_LIMIT", 0),
        ("FEEDS_LIMIT", "50"),
        ("FEEDS_LIMIT", True),
        ("FEEDS_MEETING_DURATION", -30),
        ("FEEDS_MEETING_DURATION", 1.5),
    ],
)
def test_counts_must_be_positive_integers(name, value):
    with pytest.raises(SettingsError, match=f"{name} должна быть целым числом"):
        checked_settings({name: value})


@pytest.mark.parametrize("since", ["2021", "2021-03", "2021-03-01"])
def test_id_date_may_be_a_year_month_or_day(since):
    assert checked_settings({"FEEDS_ID_SINCE": since})["FEEDS_ID_SINCE"] == since


@pytest.mark.parametrize("since", [2021, "21", "2021-13", "01.03.2021"])
def test_other_id_dates_are_refused(since):
    with pytest.raises(SettingsError, match="FEEDS_ID_SINCE должна быть годом"):
        checked_settings({"FEEDS_ID_SINCE": since})


def test_preview_address_must_be_absolute():
    with pytest.raises(SettingsError, match="FEEDS_PREVIEW_SITEURL должна быть полным"):
        checked_settings({"FEEDS_PREVIEW_SITEURL": "localhost:8000"})


def test_published_site_address_wins_over_the_preview_one():
    assert (
        feeds_site_url("https://palata.example.ru/", "http://localhost:8000")
        == "https://palata.example.ru"
    )


def test_preview_without_a_site_address_uses_the_preview_one():
    assert feeds_site_url("", "http://localhost:8000/") == "http://localhost:8000"


@pytest.mark.parametrize("site_url", ["palata.example.ru", "/palata", "https://"])
def test_site_address_must_be_absolute_or_empty(site_url):
    with pytest.raises(SettingsError, match="должен быть полным адресом"):
        checked_settings({"SITEURL": site_url})


def test_pelicans_own_feeds_must_be_off():
    with pytest.raises(SettingsError) as error:
        checked_settings({"FEED_ALL_ATOM": "feeds/all.atom.xml", "TAG_FEED_RSS": None})
    assert "FEED_ALL_ATOM = None" in str(error.value)
    assert "TAG_FEED_RSS" not in str(error.value)


def test_feeds_enabled_must_be_true_or_false():
    assert checked_settings({})["FEEDS_ENABLED"] is True
    with pytest.raises(SettingsError, match="FEEDS_ENABLED должна быть True или False"):
        checked_settings({"FEEDS_ENABLED": "нет"})
