"""Pages for the member cities: /cities/ and one page per city written about."""

from pelican import signals
from pelican.generators import Generator

from cities.grouping import city_pages, districts
from content_model.state import BUILD


class CitiesGenerator(Generator):
    def generate_context(self):
        pages = city_pages(self.context["articles"], self.settings["CITY_URL"])
        self.context["city_pages"] = pages
        self.context["city_districts"] = districts(BUILD.cities, pages)
        self.context["member_city_count"] = len(BUILD.cities)

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
                url=page.url,
                city_page=page,
                page_name=page.url,
            )


def add_generator(_pelican):
    return CitiesGenerator


def register():
    signals.get_generators.connect(add_generator)
