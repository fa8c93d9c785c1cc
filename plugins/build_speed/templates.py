"""A template that is not there is looked for once per build, not on every page.

The theme includes optional partials by section (`partials/section_head/articles.html`
if it exists); Jinja caches the templates it finds, never the ones it does not,
and searches the theme folders again on every include. Templates do not change
while one build runs (`auto_reload` is off), so the answer does not either.
"""

from jinja2 import BaseLoader, TemplateNotFound


class RememberingMissing(BaseLoader):
    def __init__(self, loader: BaseLoader):
        self._loader = loader
        self._missing: set[str] = set()

    def get_source(self, environment, template):
        if template in self._missing:
            raise TemplateNotFound(template)
        try:
            return self._loader.get_source(environment, template)
        except TemplateNotFound as missing:
            if missing.name == template:
                self._missing.add(template)
            raise

    def load(self, environment, name, globals=None):
        if name in self._missing:
            raise TemplateNotFound(name)
        try:
            return self._loader.load(environment, name, globals)
        except TemplateNotFound as missing:
            if missing.name == name:
                self._missing.add(name)
            raise

    def list_templates(self):
        return self._loader.list_templates()
