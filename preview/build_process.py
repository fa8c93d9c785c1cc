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
import signal
import sys
from collections.abc import Iterable
from dataclasses import dataclass
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
FAILED = "\x1fpreview: failed "


@dataclass(frozen=True)
class Kind:
    """What differs between Pelican's articles and pages, by their generator."""

    name: str  # in signals' names: article_generator_finalized
    content_class: type
    lists: tuple[str, ...]
    # Where a new publication goes, by its status.
    listed_as: dict[str, str]

    @property
    def setting(self) -> str:  # ARTICLE_PATHS, ARTICLE_ORDER_BY
        return self.name.upper()

    def signal(self, event: str):
        return getattr(signals, f"{self.name}_generator_{event}")


_KINDS = {
    ArticlesGenerator: Kind(
        "article",
        Article,
        (
            "articles",
            "translations",
            "hidden_articles",
            "hidden_translations",
            "drafts",
            "drafts_translations",
        ),
        {"published": "articles", "draft": "drafts", "hidden": "hidden_articles"},
    ),
    PagesGenerator: Kind(
        "page",
        Page,
        (
            "pages",
            "translations",
            "hidden_pages",
            "hidden_translations",
            "draft_pages",
            "draft_translations",
        ),
        {"published": "pages", "draft": "draft_pages", "hidden": "hidden_pages"},
    ),
}
_KEPT: dict = {}


def _keep_generators(generators) -> None:
    _KEPT["generators"] = generators


def main(argv: list[str] | None = None) -> None:
    """`pelican` with these arguments; then, if it passed, one edit shown."""
    signals.all_generators_finalized.connect(_keep_generators)
    signals.finalized.connect(_finished)
    # `_finished` is connected before the plugins, so it runs first among
    # `finalized`'s receivers: a Ctrl+C during theirs (the search index, the
    # link check) comes after it, and Pelican swallows it and returns as if
    # the build had passed. The interruption is noted here instead.
    signal.signal(signal.SIGINT, _interrupted)
    # A failed build raises SystemExit from Pelican or a plugin: this ends.
    pelican.main(argv)
    if not _KEPT.get("finished") or _KEPT.get("interrupted"):
        return
    print(READY, flush=True)
    try:
        request = sys.stdin.readline()
        if request.strip():
            try:
                paths = [Path(os.path.realpath(p)) for p in json.loads(request)]
                shown = show_edits(_KEPT["generators"], paths)
            except Exception as error:  # the full build still shows the edit
                print(FAILED + f"{type(error).__name__}: {error}", flush=True)
                shown = []
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


def _interrupted(signum, frame) -> None:
    _KEPT["interrupted"] = True
    signal.default_int_handler(signum, frame)


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
    alone = _prepare(generators, edits)
    if _any_problems(read):
        return []
    # What the pages link to first: a page never points at a missing file.
    for holding_one in alone:
        _write_beside(holding_one)
    for generator, _old, new in edits:
        _write(generator, new)
    return [new.url for new in read]


def _any_problems(read) -> bool:
    # The plugins are importable once Pelican has read the settings.
    from content_model.state import BUILD

    return any(BUILD.has_problems(new.relative_source_path) for new in read)


def _publication_of(generators, path: Path):
    """(its generator, what it read from `path` or None for a new file, the
    path relative to the content folder), or None if it is no publication."""
    for generator in _publishing(generators):
        for name in _kind(generator).lists:
            for content in getattr(generator, name, ()):
                if Path(os.path.realpath(content.source_path)) == path:
                    return generator, content, content.relative_source_path
    for generator in _publishing(generators):
        kind = _kind(generator).setting
        settings = generator.settings
        relative = os.path.relpath(path, os.path.realpath(generator.path))
        files = generator.get_files(
            settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"]
        )
        if relative in files:
            return generator, None, relative
    return None


def _publishing(generators):
    return [g for g in generators if type(g) in _KINDS]


def _kind(generator) -> Kind:
    return _KINDS[type(generator)]


def _read_again(generators, generator, old, relative: str):
    """The publication read as Pelican read it, or None where only the full
    build can show it: it fails a check, it moves to another address, or a new
    one takes an address in use."""
    kind = _kind(generator)
    try:
        new = generator.readers.read_file(
            base_path=generator.path,
            path=relative,
            content_class=kind.content_class,
            context=generator.context,
            preread_signal=kind.signal("preread"),
            preread_sender=generator,
            context_signal=kind.signal("context"),
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
            for name in _kind(found).lists
            for content in getattr(found, name, ())
        }
        # Any file the build wrote is in use too: a section's list, a tag.
        written = Path(generator.output_path, new.save_as).exists()
        free = new.save_as not in taken and not written
        return new if new.status in kind.listed_as and free else None
    same_place = (new.status, new.save_as, new.url, new.template) == (
        old.status,
        old.save_as,
        old.url,
        old.template,
    )
    return new if same_place else None


def _prepare(generators, edits) -> list:
    """What the build did to each `old` after reading it, done to its `new`,
    in the build's order; the generators that hold one new publication each."""
    from build_speed import freeze_urls
    from content_model import fix_summaries

    alone = []
    for generator, old, new in edits:
        if old is None:
            _add(generator, new)
        else:
            for found in _publishing(generators):
                for name in (*_kind(found).lists, "dates"):
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
    for _generator, _old, new in edits:
        new.refresh_metadata_intersite_links()
    return alone


def _finalized_alone(generator, new):
    """The receivers of a generator's end, on a copy of it that holds this
    publication alone: they make what its page shows (a meeting's
    transcript, image sizes, facts)."""
    alone = copy.copy(generator)
    alone.context = dict(generator.context)
    kind = _kind(generator)
    for name in kind.lists:
        listed = getattr(generator, name, ())
        setattr(alone, name, [new] if any(c is new for c in listed) else [])
    kind.signal("finalized").send(alone)
    return alone


def _add(generator, new) -> None:
    """A new publication in its generator's lists, in their order; the lists
    are the context's too."""
    settings = generator.settings
    kind = _kind(generator)
    listed = getattr(generator, kind.listed_as[new.status])
    listed[:] = order_content([*listed, new], settings[f"{kind.setting}_ORDER_BY"])
    if kind.name == "article" and new.status == "published":
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
        shown = {"article": new, "category": getattr(new, "category", None)}
        shown["blog"] = True
        if new.status == "draft":
            shown["all_articles"] = generator.articles
        else:  # Pelican writes drafts without it
            signals.article_generator_write_article.send(generator, content=new)
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


def _write_beside(alone) -> None:
    """What the page links that the build writes apart from pages, for the
    publication `alone` holds: its images' sized copies, which Pelican's
    `finalized` writes, and a meeting's transcript files."""
    import images
    from meetings.generator import write_downloads

    images.publish_variants(Path(alone.output_path))
    # Only the articles' receivers set the downloads to this publication's;
    # a page's context still lists every meeting's.
    if isinstance(alone, ArticlesGenerator):
        write_downloads(alone.output_path, alone.context)


if __name__ == "__main__":
    main(sys.argv[1:])
