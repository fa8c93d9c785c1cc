"""Settings for `invoke build`, the published site."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://palata.example.ru")
RELATIVE_URLS = False
CONTENT_MODEL_STOP_ON_ERRORS = True
LINKS_STOP_ON_ERRORS = True
LINKS_ALSO_INTERNAL = []
# Drafts are for the preview only: a public body does not publish them by accident.
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
