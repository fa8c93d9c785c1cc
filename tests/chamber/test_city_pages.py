from types import SimpleNamespace

from chamber.cities import load_cities
from chamber.city_pages import city_pages, districts
from chamber.publication import PublicationRecord

CITIES = load_cities()


def publication(title, city=None):
    record = PublicationRecord("articles", city=CITIES[city] if city else None)
    return SimpleNamespace(title=title, record=record)


def test_only_cities_with_publications_get_a_page():
    pages = city_pages(
        [publication("a", "Казань"), publication("b"), publication("c", "Казань")],
        "cities/{slug}/",
    )
    assert list(pages) == ["Казань"]
    page = pages["Казань"]
    assert page.url == "cities/kazan/"
    assert page.save_as == "cities/kazan/index.html"
    assert [p.title for p in page.publications] == ["a", "c"]


def test_city_slug_is_transliterated_with_yo():
    pages = city_pages([publication("a", "Орёл")], "cities/{slug}/")
    assert pages["Орёл"].slug == "orel"


def test_every_member_city_is_listed_under_its_district():
    pages = city_pages([publication("a", "Тюмень")], "cities/{slug}/")
    grouped = districts(CITIES, pages)
    assert sum(len(d.cities) for d in grouped) == len(CITIES)
    ural = next(d for d in grouped if d.name == "Уральский федеральный округ")
    linked = {city.name: page for city, page in ural.cities}
    assert linked["Тюмень"] is pages["Тюмень"]
    assert linked["Екатеринбург"] is None
