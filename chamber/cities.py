"""The Chamber's member cities: administrative centres of the subjects of the RF."""

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# The reference data shipped with the core: the member cities and their tile map.
REFERENCE_DIR = Path(__file__).resolve().parent
DEFAULT_CITIES_PATH = REFERENCE_DIR / "cities.toml"

# Close enough to catch a dropped or doubled letter in a long name
# («Екатеринбур»), strict enough not to turn any short word into a city.
SUGGESTION_CUTOFF = 0.8

_CITY_PREFIX = re.compile(r"^(?:г\.\s*|город\s+)")


@dataclass(frozen=True)
class City:
    name: str
    subject: str
    district: str


def load_cities(path: Path | None = None) -> dict[str, City]:
    """Cities keyed by official name, in file order."""
    if path is None:
        # A copy, so that a caller mutating its dict cannot corrupt the cache.
        return dict(_load_default_cities())
    return _read_cities(path)


@cache
def _load_default_cities() -> dict[str, City]:
    return _read_cities(DEFAULT_CITIES_PATH)


def _read_cities(path: Path) -> dict[str, City]:
    with path.open("rb") as file:
        entries = tomllib.load(file)["cities"]
    cities: dict[str, City] = {}
    for entry in entries:
        city = City(**entry)
        if city.name in cities:
            raise ValueError(f"{path}: город «{city.name}» указан дважды")
        cities[city.name] = city
    return cities


def normalise_city_name(text: str) -> str:
    """Comparison form: editors write «Орел», «ОРЁЛ» or « Орёл » for Орёл."""
    return " ".join(text.split()).casefold().replace("ё", "е")


def _lookup_key(name: str) -> str:
    return _CITY_PREFIX.sub("", normalise_city_name(name))


# Cities of federal significance are subjects of the Federation themselves, not
# the administrative centre of one: they are not members of the Chamber.
FEDERAL_CITIES = ("Москва", "Санкт-Петербург", "Севастополь")


def federal_city(name: str) -> str | None:
    key = _lookup_key(name)
    return next((c for c in FEDERAL_CITIES if normalise_city_name(c) == key), None)


def find_city(name: str, cities: Mapping[str, City]) -> City | None:
    key = _lookup_key(name)
    for city in cities.values():
        if normalise_city_name(city.name) == key:
            return city
    return None


def suggest_city(name: str, cities: Mapping[str, City]) -> str | None:
    """The official name nearest to a possibly misspelt one, or None."""
    official_by_key = {normalise_city_name(official): official for official in cities}
    matches = difflib.get_close_matches(
        _lookup_key(name), official_by_key, n=1, cutoff=SUGGESTION_CUTOFF
    )
    return official_by_key[matches[0]] if matches else None
