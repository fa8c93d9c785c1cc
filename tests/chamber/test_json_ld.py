import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chamber.json_ld import (
    Organization,
    Publication,
    organization_data,
    publication_data,
    script_json,
)

MOSCOW = ZoneInfo("Europe/Moscow")
CHAMBER = Organization(
    "Палата городов-центров", "https://palata.example.ru/", "Конгресс"
)


def publication(**changes) -> Publication:
    fields = {
        "section": "articles",
        "title": "Казань",
        "url": "https://palata.example.ru/articles/kazan/",
        "description": "Опыт Казани.",
        "published": datetime(2021, 3, 24, 10, 0, tzinfo=MOSCOW),
        "modified": None,
        "authors": ["Иванова Мария Сергеевна"],
        "image_url": "https://palata.example.ru/theme/img/share.png",
        "city": "Казань",
    }
    return Publication(**{**fields, **changes})


@pytest.mark.parametrize("section", ["articles", "digests"])
def test_articles_and_digests_are_news_articles(section):
    data = publication_data(publication(section=section), CHAMBER)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Казань"
    assert data["datePublished"] == "2021-03-24T10:00:00+03:00"
    assert data["dateModified"] == data["datePublished"]
    assert data["author"] == [{"@type": "Person", "name": "Иванова Мария Сергеевна"}]
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["@id"] == "https://palata.example.ru/#organization"
    assert data["contentLocation"] == {"@type": "Place", "name": "Казань"}
    assert data["image"] == ["https://palata.example.ru/theme/img/share.png"]


def test_without_authors_the_chamber_is_the_author():
    data = publication_data(publication(authors=[]), CHAMBER)
    assert data["author"]["@type"] == "GovernmentOrganization"


def test_a_long_headline_is_shortened_at_a_word():
    data = publication_data(publication(title="слово " * 40), CHAMBER)
    assert len(data["headline"]) <= 110
    assert data["headline"].endswith("слово…")
    assert data["name"] == "слово " * 40


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("Законопроект", "Legislation"),
        ("Доклад", "Report"),
        ("Концепция", "CreativeWork"),
    ],
)
def test_documents_by_kind(kind, schema_type):
    data = publication_data(
        publication(section="documents", kind=kind, stage="на обсуждении"), CHAMBER
    )
    assert data["@type"] == schema_type
    assert data["genre"] == kind
    assert data["creativeWorkStatus"] == "на обсуждении"
    assert ("legislationLegalForce" in data) == (schema_type == "Legislation")


def test_a_draft_law_is_not_in_force():
    data = publication_data(
        publication(section="documents", kind="Законопроект"), CHAMBER
    )
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert data["legislationDate"] == "2021-03-24"


def test_meetings_are_left_to_the_meetings_plugin():
    assert publication_data(publication(section="meetings"), CHAMBER) is None


def test_the_chamber_is_a_government_organization():
    data = organization_data(CHAMBER)
    assert data["@type"] == "GovernmentOrganization"
    assert data["parentOrganization"] == {"@type": "Organization", "name": "Конгресс"}


def test_script_json_cannot_end_the_script_and_reads_back_the_same():
    data = {"name": "</script><!-- & <b>"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data
