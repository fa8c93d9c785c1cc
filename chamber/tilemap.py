"""The map of member cities: one square per subject of the Federation.

The grid is reference data (`chamber/tilemap.toml`, beside the city list);
the picture is a static inline SVG, readable without JavaScript: every square
writes its subject's code and number of publications, so colour is never the
only signal, and a square whose capital has publications links to its page.
"""

import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass

from chamber.cities import REFERENCE_DIR
from chamber.russian.plurals import count_with_noun

DEFAULT_TILEMAP_PATH = REFERENCE_DIR / "tilemap.toml"

TILE = 44  # grid step in SVG units
GAP = 4
# Shades by number of publications; the legend on /cities/ names the same bins.
BINS = ((0, 0, "0"), (1, 1, "1"), (2, 4, "2–4"), (5, None, "5 и больше"))
PUBLICATION_FORMS = ("публикация", "публикации", "публикаций")


@dataclass(frozen=True)
class Tile:
    code: str
    x: int
    y: int
    city: str | None  # None for a federal city, a subject without a capital
    label: str  # the city's (or federal city's) name


@dataclass(frozen=True)
class Square:
    """A tile as drawn: where it links and how many publications it counts."""

    tile: Tile
    count: int
    url: str | None


def load_tilemap() -> list[Tile]:
    with DEFAULT_TILEMAP_PATH.open("rb") as file:
        entries = tomllib.load(file)["tiles"]
    tiles = []
    for entry in entries:
        city = entry.get("city")
        label = city or entry["federal_city"]
        tiles.append(Tile(entry["code"], entry["x"], entry["y"], city, label))
    return tiles


def tilemap_problems(tiles: list[Tile], cities: Mapping[str, object]) -> list[str]:
    """What makes the grid disagree with the city list, in Russian."""
    problems = []
    seen: dict[str, int] = {}
    places: dict[tuple[int, int], str] = {}
    for tile in tiles:
        if tile.city is not None:
            seen[tile.city] = seen.get(tile.city, 0) + 1
            if tile.city not in cities:
                problems.append(f"на карте город «{tile.city}», которого нет в списке.")
        if (tile.x, tile.y) in places:
            problems.append(
                f"клетка ({tile.x}, {tile.y}) занята дважды: "
                f"{places[(tile.x, tile.y)]} и {tile.code}."
            )
        places[(tile.x, tile.y)] = tile.code
    for name in cities:
        if seen.get(name, 0) != 1:
            problems.append(
                f"город «{name}» на карте {seen.get(name, 0)} раз(а), а нужен один."
            )
    return problems


def squares(
    tiles: list[Tile], counts: Mapping[str, int], urls: Mapping[str, str]
) -> list[Square]:
    return [
        Square(tile, counts.get(tile.city, 0), urls.get(tile.city)) for tile in tiles
    ]


def shade(count: int) -> int:
    """The bin (0–3) a number of publications falls in."""
    for index, (low, high, _label) in enumerate(BINS):
        if count >= low and (high is None or count <= high):
            return index
    raise ValueError(count)


def render_tilemap_svg(
    drawn: list[Square], id_prefix: str, title: str, small: bool = False
) -> str:
    """The map as compact SVG markup (it is drawn on every page that shows it).

    The full map links every member's square and writes its code and count.
    The small one is a single picture, its link beside it: counts only, larger,
    and squares without publications left blank.
    """
    width = (max(s.tile.x for s in drawn) + 1) * TILE - GAP
    height = (max(s.tile.y for s in drawn) + 1) * TILE - GAP
    attributes = {
        "xmlns": "http://www.w3.org/2000/svg",
        "class": "tilemap" + (" tilemap--small" if small else ""),
        "viewBox": f"0 0 {width} {height}",
        "width": str(width),
        "height": str(height),
        "aria-labelledby": f"{id_prefix}-title",
    }
    if small:
        attributes["role"] = "img"
    svg = ET.Element("svg", attributes)
    ET.SubElement(svg, "title", {"id": f"{id_prefix}-title"}).text = title
    for square in drawn:
        _square(svg, square, small)
    return ET.tostring(svg, encoding="unicode") + "\n"


def _square(svg: ET.Element, square: Square, small: bool) -> None:
    tile = square.tile
    place = {"transform": f"translate({tile.x * TILE} {tile.y * TILE})"}
    if tile.city is None:
        # Not a member of the Chamber: drawn for the country's shape only.
        group = ET.SubElement(
            svg, "g", {"class": "outside", "aria-hidden": "true", **place}
        )
    elif small or square.url is None:
        # Nothing to link to yet; the square still writes its code and its 0.
        group = ET.SubElement(
            svg, "g", {"class": f"shade-{shade(square.count)}", **place}
        )
    else:
        name = f"{tile.label}: {count_with_noun(square.count, *PUBLICATION_FORMS)}"
        group = ET.SubElement(
            svg,
            "a",
            {
                "href": square.url,
                "class": f"shade-{shade(square.count)}",
                "aria-label": name,
                **place,
            },
        )
    # Its size and corners are in cities.css: 85 squares, written once.
    ET.SubElement(group, "rect")
    middle = str((TILE - GAP) // 2)
    if not small:
        ET.SubElement(
            group, "text", {"class": "code", "x": middle, "y": "16"}
        ).text = tile.code
    # At the small map's size a column of zeros would hide the numbers that matter.
    if tile.city is not None and not (small and square.count == 0):
        ET.SubElement(
            group,
            "text",
            {"class": "count", "x": middle, "y": "27" if small else "33"},
        ).text = str(square.count)
