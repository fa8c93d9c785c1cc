"""Writes the plan pages: `/plan/<year>/`, a page per item (its links twenty a
page), `/plan/<year>.json` and the list `/plan/`."""

from itertools import chain
from pathlib import Path

from pelican.generators import Generator

from chamber.plan.model import Plan
from chamber.plan.page import (
    PlanPage,
    current_page,
    item_pages,
    sections_with_items,
    status_counts,
)
from chamber.plan.report_json import dumps_report
from chamber.plan.status import Publication, compute_report
from chamber.plan.timeline import render_timeline_svg
from content_model.state import BUILD

from .publications import plan_publications

# The site's menu marks «План работы» on all of them: as the current page on
# the list of plans, as its section elsewhere.
_MENU_PAGE_NAMES = {"plans": "plans", "plan": "plan", "plan_item": "plan"}


class PlanGenerator(Generator):
    """Runs after the articles generator, whose articles and drafts it judges by."""

    def generate_context(self):
        publications = plan_publications(
            chain(self.context["articles"], self.context["drafts"]),
            self.settings["SITEURL"],
        )
        # Newest first, as /plan/ lists them.
        pages = [
            self._page(plan, publications)
            for _year, plan in sorted(BUILD.plans.items(), reverse=True)
        ]
        # Shared context: the home page, written by the articles generator later,
        # shows the current plan's summary.
        self.context["plan_pages"] = pages
        # Kept apart from the plan pages: kept pages (build_speed) digest each
        # value a page is written with on its own, so the values of one page
        # must not hold another page's.
        self.item_pages = {
            page.year: item_pages(
                page.report,
                self.settings["SITEURL"],
                self.settings["PLAN_ITEM_URL"],
                self.settings["PLAN_ITEM_SAVE_AS"],
            )
            for page in pages
        }
        self.context["plan_summary"] = current_page(pages, self.settings["PLAN_AS_OF"])

    def _page(self, plan: Plan, publications: list[Publication]) -> PlanPage:
        settings = self.settings
        report = compute_report(plan, publications, settings["PLAN_AS_OF"])
        return PlanPage(
            report=report,
            url=settings["PLAN_URL"].format(year=plan.year),
            save_as=settings["PLAN_SAVE_AS"].format(year=plan.year),
            json_save_as=settings["PLAN_JSON_SAVE_AS"].format(year=plan.year),
            counts=status_counts(report.summary),
            sections=sections_with_items(
                report,
                settings["SITEURL"],
                settings["PLAN_ITEM_URL"],
                settings["PLAN_EVIDENCE_SHOWN"],
            ),
            timeline_svg=render_timeline_svg(report),
        )

    def generate_output(self, writer):
        for page in self.context["plan_pages"]:
            self._write(writer, page.save_as, "plan", page.url, plan_page=page)
            for item_page in self.item_pages[page.year]:
                self._write(
                    writer,
                    item_page.save_as,
                    "plan_item",
                    item_page.url,
                    plan_page=page,
                    item_page=item_page,
                    # Pelican's paginator and the theme's pagination partial
                    # know the list as `articles` (pelicanconf: twenty a page).
                    paginated={"articles": item_page.links},
                    template_name="plan_item",
                )
            path = Path(self.output_path) / page.json_save_as
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dumps_report(page.report), encoding="utf-8")
        self._write(
            writer,
            self.settings["PLAN_INDEX_SAVE_AS"],
            "plans",
            self.settings["PLAN_INDEX_URL"],
        )

    def _write(self, writer, save_as: str, template: str, url: str, **values):
        """Through Pelican's writer, as every page: the sitemap, the link check
        and kept pages (build_speed) see it."""
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            page_name=_MENU_PAGE_NAMES[template],
            **values,
        )
