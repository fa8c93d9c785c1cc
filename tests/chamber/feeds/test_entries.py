import unicodedata

import pytest

from chamber.feeds.entries import stable_entry_id

SITE = "https://palata.example.org/"


def test_id_is_a_tag_uri_of_host_date_and_source_path():
    entry_id = stable_entry_id(SITE, "news/2021-03-04-zasedanie.md", None)

    assert entry_id == "tag:palata.example.org,2021:news/2021-03-04-zasedanie.md"


def test_id_takes_the_given_tagging_date():
    entry_id = stable_entry_id(SITE, "news/a.md", None, since="2021-03")

    assert entry_id == "tag:palata.example.org,2021-03:news/a.md"


def test_id_ignores_the_site_path_and_port():
    entry_id = stable_entry_id("https://Palata.example.org:8443/site/", "a.md", None)

    assert entry_id == "tag:palata.example.org,2021:a.md"


def test_feed_id_uri_is_used_verbatim():
    feed_id = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427"

    assert stable_entry_id(SITE, "news/a.md", feed_id) == feed_id


def test_feed_id_name_is_wrapped_into_the_tag_uri():
    entry_id = stable_entry_id(SITE, "news/a.md", " plan-2021 ")

    assert entry_id == "tag:palata.example.org,2021:plan-2021"


def test_old_path_as_feed_id_keeps_the_id_of_a_moved_file():
    before = stable_entry_id(SITE, "news/a.md", None)
    after = stable_entry_id(SITE, "archive/2021/a.md", "news/a.md")

    assert after == before


def test_empty_feed_id_falls_back_to_the_path():
    assert stable_entry_id(SITE, "news/a.md", "") == stable_entry_id(
        SITE, "news/a.md", None
    )


def test_cyrillic_path_is_percent_encoded_the_same_in_nfc_and_nfd():
    path = "новости/заседание-йошкар-олы.md"

    composed = stable_entry_id(SITE, unicodedata.normalize("NFC", path), None)
    decomposed = stable_entry_id(SITE, unicodedata.normalize("NFD", path), None)

    assert composed == decomposed
    assert composed.isascii()
    assert composed.startswith("tag:palata.example.org,2021:%D0%BD")


def test_relative_site_url_is_refused_in_russian():
    with pytest.raises(ValueError, match="должен быть абсолютным"):
        stable_entry_id("/", "news/a.md", None)
