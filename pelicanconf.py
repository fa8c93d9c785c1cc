"""Settings for a local preview (`invoke serve`); `publishconf.py` builds on them."""

import sys
from pathlib import Path

# The plugins are glue around the rules in the `chamber` package at the project's
# root; both are imported by plain imports, which Pelican's own loader does not
# make possible.
PROJECT_DIR = str(Path(__file__).resolve().parent)
PLUGINS_DIR = str(Path(PROJECT_DIR) / "plugins")
for folder in (PROJECT_DIR, PLUGINS_DIR):
    if folder not in sys.path:
        sys.path.insert(0, folder)

# A module, not its names: every capitalised name here is a Pelican setting.
import chamber.sections as sections  # noqa: E402

SITENAME = "Палата городов-центров субъектов Российской Федерации"
SITESUBTITLE = "Публикации Палаты Конгресса муниципальных образований"
SITEURL = ""
AUTHOR = "Палата городов-центров"

PATH = "content"
THEME = "theme"
TIMEZONE = "Europe/Moscow"
DEFAULT_LANG = "ru"

PLUGIN_PATHS = [PLUGINS_DIR]
PLUGINS = [
    "russian",
    "typography",
    "content_model",
    "cities",
    "meetings",
    "plan",
    "feeds",
    "site_pages",
    # Before discovery: images change the bodies that discovery describes.
    "images",
    "discovery",
    # Minifies the theme's CSS and JS at `finalized`, before anything reads them.
    "minify_theme",
    # Writes _headers from the final Content-Security-Policy.
    "server_headers",
    # Indexes the finished pages at `finalized`: keep it after every plugin that
    # writes pages; only the checker of the written site comes after it.
    "search",
    # Last: it checks what every other plugin has written.
    "links",
    # After every plugin's settings, which its cache key covers; its receivers
    # change no page.
    "build_speed",
]

# Sections are folders (chamber/sections.py); their companion files (a meeting's
# transcripts) belong to their publications and are not pages.
ARTICLE_PATHS = list(sections.PUBLICATION_SECTIONS)
ARTICLE_EXCLUDES = list(sections.COMPANION_FOLDERS)
PAGE_PATHS = list(sections.PAGE_SECTIONS)
STATIC_PATHS = ["files", "images"]
USE_FOLDER_AS_CATEGORY = False
# Publications are Markdown only: the content model checks .md files, and any
# other file in a section folder is reported instead of half-read.
READERS = {"html": None, "htm": None, "rst": None}
# Two digests or articles with one title are not translations of each other.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None


def newest_first(content):
    """Newest first, and publications of one moment by their file: Pelican reads
    the files in a set's order, which changes from run to run."""
    return (-content.date.timestamp(), content.relative_source_path)


ARTICLE_ORDER_BY = newest_first
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
DRAFT_URL = "drafts/{category}/{slug}/"
DRAFT_SAVE_AS = "drafts/{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
DIRECT_TEMPLATES = ["index", "tags", "archives"]
# A city's page lists every publication about it, a speaker's page every meeting
# they spoke at, a month's archive page every publication of the month and a plan
# item's page every publication about the item, so they are paginated like a
# section: a page must not grow with the archive. The year pages share the month
# pages' template name and are written whole (plugins/site_pages/writer.py).
PAGINATED_TEMPLATES = {
    "category": None,
    "tag": None,
    "author": None,
    "city": None,
    "speaker": None,
    "period_archives": None,
    "plan_item": None,
    "archives": 50,
}
DEFAULT_PAGINATION = 20
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

CITIES_URL = "cities/"
CITY_URL = "cities/{slug}/"

# Pelican's feeds carry no language, no enclosures and unstable ids.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

# Titles are plain text: autoescape keeps editors' «<» and «&» as text everywhere.
# Templates do not change during one build (`serve` makes a new environment per
# rebuild), so Jinja need not stat every included partial on every use.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,
}

# A preview keeps serving and leaves faulty files out; the build stops on them.
CONTENT_MODEL_STOP_ON_ERRORS = False
LINKS_STOP_ON_ERRORS = False
# The preview's feeds use this address (plugins/feeds); it is the preview itself.
LINKS_ALSO_INTERNAL = ["http://localhost:8000"]
RELATIVE_URLS = True

# Nothing is loaded from other hosts when a page opens; video players are framed
# only after the reader presses play. The site search runs Pagefind's WebAssembly,
# which needs 'wasm-unsafe-eval' (it allows compiling WebAssembly only, not eval);
# its worker is a file from this site, allowed by script-src.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; media-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-src https://rutube.ru https://vk.com "
    "https://vkvideo.ru https://www.youtube-nocookie.com"
)
SUMMARY_MAX_LENGTH = 40
