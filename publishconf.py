"""Settings for `invoke build`, the published site."""

import os
import sys
from pathlib import Path

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

sys.path.insert(0, str(Path(__file__).resolve().parent))
from publishing.siteurl import configured_site_url

SITEURL = configured_site_url(Path(__file__).resolve().parent, os.environ)
# Without the site's address the build is for viewing from disk: relative links,
# and no feeds or calendar, which must carry absolute addresses.
RELATIVE_URLS = not SITEURL
FEEDS_ENABLED = bool(SITEURL)
# Canonical addresses and the sitemap only from the real address, never a guess.
DISCOVERY_PREVIEW_SITEURL = None
CONTENT_MODEL_STOP_ON_ERRORS = True
LINKS_STOP_ON_ERRORS = True
LINKS_ALSO_INTERNAL = []
# Drafts are for the preview only: a public body does not publish them by accident.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
