"""The tile map's grid against the city list, and the SVG drawn from it."""

from lxml import etree

from chamber.cities import load_cities
from chamber.tilemap import (
    Tile,
    load_tilemap,
    render_tilemap_svg,
    shade,
    squares,
    tilemap_problems,
)

NS = {"svg": "http://www.w3.org/2000/svg"}


def test_every_capital_is_on_the_map_exactly_once():
    tiles = load_tilemap()
    cities = load_cities()
    on_map = [tile.city for tile in tiles if tile.city]
    assert sorted(on_map) == sorted(cities)
    assert tilemap_problems(tiles, cities) == []


def test_one_square_per_subject_each_in_its_own_cell():
    tiles = load_tilemap()
    assert len(tiles) == 85
    assert len({(tile.x, tile.y) for tile in tiles}) == 85
    assert len({tile.code for tile in tiles}) == 85
    federal = sorted(tile.label for tile in tiles if tile.city is None)
    assert federal == ["Москва", "Санкт-Петербург", "Севастополь"]


def test_the_grid_keeps_west_to_east_and_north_to_south():
    at = {tile.code: (tile.x, tile.y) for tile in load_tilemap()}
    assert at["КЛГ"][0] < at["МСК"][0] < at["СВЕ"][0] < at["НСК"][0] < at["ПРИ"][0]
    assert at["МУР"][1] < at["МСК"][1] < at["КДР"][1] < at["ЧЕЧ"][1]


def test_problems_name_a_missing_a_doubled_and_a_clashing_city():
    cities = {"Казань": None, "Омск": None, "Тула": None}
    tiles = [
        Tile("ТАТ", 0, 0, "Казань", "Казань"),
        Tile("ТАТ", 1, 0, "Казань", "Казань"),
        Tile("ТУЛ", 1, 0, "Тула", "Тула"),
        Tile("ХХХ", 2, 0, "Атлантида", "Атлантида"),
    ]
    assert tilemap_problems(tiles, cities) == [
        "клетка (1, 0) занята дважды: ТАТ и ТУЛ.",
        "на карте город «Атлантида», которого нет в списке.",
        "город «Казань» на карте 2 раз(а), а нужен один.",
        "город «Омск» на карте 0 раз(а), а нужен один.",
    ]


def test_shades_by_number_of_publications():
    assert [shade(n) for n in (0, 1, 2, 4, 5, 40)] == [0, 1, 2, 2, 3, 3]


def test_squares_link_and_write_their_counts():
    tiles = [
        Tile("ТАТ", 0, 0, "Казань", "Казань"),
        Tile("ОМС", 1, 0, "Омск", "Омск"),
        Tile("МСК", 2, 0, None, "Москва"),
    ]
    drawn = squares(tiles, {"Казань": 3}, {"Казань": "/cities/kazan/"})
    svg = etree.fromstring(render_tilemap_svg(drawn, "m", "Карта").encode())
    (link,) = svg.xpath("//svg:a", namespaces=NS)
    assert link.get("href") == "/cities/kazan/"
    assert link.get("class") == "shade-2"
    assert link.get("aria-label") == "Казань: 3\xa0публикации"
    assert link.get("transform") == "translate(0 0)"
    assert link.xpath("svg:text/text()", namespaces=NS) == ["ТАТ", "3"]
    omsk, moscow = svg.xpath("svg:g", namespaces=NS)
    assert (omsk.get("class"), omsk.get("transform")) == ("shade-0", "translate(44 0)")
    assert omsk.xpath("svg:text/text()", namespaces=NS) == ["ОМС", "0"]
    assert moscow.get("aria-hidden") == "true"
    assert moscow.xpath("svg:text/text()", namespaces=NS) == ["МСК"]
    assert svg.get("viewBox") == "0 0 128 40"
    assert svg.findtext("svg:title", namespaces=NS) == "Карта"


def test_small_map_is_one_picture_with_counts_only_where_there_are_some():
    tiles = [Tile("ТАТ", 0, 0, "Казань", "Казань"), Tile("ОМС", 1, 0, "Омск", "Омск")]
    drawn = squares(tiles, {"Казань": 3}, {"Казань": "/cities/kazan/"})
    svg = etree.fromstring(render_tilemap_svg(drawn, "s", "Карта", small=True).encode())
    assert (svg.get("role"), svg.get("aria-labelledby")) == ("img", "s-title")
    assert svg.xpath("//svg:a", namespaces=NS) == []
    assert svg.xpath("//svg:text/text()", namespaces=NS) == ["3"]
