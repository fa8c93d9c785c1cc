"""The reader's site around the publications: the home page's next meeting,
digests' tables of contents, documents' histories, the archive's years and
months (a month's page paginated, a year's whole: writer.py), the pager's
page numbers, and the 404 page."""

from pelican import signals
from pelican.generators import Generator

from chamber.archive_periods import archive_years, months_of_year
from chamber.digest_body import digest_outline
from chamber.pagination import page_numbers
from chamber.reader_pages import document_history, meeting_to_show
from plugin_needs import needs

from .writer import ArchiveWriter

NOT_FOUND_SAVE_AS = "404.html"


class SitePagesGenerator(Generator):
    """Runs after the articles generator; the home page and the publications
    are written later, by that generator, from the context filled here."""

    def generate_context(self):
        articles = self.context["articles"]
        self.context["meeting_to_show"] = meeting_to_show(
            (a for a in articles if a.record.section == "meetings"),
            self.settings["PLAN_AS_OF"],
        )
        # Listed on every archive page: made once, not once a page.
        self.context["archive_years"] = archive_years(self.context["period_archives"])
        for article in articles:
            if article.record.section == "digests":
                article.digest_outline = digest_outline(article.content)
            elif article.record.section == "documents":
                article.history_entries = document_history(
                    article.date,
                    getattr(article, "modified", None),
                    article.record.history,
                )

    def generate_output(self, writer):
        # Served for any missing address at any depth: its links are absolute.
        writer.write_file(
            NOT_FOUND_SAVE_AS,
            self.get_template("404"),
            self.context,
            relative_urls=False,
            url=NOT_FOUND_SAVE_AS,
            page_name="404",
        )


def add_generator(_pelican):
    return SitePagesGenerator


def archive_writer(_pelican):
    return ArchiveWriter


def add_filters(pelican) -> None:
    pelican.settings["JINJA_FILTERS"] = {
        **pelican.settings.get("JINJA_FILTERS", {}),
        "months_of_year": months_of_year,
        "page_numbers": page_numbers,
    }


# The nearest meeting is judged on the plan's as-of date.
check_plugins = needs(__name__, "content_model", "plan")


def register():
    signals.initialized.connect(check_plugins)
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(add_generator)
    signals.get_writer.connect(archive_writer)
