"""Pelican's writer, but a year's archive page is written whole.

Pelican writes the year pages and the month pages with one template name,
`period_archives`, and paginates both when that name is in PAGINATED_TEMPLATES.
A month's page lists every publication of the month and is paginated; a year's
page shows only each month's newest few (chamber/archive_periods.py), so its
second page would repeat the first under /archives/2021/page/2/.
"""

from pelican.writers import Writer

PERIOD_ARCHIVES = "period_archives"


class ArchiveWriter(Writer):
    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        **kwargs,
    ):
        # Pelican's period_num: (year,) for a year's page, (year, month) for a month's.
        if template_name == PERIOD_ARCHIVES and len(context["period_num"]) == 1:
            paginated = {}
        return super().write_file(
            name,
            template,
            context,
            relative_urls=relative_urls,
            paginated=paginated,
            template_name=template_name,
            **kwargs,
        )
