"""A missing optional partial is looked for once; found templates render as before."""

import pytest
from jinja2 import DictLoader, Environment, TemplateNotFound

from build_speed.templates import RememberingMissing


class CountingLoader(DictLoader):
    def __init__(self, mapping):
        super().__init__(mapping)
        self.asked: list[str] = []

    def get_source(self, environment, template):
        self.asked.append(template)
        return super().get_source(environment, template)


PAGE = '{% include ["partials/" ~ section ~ ".html", "partials/any.html"] %}'


def test_a_missing_partial_is_looked_for_once_per_build():
    loader = CountingLoader({"page.html": PAGE, "partials/any.html": "общий"})
    env = Environment(loader=RememberingMissing(loader), auto_reload=False)
    page = env.get_template("page.html")
    assert [page.render(section="articles") for _ in range(5)] == ["общий"] * 5
    assert loader.asked.count("partials/articles.html") == 1


def test_a_present_partial_is_used_and_a_missing_one_still_fails():
    loader = CountingLoader({"page.html": PAGE, "partials/digests.html": "дайджест"})
    env = Environment(loader=RememberingMissing(loader), auto_reload=False)
    assert env.get_template("page.html").render(section="digests") == "дайджест"
    for _ in range(2):
        with pytest.raises(TemplateNotFound, match=r"partials/nothing\.html"):
            env.get_template("partials/nothing.html")
    assert env.list_templates() == ["page.html", "partials/digests.html"]
