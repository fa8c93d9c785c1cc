"""The content model: sections, metadata rules and the errors editors see."""

import logging
from pathlib import Path

from pelican import signals
from pelican.utils import truncate_html_paragraphs, truncate_html_words

# Pure link rewriting shared with the feeds, which show bodies away from their pages too.
from chamber.absolutise import absolutise_html
from chamber.cities import load_cities
from chamber.collisions import (
    duplicate_addresses,
    duplicate_slug_values,
    reserved_page_addresses,
    reserved_prefixes,
)
from chamber.plan.model import load_plans
from chamber.problems import Problem, warning_text
from chamber.russian.plurals import count_with_noun
from chamber.russian.slugs import shorten_slug
from chamber.sections import (
    MEETING_FORMAT_LABELS,
    PAGE_SECTIONS,
    PUBLICATION_SECTIONS,
    SECTIONS,
    misplaced_markdown,
    stray_files,
)
from chamber.static_files import (
    is_left_behind,
    linked_folders,
    passes_through_link,
    refusal,
    static_problems,
    symlink_problems,
)
from chamber.summaries import without_headings
from content_model.reader import CheckedMarkdownReader
from content_model.settings import checked_settings
from content_model.state import BUILD

logger = logging.getLogger(__name__)


# Pelican walks into linked folders; the walks leave out the links found in each run.
_EXCLUDES = ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES")
_CONFIGURED_EXCLUDES = "CONTENT_MODEL_CONFIGURED_EXCLUDES"


def configure(pelican) -> None:
    pelican.settings.update(checked_settings(pelican.settings))
    pelican.settings[_CONFIGURED_EXCLUDES] = {
        name: list(pelican.settings[name]) for name in _EXCLUDES
    }
    # Templates name sections and formats the way the content model does.
    pelican.settings.update(
        SECTIONS=SECTIONS,
        PUBLICATION_SECTIONS=PUBLICATION_SECTIONS,
        MEETING_FORMAT_LABELS=MEETING_FORMAT_LABELS,
    )
    pelican.settings["JINJA_FILTERS"] = {
        **pelican.settings.get("JINJA_FILTERS", {}),
        "published_sections": published_sections,
    }


def published_sections(categories) -> list[str]:
    """The sections with at least one publication, in the site's order: a section
    with nothing published yet has no page for the navigation to link to."""
    present = {category.slug for category, _articles in categories}
    return [key for key in PUBLICATION_SECTIONS if key in present]


def load_reference_data(pelican) -> None:
    """Cities, plans and stray files, at the start of every run.

    Not at `initialized`: `invoke serve` rebuilds with the same Pelican object,
    and an editor may change a plan file between two rebuilds.
    """
    # Here and not at `finalized`: `--autoreload` skips `finalized` after a failed
    # rebuild, whose problems must not be told again in the next one.
    BUILD.reset()
    settings = pelican.settings
    cities_file = settings["CONTENT_MODEL_CITIES_FILE"]
    BUILD.cities = load_cities(Path(cities_file) if cities_file else None)
    content_dir = Path(settings["PATH"])
    for problem in stray_files(content_dir, CheckedMarkdownReader.file_extensions):
        BUILD.add(problem)
    for problem in _content_tree_problems(content_dir, settings):
        BUILD.add(problem)
    linked = linked_folders(content_dir)
    for name, configured in settings[_CONFIGURED_EXCLUDES].items():
        settings[name] = [*configured, *linked]
    plans_dir = content_dir / settings["CONTENT_MODEL_PLANS_DIR"]
    BUILD.plans, plan_errors = load_plans(plans_dir)
    BUILD.broken_plan_years = frozenset(
        error.year for error in plan_errors if error.year is not None
    )
    for error in plan_errors:
        relative = Path(error.path).relative_to(content_dir).as_posix()
        for detail in error.details:
            BUILD.add(Problem(relative, detail))


def _content_tree_problems(content_dir: Path, settings) -> list[Problem]:
    known = [*SECTIONS, *settings["STATIC_PATHS"], settings["CONTENT_MODEL_PLANS_DIR"]]
    return [
        *symlink_problems(content_dir),
        *static_problems(content_dir, settings["STATIC_PATHS"]),
        *misplaced_markdown(content_dir, known),
    ]


def keep_publishable_static_files(generator) -> None:
    """Copy only what passed the checks, also in a preview that goes on after errors.

    Files a publication links to (`{static}/…`) are checked here for the first time.
    """
    content_dir = Path(generator.path)
    kept = []
    for static in generator.staticfiles:
        relative = static.relative_source_path
        if BUILD.has_problems(relative) or is_left_behind(Path(relative).name):
            continue
        if passes_through_link(content_dir, relative):
            continue  # reported with every other link in the content folder
        refused = refusal(relative)
        if not refused and relative.lower().endswith(".svg"):
            refused = refusal(relative, (content_dir / relative).read_bytes())
        for message in refused:
            BUILD.add(Problem(relative, message))
        if not refused:
            kept.append(static)
    generator.staticfiles[:] = kept


def shorten_address(content) -> None:
    """A document title of three hundred characters is no file name."""
    slug = getattr(content, "slug", None)
    if slug:
        content.slug = shorten_slug(slug)


def use_checked_reader(readers) -> None:
    for extension in CheckedMarkdownReader.file_extensions:
        readers.reader_classes[extension] = CheckedMarkdownReader


def _section(content) -> str | None:
    """The section of a file the content model has read, from its record."""
    record = getattr(content, "record", None)
    return record.section if record is not None else None


def _all_content(generators):
    for generator in generators:
        for name in ("articles", "drafts", "hidden_articles", "pages", "draft_pages"):
            yield from getattr(generator, name, [])


def report_problems(generators) -> None:
    contents = list(_all_content(generators))
    for section in SECTIONS.values():
        if section.slug_clash is None:
            continue
        for problem in duplicate_slug_values(
            section,
            (
                (c.relative_source_path, getattr(c.record, section.slug_field))
                for c in contents
                if _section(c) == section.key
            ),
        ):
            BUILD.add(problem)
    # Two digests for one month share an address too; one message says it better.
    for problem in duplicate_addresses(
        (c.relative_source_path, c.save_as)
        for c in contents
        if c.save_as and not BUILD.has_problems(c.relative_source_path)
    ):
        BUILD.add(problem)
    settings = generators[0].settings
    pages = [
        (c.relative_source_path, c.slug)
        for c in contents
        if _section(c) in PAGE_SECTIONS
    ]
    for problem in reserved_page_addresses(pages, reserved_prefixes(settings)):
        BUILD.add(problem)

    for warning in BUILD.warnings():
        logger.warning("%s", warning_text(warning))
    problems = BUILD.problems()
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        files = len({p.path for p in problems})
        logger.error(
            "Найдено: %s в %s. Исправьте и запустите сборку снова.",
            count_with_noun(len(problems), "ошибка", "ошибки", "ошибок"),
            count_with_noun(files, "файле", "файлах", "файлах"),
        )
        if (
            settings["CONTENT_MODEL_STOP_ON_ERRORS"]
            or settings["CONTENT_MODEL_CHECK_ONLY"]
        ):
            raise SystemExit(1)
    if not problems and not settings["CONTENT_MODEL_CHECK_ONLY"]:
        print(f"Прочитано: {read_summary(contents)}.")
    if settings["CONTENT_MODEL_CHECK_ONLY"]:
        # Pelican shows only warnings and errors by default; this is the answer.
        print(
            f"Проверено: {count_with_noun(len(contents), 'файл', 'файла', 'файлов')}, "
            "ошибок нет."
        )
        raise SystemExit(0)


def read_summary(contents) -> str:
    """«3 статьи, 2 дайджеста, 1 заседание, 1 страница; черновиков: 1»."""
    published = [c for c in contents if c.status == "published"]
    parts = [
        count_with_noun(n, *SECTIONS[key].forms)
        for key in SECTIONS
        if (n := sum(_section(c) == key for c in published))
    ]
    drafts = len(contents) - len(published)
    return ", ".join(parts or ["публикаций нет"]) + (
        f"; черновиков: {drafts}" if drafts else ""
    )


def fix_summaries(generators) -> None:
    """Derive each missing summary once instead of on every use.

    Pelican truncates the whole body again each time a template or feed asks for
    a summary, and a publication appears in many lists. A summary in the metadata
    is also what Pelican then checks for links to other pages.
    """
    for content in _all_content(generators):
        if "summary" not in content.metadata:
            content.metadata["summary"] = _links_from_anywhere(
                content, _auto_summary(content)
            )


def anchor_summary_links(content) -> None:
    """An editor's Summary is shown away from its page (lists, archives, the home
    page), where a link relative to the page would point somewhere else."""
    if "summary" in content.metadata:
        summary = _links_from_anywhere(content, content.metadata["summary"])
        # Pelican restores the summary from `_summary` after the generators run.
        content.metadata["summary"] = content._summary = summary


def _links_from_anywhere(content, markup: str) -> str:
    return absolutise_html(markup, f"{content.settings['SITEURL']}/{content.url}")


def _auto_summary(content) -> str:
    section = SECTIONS.get(_section(content))
    if section and section.summary:
        return section.summary(content.content)
    settings = content.settings
    body = without_headings(content.content)
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        body = truncate_html_paragraphs(body, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings["SUMMARY_MAX_LENGTH"] is None:
        return body
    return truncate_html_words(
        body, settings["SUMMARY_MAX_LENGTH"], settings["SUMMARY_END_SUFFIX"]
    )


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(load_reference_data)
    signals.readers_init.connect(use_checked_reader)
    signals.content_object_init.connect(shorten_address)
    signals.content_object_init.connect(anchor_summary_links)
    signals.static_generator_finalized.connect(keep_publishable_static_files)
    signals.all_generators_finalized.connect(report_problems)
    signals.all_generators_finalized.connect(fix_summaries)
