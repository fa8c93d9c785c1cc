from chamber.cities import load_cities
from chamber.fields import FIELD_PARSERS, FieldContext, check_fields
from chamber.publication import PELICAN_FIELDS, PublicationRecord, publication_record
from chamber.sections import SECTIONS

CITIES = load_cities()


def test_every_parsed_field_is_pelicans_or_the_records():
    record_fields = set(PublicationRecord.__dataclass_fields__)
    assert {name.replace("-", "_") for name in FIELD_PARSERS} - PELICAN_FIELDS == (
        record_fields - {"section"}
    )


def test_the_record_holds_the_typed_values_and_not_pelicans(tmp_path):
    context = FieldContext(tmp_path, tmp_path, CITIES, {})
    section = SECTIONS["articles"]
    values, problems = check_fields(
        {
            "title": "Казань",
            "date": "2021-03-05",
            "city": "казань",
            "sample": "да",
            "feed-id": " articles/staroe.md ",
        },
        section,
        context,
    )
    assert problems == []
    record = publication_record(section, values)
    assert record == PublicationRecord(
        "articles", sample=True, feed_id="articles/staroe.md", city=CITIES["Казань"]
    )
