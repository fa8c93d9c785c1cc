"""A kept page is reused exactly when every value its render read is the same
again: the trace is replayed on the next build's objects."""

from dataclasses import dataclass

import pytest
from jinja2 import DictLoader, Environment

from build_speed.renders import RENDERS, trace_environment


class Item:
    def __init__(self, key: str, title: str, body: str, tags=()):
        self.key, self.title, self.body, self.tags = key, title, body, list(tags)


def identity(value):
    return f"item:{value.key}" if isinstance(value, Item) else None


def shout(item) -> str:
    """A filter that reads its object in Python, not through the template."""
    return item.title.upper()


@dataclass(frozen=True)
class Section:
    name: str
    forms: frozenset


class Countdown:
    """An iterable the trace cannot follow into."""

    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


TEMPLATES = {
    "page.html": "<h1>{{ item.title }}</h1>{% for t in item.tags %}{{ t }} {% endfor %}",
    "list.html": "{% for item in items %}<li>{{ item.title }}</li>{% endfor %}",
    "filtered.html": "<p>{{ item|shout }}</p>",
    "section.html": "{{ section.name }}",
    "opaque.html": "{% for item in countdown %}{{ item.title }}{% endfor %}",
}


class Site:
    """Builds one after another, each with the renders the one before kept."""

    def __init__(self, folder):
        self.folder = folder
        self.environment = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
        self.environment.filters["shout"] = shout
        trace_environment(self.environment)

    def build(self, template: str, **context) -> str:
        RENDERS.reset(identity)
        RENDERS.load(self.folder)
        html = RENDERS.render(
            self.environment.get_template(template),
            {"output_file": f"{template}/index.html", **context},
        )
        RENDERS.save(self.folder)
        return html

    @staticmethod
    def reused() -> bool:
        return RENDERS.reused == 1


@pytest.fixture
def site(tmp_path):
    return Site(tmp_path)


def test_a_page_is_reused_until_a_value_it_shows_changes(site):
    assert site.build("page.html", item=Item("a", "Казань", "текст", ["x"])) == (
        "<h1>Казань</h1>x "
    )
    # The body is not on this page: the kept page is used.
    site.build("page.html", item=Item("a", "Казань", "другой текст", ["x"]))
    assert site.reused()
    html = site.build("page.html", item=Item("a", "Казань", "текст", ["x", "y"]))
    assert not site.reused()
    assert html == "<h1>Казань</h1>x y "
    html = site.build("page.html", item=Item("a", "Тюмень", "текст", ["x", "y"]))
    assert not site.reused()
    assert html == "<h1>Тюмень</h1>x y "


def test_a_list_page_sees_a_new_and_a_changed_item(site):
    first = [Item("a", "Первая", ""), Item("b", "Вторая", "")]
    site.build("list.html", items=first)
    site.build("list.html", items=[Item("a", "Первая", "тело"), first[1]])
    assert site.reused()
    html = site.build("list.html", items=[*first, Item("c", "Третья", "")])
    assert not site.reused()
    assert html.count("<li>") == 3
    html = site.build("list.html", items=[Item("a", "Первая", ""), first[1]])
    assert html.count("<li>") == 2
    html = site.build(
        "list.html", items=[Item("a", "Новая первая", ""), Item("b", "Вторая", "")]
    )
    assert not site.reused()
    assert "Новая первая" in html


def test_a_filter_is_replayed_on_the_new_object(site):
    site.build("filtered.html", item=Item("a", "Казань", ""))
    site.build("filtered.html", item=Item("a", "Казань", "тело"))
    assert site.reused()
    html = site.build("filtered.html", item=Item("a", "Тюмень", ""))
    assert not site.reused()
    assert html == "<p>ТЮМЕНЬ</p>"


def test_a_record_with_a_set_is_the_same_from_run_to_run(site):
    forms = frozenset({"статья", "статьи", "статей"})
    site.build("section.html", section=Section("Статьи", forms))
    site.build("section.html", section=Section("Статьи", frozenset(sorted(forms))))
    assert site.reused()
    site.build("section.html", section=Section("Статьи", forms | {"статьям"}))
    assert not site.reused()


def test_what_came_by_a_way_not_recorded_is_never_reused(site):
    site.build("opaque.html", countdown=Countdown([Item("a", "Казань", "")]))
    html = site.build("opaque.html", countdown=Countdown([Item("a", "Казань", "")]))
    assert not site.reused()
    assert html == "Казань"
