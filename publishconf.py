"""Settings for publishing: everything in pelicanconf.py, with absolute addresses."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *

SITEURL = os.environ.get("SITEURL", "https://otopcity-khonkaen.github.io")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
GALLERY_STRICT = True  # a photo that cannot be published stops the build
