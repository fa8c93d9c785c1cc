"""One preview build in its own process, which then waits to show the next edit.

A build that passed leaves this process holding all that Pelican has read: the
publications, the context of their pages and the compiled templates. When the
editor next saves only publications, the preview hands their paths here. Each
is read again and prepared as Pelican's generators and the plugins prepare it,
and its own page is written over the old one in a fraction of a second. The
process then ends, and the preview starts the full rebuild, which brings the
lists, feeds and search index up to date and writes that page once more.

A new publication is read and written the same way, if its address is free.
An edit that changes a page's address, fails a check, deletes a file or touches
anything but a publication (a transcript, an image, the theme) is shown by the
full build only. The early page is the one the full build writes
(`tests/preview/test_build_process.py`). Lists on it that name the edited
publication, such as other publications of its city, catch up with the full
build.
"""

import copy
import json
import os
import sys
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path

import pelican
from pelican import signals
from pelican.contents import Article, Page, SkipStub
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.utils import order_content
from pelican.writers import Writer

# Lines between this process and the preview (`watcher`), not for the editor.
READY = "\x1fpreview: waiting for an edit"
SHOWN = "\x1fpreview: shown "

_ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)
_PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)
# Where a new publication goes, by its status: (articles, pages).
_LISTED_AS = {
    "published": ("articles", "pages"),
    "draft": ("drafts", "draft_pages"),
    "hidden": ("hidden_articles", "hidden_pages"),
}
_KEPT: dict = {}


def keep_generators(generators) -> None:
    _KEPT["generators"] = generators


def main(argv: list[str] | None = None) -> None:
    """`pelican` with these arguments; then, if it passed, one edit shown."""
    signals.all_generators_finalized.connect(keep_generators)
    signals.finalized.connect(_finished)
    # A failed build raises SystemExit from Pelican or a plugin: this ends.
    pelican.main(argv)
    if not _KEPT.get("finished"):
        return  # interrupted: Pelican reports it and returns
    print(READY, flush=True)
    try:
        request = sys.stdin.readline()
        if request.strip():
            paths = [Path(os.path.realpath(path)) for path in json.loads(request)]
            shown = show_edits(_KEPT["generators"], paths)
            print(SHOWN + json.dumps(shown, ensure_ascii=False), flush=True)
    except KeyboardInterrupt:
        pass
    # Everything is written and said. The system frees the memory at once,
    # where the interpreter would spend half a second on a large site's
    # objects, and the preview waits for this process to end.
    sys.stdout.flush()
    os._exit(0)


def _finished(_pelican) -> None:
    _KEPT["finished"] = True


def show_edits(generators: Iterable, paths: list[Path]) -> list[str]:
    """The addresses of the pages of `paths` written anew; none unless every
    path is a publication whose page can be written on its own."""
    generators = list(generators)
    found = [_publication_of(generators, path) for path in paths]
    if not paths or any(place is None for place in found):
        return []
    read = [_read_again(generators, *place) for place in found]
    if any(new is None for new in read):
        return []
    if len({new.save_as for new in read}) < len(read):
        return []  # two new files at one address: the full build reports it
    edits = [
        (generator, old, new)
        for (generator, old, _relative), new in zip(found, read, strict=True)
    ]
    _prepare(generators, edits)
    if _any_problems(read):
        return []
    for generator, _old, new in edits:
        _write(generator, new)
    return [new.url for new in read]


def _any_problems(read) -> bool:
    from content_model.state import BUILD

    return any(BUILD.has_problems(new.relative_source_path) for new in read)


def _publication_of(generators, path: Path):
    """(its generator, what it read from `path` or None for a new file, the
    path relative to the content folder), or None if it is no publication."""
    for generator in _publishing(generators):
        for name in _lists_of(generator):
            for content in getattr(generator, name, ()):
                if Path(os.path.realpath(content.source_path)) == path:
                    return generator, content, content.relative_source_path
    for generator in _publishing(generators):
        kind = "ARTICLE" if isinstance(generator, ArticlesGenerator) else "PAGE"
        settings = generator.settings
        relative = os.path.relpath(path, os.path.realpath(generator.path))
        files = generator.get_files(
            settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"]
        )
        if relative in files:
            return generator, None, relative
    return None


def _publishing(generators):
    return [g for g in generators if isinstance(g, ArticlesGenerator | PagesGenerator)]


def _lists_of(generator) -> tuple[str, ...]:
    return _ARTICLE_LISTS if isinstance(generator, ArticlesGenerator) else _PAGE_LISTS


def _read_again(generators, generator, old, relative: str):
    """The publication read as Pelican read it, or None where only the full
    build can show it: it fails a check, it moves to another address, or a new
    one takes an address in use."""
    is_article = isinstance(generator, ArticlesGenerator)
    kind = "article" if is_article else "page"
    try:
        new = generator.readers.read_file(
            base_path=generator.path,
            path=relative,
            content_class=Article if is_article else Page,
            context=generator.context,
            preread_signal=getattr(signals, f"{kind}_generator_preread"),
            preread_sender=generator,
            context_signal=getattr(signals, f"{kind}_generator_context"),
            context_sender=generator,
        )
    except Exception:  # the full build reports it, with the file's name
        return None
    if isinstance(new, SkipStub) or not new.is_valid() or _any_problems([new]):
        return None
    if old is None:
        taken = {
            content.save_as
            for found in _publishing(generators)
            for name in _lists_of(found)
            for content in getattr(found, name, ())
        }
        # Any file the build wrote is in use too: a section's list, a tag.
        written = Path(generator.output_path, new.save_as).exists()
        free = new.save_as not in taken and not written
        return new if new.status in _LISTED_AS and free else None
    same_place = (new.status, new.save_as, new.url, new.template) == (
        old.status,
        old.save_as,
        old.url,
        old.template,
    )
    return new if same_place else None


def _prepare(generators, edits) -> None:
    """What the build did to each `old` after reading it, done to its `new`,
    in the build's order."""
    from build_speed import freeze_urls
    from content_model import fix_summaries

    alone = []
    for generator, old, new in edits:
        if old is None:
            _add(generator, new)
        else:
            for found in generators:
                for name in (*_lists_of(found), "dates"):
                    _replace(getattr(found, name, None), old, new)
            _replace(generator.context, old, new)
        alone.append(_finalized_alone(generator, new))
    # The plugins' generators come after Pelican's and fill the context from
    # the publications (cities, plan, digests' outlines): all of it again.
    for found in generators:
        if not type(found).__module__.startswith("pelican."):
            found.generate_context()
    fix_summaries(alone)
    freeze_urls(alone)


def _finalized_alone(generator, new):
    """The receivers of a generator's end, on a copy of it that holds this
    publication alone: they make what its page shows (a meeting's
    transcript, image sizes, facts)."""
    alone = copy.copy(generator)
    alone.context = dict(generator.context)
    for name in _lists_of(generator):
        listed = getattr(generator, name, ())
        setattr(alone, name, [new] if any(c is new for c in listed) else [])
    finalized = "article" if isinstance(generator, ArticlesGenerator) else "page"
    getattr(signals, f"{finalized}_generator_finalized").send(alone)
    return alone


def _add(generator, new) -> None:
    """A new publication in its generator's lists, in their order; the lists
    are the context's too."""
    settings = generator.settings
    is_article = isinstance(generator, ArticlesGenerator)
    listed = getattr(generator, _LISTED_AS[new.status][not is_article])
    order = settings["ARTICLE_ORDER_BY" if is_article else "PAGE_ORDER_BY"]
    listed[:] = order_content([*listed, new], order)
    if is_article and new.status == "published":
        generator.dates.append(new)
        generator.dates.sort(
            key=attrgetter("date"), reverse=settings["NEWEST_FIRST_ARCHIVES"]
        )
    generator.add_source_path(new)
    generator.add_static_links(new)


def _replace(found, old, new, depth: int = 4) -> None:
    """`old` replaced by `new` in the lists of the context: the site's lists,
    and those of each tag, category and author."""
    if depth == 0:
        return
    if isinstance(found, list):
        for index, item in enumerate(found):
            if item is old:
                found[index] = new
            else:
                _replace(item, old, new, depth - 1)
    elif isinstance(found, tuple):
        for item in found:
            _replace(item, old, new, depth - 1)
    elif isinstance(found, dict):
        for key, item in found.items():
            if item is old:
                found[key] = new
            else:
                _replace(item, old, new, depth - 1)


def _write(generator, new) -> None:
    settings = generator.settings
    if isinstance(generator, ArticlesGenerator):
        signals.article_generator_write_article.send(generator, content=new)
        shown = {"article": new, "category": getattr(new, "category", None)}
        shown["blog"] = True
        if new.status == "draft":
            shown["all_articles"] = generator.articles
    else:
        signals.page_generator_write_page.send(generator, content=new)
        shown = {"page": new}
    Writer(generator.output_path, settings=settings).write_file(
        new.save_as,
        generator.get_template(new.template),
        generator.context,
        relative_urls=settings["RELATIVE_URLS"],
        override_output=hasattr(new, "override_save_as"),
        url=new.url,
        **shown,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
