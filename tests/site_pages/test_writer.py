"""The archive's writer paginates a month's page and writes a year's page whole."""

import pytest
from jinja2 import Template
from pelican.paginator import PaginationRule
from pelican.settings import DEFAULT_CONFIG
from site_pages.writer import ArchiveWriter

PER_PAGE = 2
PAGE = Template(
    "{% if articles_page %}{{ articles_page.number }}/"
    "{{ articles_paginator.num_pages }}{% else %}whole{% endif %}: "
    "{{ (dates_page.object_list if dates_page else dates)|length }}"
)


@pytest.fixture
def writer(tmp_path):
    settings = {
        **DEFAULT_CONFIG,
        "PAGINATED_TEMPLATES": {"period_archives": None},
        "DEFAULT_PAGINATION": PER_PAGE,
        # As pelicanconf's, in the form Pelican's settings loader gives them.
        "PAGINATION_PATTERNS": (
            PaginationRule(1, "{url}", "{save_as}"),
            PaginationRule(
                2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"
            ),
        ),
    }
    return ArchiveWriter(str(tmp_path), settings=settings)


def write_period(writer, period_num: tuple, save_as: str, url: str, count: int):
    dates = list(range(count))  # the writer only counts and cuts them
    writer.write_file(
        save_as,
        PAGE,
        {"period_num": period_num},
        articles=dates,
        dates=dates,
        template_name="period_archives",
        url=url,
    )


def written(folder) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.html"))
    }


def test_a_months_page_is_cut_into_pages(writer, tmp_path):
    write_period(
        writer, (2021, 3), "archives/2021/03/index.html", "archives/2021/03/", 5
    )
    assert written(tmp_path) == {
        "archives/2021/03/index.html": "1/3: 2",
        "archives/2021/03/page/2/index.html": "2/3: 2",
        "archives/2021/03/page/3/index.html": "3/3: 1",
    }


def test_a_years_page_is_written_whole(writer, tmp_path):
    write_period(writer, (2021,), "archives/2021/index.html", "archives/2021/", 5)
    assert written(tmp_path) == {"archives/2021/index.html": "whole: 5"}
