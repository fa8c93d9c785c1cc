"""Pages for the member cities: /cities/ and one page per city written about,
and the tile map of the Federation's subjects on /cities/ and the home page."""

from pelican import signals
from pelican.generators import Generator

from chamber.city_pages import city_pages, districts
from chamber.tilemap import load_tilemap, render_tilemap_svg, squares, tilemap_problems
from content_model.state import BUILD
from plugin_needs import needs

MAP_TITLE = "Карта городов Палаты: число публикаций о каждом городе"


class CitiesGenerator(Generator):
    def generate_context(self):
        pages = city_pages(self.context["articles"], self.settings["CITY_URL"])
        self.context["city_pages"] = pages
        self.context["city_districts"] = districts(BUILD.cities, pages)
        self.context["member_city_count"] = len(BUILD.cities)
        tiles = load_tilemap()
        problems = tilemap_problems(tiles, BUILD.cities)
        if problems:  # reference data shipped with the site, not editors' input
            raise ValueError("tilemap.toml: " + " ".join(problems))
        site = self.settings["SITEURL"]
        urls = {name: f"{site}/{page.url}" for name, page in pages.items()}
        counts = {name: len(page.publications) for name, page in pages.items()}
        drawn = squares(tiles, counts, urls)
        self.context["city_map_svg"] = render_tilemap_svg(drawn, "city-map", MAP_TITLE)
        self.context["city_map_small_svg"] = render_tilemap_svg(
            drawn, "city-map-small", MAP_TITLE, small=True
        )

    def generate_output(self, writer):
        index_url = self.settings["CITIES_URL"]
        writer.write_file(
            f"{index_url}index.html",
            self.get_template("cities"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=index_url,
            page_name="cities",
        )
        for page in self.context["city_pages"].values():
            writer.write_file(
                page.save_as,
                self.get_template("city"),
                self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                paginated={"articles": page.publications},
                template_name="city",
                url=page.url,
                city_page=page,
                page_name=page.url,
            )


def add_generator(_pelican):
    return CitiesGenerator


# The member cities are the content model's reference data.
check_plugins = needs(__name__, "content_model")


def register():
    signals.initialized.connect(check_plugins)
    signals.get_generators.connect(add_generator)
