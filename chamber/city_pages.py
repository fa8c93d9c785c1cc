"""Publications grouped by the member city they are about."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from chamber.cities import City
from chamber.russian.slugs import slugify


@dataclass(frozen=True)
class CityPage:
    city: City
    slug: str
    url: str
    save_as: str
    publications: tuple  # newest first, as Pelican orders them


@dataclass(frozen=True)
class District:
    name: str
    cities: tuple[tuple[City, "CityPage | None"], ...]


def city_pages(publications: Iterable, url_pattern: str) -> dict[str, CityPage]:
    """One page per city that has publications, keyed by the city's name.

    A publication is any object with the content model's `record`
    (`chamber.publication.PublicationRecord`); it is kept as given, for the page.
    """
    by_city: dict[str, list] = {}
    cities: dict[str, City] = {}
    for publication in publications:
        city = publication.record.city
        if city is not None:
            by_city.setdefault(city.name, []).append(publication)
            cities[city.name] = city
    pages = {}
    for name, items in by_city.items():
        slug = slugify(name)
        url = url_pattern.format(slug=slug)
        pages[name] = CityPage(
            cities[name], slug, url, f"{url}index.html", tuple(items)
        )
    return pages


def districts(
    cities: Mapping[str, City], pages: Mapping[str, CityPage]
) -> list[District]:
    """Every member city by federal district, in the reference list's order."""
    grouped: dict[str, list] = {}
    for city in cities.values():
        grouped.setdefault(city.district, []).append((city, pages.get(city.name)))
    return [District(name, tuple(items)) for name, items in sorted(grouped.items())]
