"""Settings for publishing: everything in pelicanconf.py, with absolute addresses."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *

# The published address and custom domain live here, committed, so that every publish (by
# hand or by the workflow) uses the same ones; `make github` refuses to change what is
# online unless asked (`invoke gh-pages --move`).
SITEURL = "https://otopcity-khonkaen.github.io"
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
GALLERY_STRICT = True  # a photo that cannot be published stops the build

# Drafts are previewed with `make html` / `make devserver`, and never published.
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""

# GitHub Pages (make github / invoke gh-pages)
GITHUB_PAGES_REMOTE = os.environ.get("GITHUB_PAGES_REMOTE", "origin")
GITHUB_PAGES_BRANCH = os.environ.get("GITHUB_PAGES_BRANCH", "gh-pages")
GITHUB_PAGES_CNAME = ""  # a custom domain, e.g. otopcity.khonkaen.go.th
# The workflow (.github/workflows/publish.yml) publishes each push to main: `make github` then
# only pushes main, so that two publishers never race for gh-pages. False: `make github`
# publishes from this computer itself (and pushes main too).
PUBLISHED_BY_WORKFLOW = True
