from pathlib import Path

import pytest

from chamber.cities import (
    City,
    find_city,
    load_cities,
    normalise_city_name,
    suggest_city,
)

DISTRICTS_2021 = {
    "Центральный федеральный округ",
    "Северо-Западный федеральный округ",
    "Южный федеральный округ",
    "Северо-Кавказский федеральный округ",
    "Приволжский федеральный округ",
    "Уральский федеральный округ",
    "Сибирский федеральный округ",
    "Дальневосточный федеральный округ",
}

RUSSIAN_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def russian_collation_key(text: str) -> list[int]:
    # Code points put ё after я; Russian dictionaries put it right after е.
    return [RUSSIAN_ALPHABET.find(char) + 1 for char in text.casefold()]


@pytest.fixture(scope="module")
def cities() -> dict[str, City]:
    return load_cities()


def test_there_are_82_member_cities(cities):
    assert len(cities) == 82


def test_every_subject_has_exactly_one_city(cities):
    subjects = [city.subject for city in cities.values()]
    assert len(set(subjects)) == len(subjects)


def test_every_district_is_one_of_the_eight_of_2021(cities):
    assert {city.district for city in cities.values()} == DISTRICTS_2021


@pytest.mark.parametrize("federal_city", ["Москва", "Санкт-Петербург", "Севастополь"])
def test_federal_cities_are_not_member_cities(cities, federal_city):
    assert find_city(federal_city, cities) is None


def test_regions_around_the_capitals_have_their_seat_of_government(cities):
    assert cities["Красногорск"].subject == "Московская область"
    assert cities["Гатчина"].subject == "Ленинградская область"


def test_file_is_sorted_by_name_with_yo_after_ye(cities):
    names = list(cities)
    assert names == sorted(names, key=russian_collation_key)
    assert names.index("Оренбург") < names.index("Орёл") < names.index("Пенза")


@pytest.mark.parametrize(
    "spelling", ["Орёл", "орел", " Орёл ", "ОРЁЛ", "г. Орёл", "г.Орел", "город Орёл"]
)
def test_find_city_accepts_spelling_variants(cities, spelling):
    assert find_city(spelling, cities) == City(
        name="Орёл",
        subject="Орловская область",
        district="Центральный федеральный округ",
    )


def test_find_city_matches_multiword_name_with_extra_spaces(cities):
    assert find_city("  нижний   НОВГОРОД", cities).name == "Нижний Новгород"


def test_find_city_returns_none_for_unknown_name(cities):
    assert find_city("Тольятти", cities) is None


def test_normalise_city_name_folds_case_yo_and_spaces():
    assert normalise_city_name("  Ростов-на-Дону   ОРЁЛ ") == "ростов-на-дону орел"


@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Екатеринбур", "Екатеринбург"),
        ("Новосибирскк", "Новосибирск"),
        ("Вологда", "Вологда"),
        ("орел", "Орёл"),
        ("г. Ханты-Мансийсск", "Ханты-Мансийск"),
    ],
)
def test_suggest_city_gives_official_name_for_typo(cities, typed, official):
    assert suggest_city(typed, cities) == official


@pytest.mark.parametrize("nonsense", ["Шмяк", "абвгдейка", ""])
def test_suggest_city_gives_none_for_nonsense(cities, nonsense):
    assert suggest_city(nonsense, cities) is None


def test_load_cities_reads_a_given_file(tmp_path: Path):
    path = tmp_path / "cities.toml"
    path.write_text(
        '[[cities]]\nname = "Абакан"\nsubject = "Республика Хакасия"\n'
        'district = "Сибирский федеральный округ"\n',
        encoding="utf-8",
    )
    assert load_cities(path) == {
        "Абакан": City("Абакан", "Республика Хакасия", "Сибирский федеральный округ")
    }


def test_load_cities_rejects_a_duplicated_name(tmp_path: Path):
    entry = '[[cities]]\nname = "Абакан"\nsubject = "Хакасия"\ndistrict = "Сибирский"\n'
    path = tmp_path / "cities.toml"
    path.write_text(entry * 2, encoding="utf-8")
    with pytest.raises(ValueError, match="«Абакан» указан дважды"):
        load_cities(path)


def test_changing_the_loaded_dict_does_not_change_the_next_load():
    first = load_cities()
    del first["Абакан"]
    assert "Абакан" in load_cities()
