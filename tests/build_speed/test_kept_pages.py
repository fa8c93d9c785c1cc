"""A page kept from the last build is reused only while everything it was made
of is the same: the light part of the context, and each body the page read."""

import subprocess
import sys
import threading
from dataclasses import dataclass

import pytest
from jinja2 import DictLoader, Environment

from build_speed.kept_pages import (
    KEPT_FILE,
    KEPT_PAGES,
    KeptTemplate,
    digest_of,
    notice_reads,
)
from sitebuild import ROOT


class Publication:
    """Just enough of Pelican's content object: a body, and memoised readers of it
    defined on the class, as Pelican's are."""

    def __init__(self, path: str, title: str, body: str, summary: str | None = None):
        self.relative_source_path = self.source_path = path
        self.title = title
        self.metadata = {} if summary is None else {"summary": summary}
        self._content = body

    def get_content(self, _siteurl):
        return self._content

    def get_summary(self, _siteurl):
        return self.metadata.get("summary") or self._content[:12]

    @property
    def content(self):
        return self.get_content("")

    @property
    def summary(self):
        return self.get_summary("")


notice_reads(Publication, ("_content", "metadata"))


def summaries_in_python(articles) -> str:
    """A filter that reads the metadata itself, not through a template."""
    return " ".join(article.metadata.get("summary", "") for article in articles)


TEMPLATES = {
    "article.html": "<h1>{{ article.title }}</h1>{{ article.content }}",
    "index.html": "{% for a in articles %}<li>{{ a.title }}: {{ a.summary }}{% endfor %}",
    "full.html": "{% for a in articles %}{{ a.content }}{% endfor %}",
    "summaries.html": "{{ articles|summaries_in_python }}",
}
SETTINGS = {"SITENAME": "Палата", "OUTPUT_PATH": "/где-то"}


def build(folder, publications, relative_urls=False, while_writing=None, **extra):
    """Render every page once, as Pelican's writer would; the pages and the counts.
    `while_writing` is called once the pages are written, before the check."""
    KEPT_PAGES.load(folder)
    env = Environment(loader=DictLoader(TEMPLATES))
    env.filters["summaries_in_python"] = summaries_in_python
    env.template_class = KeptTemplate
    context = {**SETTINGS, "articles": publications, "localsiteurl": "", **extra}
    KEPT_PAGES.begin(SETTINGS, context, ("OUTPUT_PATH",))

    def write(name, **page):
        page_context = {**context, **page}
        if relative_urls:
            # Pelican's writer: the page's relative address, in the shared
            # context too, just before the page is rendered.
            page_context["localsiteurl"] = "../" * name.count("/") or "."
            context["localsiteurl"] = page_context["localsiteurl"]
        template = (page.get("article") and "article.html") or name
        return env.get_template(template).render(page_context)

    pages = {
        article.source_path: write(article.source_path, article=article)
        for article in publications
    }
    for name in ("index.html", "full.html", "summaries.html"):
        pages[name] = write(name)
    if while_writing is not None:
        while_writing()
    valid = KEPT_PAGES.still_valid()
    KEPT_PAGES.end()
    if valid:
        KEPT_PAGES.save()
    return pages, KEPT_PAGES.reused, KEPT_PAGES.rendered


def corpus(
    kazan_body="<p>Казань растёт.</p>", kazan_title="Казань", kazan_summary="Про Казань"
):
    return [
        Publication("a/kazan.md", kazan_title, kazan_body, summary=kazan_summary),
        Publication("a/tyumen.md", "Тюмень", "<p>Тюмень строит.</p>"),
    ]


def fresh(publications, **extra):
    """The same pages rendered with nothing kept."""
    return build(None, publications, **extra)[0]


def test_with_nothing_changed_every_page_is_reused(tmp_path):
    first, _, rendered = build(tmp_path, corpus())
    assert rendered == 5
    again, reused, rendered = build(tmp_path, corpus())
    assert (reused, rendered) == (5, 0)
    assert again == first
    assert (tmp_path / KEPT_FILE).is_file()


def test_with_relative_addresses_every_page_is_reused_too(tmp_path):
    first, _, _ = build(tmp_path, corpus(), relative_urls=True)
    again, reused, rendered = build(tmp_path, corpus(), relative_urls=True)
    assert (reused, rendered) == (5, 0)
    assert again == first


def test_a_body_edit_renders_anew_only_the_pages_that_read_that_body(tmp_path):
    build(tmp_path, corpus())
    edited = corpus(kazan_body="<p>Казань растёт быстро.</p>")
    pages, reused, rendered = build(tmp_path, edited)
    # Kazan's page and the page of full texts; Tyumen's page and the two pages
    # of summaries, which show Kazan's own summary, not its body, are reused.
    assert (reused, rendered) == (3, 2)
    assert pages == fresh(corpus(kazan_body="<p>Казань растёт быстро.</p>"))
    assert "быстро" in pages["a/kazan.md"] and "быстро" in pages["full.html"]


def test_a_summary_made_from_the_body_counts_as_reading_it(tmp_path):
    build(tmp_path, corpus())
    edited = corpus()
    edited[1]._content = "<p>Тюмень строит мосты.</p>"
    pages, reused, rendered = build(tmp_path, edited)
    # The index shows Tyumen's summary cut from its body: it is rendered anew.
    assert (reused, rendered) == (2, 3)
    assert pages["index.html"] == fresh(edited)["index.html"]


def test_a_title_edit_renders_every_page_anew(tmp_path):
    build(tmp_path, corpus())
    pages, reused, rendered = build(tmp_path, corpus(kazan_title="Казань-столица"))
    assert (reused, rendered) == (0, 5)
    assert pages == fresh(corpus(kazan_title="Казань-столица"))


def test_a_summary_edit_renders_anew_what_read_it_in_a_template_or_in_python(
    tmp_path,
):
    build(tmp_path, corpus())
    edited = corpus(kazan_summary="Казань и её соседи")
    pages, reused, rendered = build(tmp_path, edited)
    # The index and the filter's page; Kazan's own page shows no summary.
    assert (reused, rendered) == (3, 2)
    assert "Казань и её соседи" in pages["summaries.html"]
    assert pages == fresh(corpus(kazan_summary="Казань и её соседи"))


def test_a_value_changed_while_pages_are_written_keeps_nothing(tmp_path):
    KEPT_PAGES.load(tmp_path)
    shared_list = ["раз"]
    env = Environment(loader=DictLoader({"list.html": "{{ items|join }}"}))
    env.template_class = KeptTemplate
    context = {**SETTINGS, "articles": corpus()}
    KEPT_PAGES.begin(SETTINGS, context, ("OUTPUT_PATH",))
    env.get_template("list.html").render({**context, "items": shared_list})
    shared_list.append("два")
    assert not KEPT_PAGES.still_valid()


@dataclass(frozen=True)
class Record:
    """As the content model's record: frozen, yet holding a list."""

    cities: list
    plan: tuple = ("1.1",)


def with_records(publications):
    """Each publication with a record, also in its metadata, as the content
    model gives Pelican's: one object, a light attribute and inside a heavy one."""
    for publication in publications:
        publication.record = Record([publication.title])
        publication.metadata["record"] = publication.record
    return publications


def write_page(name: str, template: str, page: dict) -> str:
    env = Environment(loader=DictLoader({name: template}))
    env.template_class = KeptTemplate
    return env.get_template(name).render(page)


CHANGES_WHILE_WRITING = {
    "a title": lambda kazan, shared: setattr(kazan, "title", "Казань-столица"),
    "a list in a publication's record": lambda kazan, shared: (
        kazan.record.cities.append("Елабуга")
    ),
    "a new attribute of a publication": lambda kazan, shared: setattr(
        kazan, "city", "Казань"
    ),
    "a list in the shared context": lambda kazan, shared: shared["cities"][
        "kazan"
    ].append("Елабуга"),
    "a set in the shared context": lambda kazan, shared: shared["static_links"].add(
        "images/b.png"
    ),
    "a setting": lambda kazan, shared: shared["menu"].append("Города"),
    "the summary in the metadata pages read": lambda kazan, shared: (
        kazan.metadata.update(summary="Казань и её соседи")
    ),
    "a body pages read": lambda kazan, shared: setattr(
        kazan, "_content", "<p>Казань растёт быстро.</p>"
    ),
    "the record in the metadata, replaced": lambda kazan, shared: kazan.metadata.update(
        record=Record(["Казань", "Елабуга"])
    ),
    "a list given to a page": lambda kazan, shared: shared["years"].append(2022),
}


@pytest.mark.parametrize("change", CHANGES_WHILE_WRITING)
def test_a_change_while_pages_are_written_keeps_nothing(tmp_path, change, monkeypatch):
    """A page kept from the last build and reused before the change would be
    stale: this build's pages are not kept, and a build that reused pages
    stops (`build_speed.save_conversions`)."""
    publications = with_records(corpus())
    shared = {
        "cities": {"kazan": ["Казань"]},
        "static_links": {"images/a.png", "files/plan.pdf"},
        "menu": ["Публикации"],
        "years": [2021],
    }
    monkeypatch.setitem(SETTINGS, "menu", shared["menu"])

    def change_after_pages():
        assert write_page("years.html", "{{ years|join }}", {"years": shared["years"]})
        CHANGES_WHILE_WRITING[change](publications[0], shared)

    build(
        tmp_path,
        publications,
        while_writing=change_after_pages,
        cities=shared["cities"],
        static_links=shared["static_links"],
    )
    assert KEPT_PAGES.rendered == 6
    assert not (tmp_path / KEPT_FILE).exists()


def test_what_is_set_again_unchanged_while_pages_are_written_keeps_them(tmp_path):
    """The check above passes when the values are put back equal: the body as
    a new string, the metadata as a new dict."""
    publications = with_records(corpus())

    def set_again():
        kazan = publications[0]
        kazan._content = "".join(["<p>Казань ", "растёт.</p>"])
        kazan.metadata = dict(kazan.metadata)

    build(tmp_path, publications, while_writing=set_again, static_links={"a.png"})
    assert (tmp_path / KEPT_FILE).is_file()
    _, reused, rendered = build(tmp_path, publications, static_links={"a.png"})
    assert (reused, rendered) == (5, 0)


def test_a_context_that_cannot_be_digested_reuses_nothing(tmp_path):
    lock = threading.Lock()
    first, _, _ = build(tmp_path, corpus(), lock=lock)
    again, reused, rendered = build(tmp_path, corpus(), lock=lock)
    assert (reused, rendered) == (0, 0)
    assert again == first
    assert not (tmp_path / KEPT_FILE).exists()


@pytest.mark.parametrize(
    "value",
    [
        {"б", "а", "в"},
        frozenset({"тег", "город"}),
        # In a setting, a section's fields; in the context, the linked files.
        {"поля": [frozenset({"Title", "Date", "City"})], "ссылки": {"a.png", "b.pdf"}},
        {("Казань", 1), ("Тюмень", 2), ("Елабуга", 3)},
        [{frozenset({"а", "б"}), frozenset({"в"})}, {"в", "г"}],
    ],
)
def test_a_set_has_one_digest_whatever_order_a_run_keeps_it_in(value):
    code = (
        "import sys; sys.path[:0] = ['plugins', '.'];"
        "from build_speed.kept_pages import digest_of;"
        f"print(digest_of({value!r}).hex())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(digests) == 1
    assert digests != {""}


def test_a_set_in_a_digest_stands_for_what_it_holds_where_it_is():
    assert digest_of([{"а", "б"}, 1]) == digest_of([{"б", "а"}, 1])
    assert digest_of([{"а", "б"}, 1]) != digest_of([{"а", "в"}, 1])
    assert digest_of({"x": {"а"}, "y": {"б"}}) != digest_of({"x": {"б"}, "y": {"а"}})
    assert digest_of([{"а"}, {"а"}]) != digest_of([{"а"}])
    shared = {"а"}
    assert digest_of([shared, shared]) != digest_of([{"а"}, {"б"}])
