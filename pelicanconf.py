"""Settings for the OTOP City Khon Kaen site: Thai at /, English at /en/.

Deploy-only changes (absolute SITEURL, drafts off) live in publishconf.py.
"""

import hashlib
import os
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache

_JINJA_OPTIONS = {
    "extensions": ["jinja2.ext.i18n"],
    "trim_blocks": True,
    "lstrip_blocks": True,
    # Every value is escaped; only HTML cleaned by plugins/core/safe_html.py is marked safe.
    "autoescape": True,
}
# Compiled templates are kept by their source alone, so their folder is named after the
# options they were compiled with: a change of option never reuses the old compilation.
_COMPILED_WITH = hashlib.sha256(repr((_JINJA_OPTIONS, jinja2.__version__)).encode()).hexdigest()
_TEMPLATE_CACHE = Path(__file__).resolve().parent / "cache" / "templates" / _COMPILED_WITH[:12]
_TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)

SITENAME = "OTOP City ขอนแก่น"
SITESUBTITLE = "ข่าว ผลิตภัณฑ์ และภาพจากงาน OTOP City ขอนแก่น"  # what the feeds say they are
SITEURL = ""
ORGANISER = "สำนักงานพัฒนาชุมชนจังหวัดขอนแก่น"
AUTHOR = ORGANISER

PATH = "content"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
STATIC_CHECK_IF_MODIFIED = True  # a static file is copied again only when its source is newer
TIMEZONE = "Asia/Bangkok"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"  # pages show dates through the `day` filter instead

# ---- Languages -------------------------------------------------------------
DEFAULT_LANG = "th"
LANGUAGE_NAMES = {"th": "ไทย", "en": "English"}  # each in its own language, on purpose
OG_LOCALES = {"th": "th_TH", "en": "en_US"}
SOCIAL_CARD = {"th": "social/card-th.jpg", "en": "social/card-en.jpg"}  # in the theme's folder
I18N_SUBSITES = {
    "en": {
        "SITENAME": "OTOP City Khon Kaen",
        "SITESUBTITLE": "News, products and photos from the OTOP City fair in Khon Kaen",
        "ORGANISER": "Khon Kaen Provincial Community Development Office",
    }
}
# Template strings are written in English and translated by both catalogs,
# so the Thai and the English catalog are each complete and both are used.
I18N_TEMPLATES_LANG = "msgid"
I18N_UNTRANSLATED_ARTICLES = "keep"  # listed in the other language, marked, linked home
I18N_UNTRANSLATED_PAGES = "keep"
JINJA_ENVIRONMENT = {
    **_JINJA_OPTIONS,
    # Each build makes its own environments: no need to stat every template on every use,
    # nor to compile an unchanged template again (the cache is keyed on its source).
    "auto_reload": False,
    "bytecode_cache": FileSystemBytecodeCache(str(_TEMPLATE_CACHE)),
}

# Categories and tags: one slug for a name in every language.
CATEGORY_NAMES = {
    "news": {"th": "ข่าว", "en": "News"},
    "announcements": {"th": "ประกาศ", "en": "Announcements"},
}
TAG_NAMES = {
    "silk": {"th": "ผ้าไหม", "en": "Silk"},
    "food": {"th": "อาหาร", "en": "Food"},
    "stage": {"th": "เวที", "en": "Stage"},
}
DEFAULT_CATEGORY = "ข่าว"

# ---- Addresses: ASCII, the same path in both languages ---------------------
# The content_rules plugin sets every slug (see README); Pelican's own first guess,
# from the file name, is only a cheap placeholder.
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = ARTICLE_LANG_URL = "news/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "news/{slug}/index.html"
DRAFT_URL = DRAFT_LANG_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = PAGE_LANG_URL = "pages/{slug}/"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = "pages/{slug}/index.html"
DRAFT_PAGE_URL = DRAFT_PAGE_LANG_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = "drafts/pages/{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
INDEX_URL = "news/"
INDEX_SAVE_AS = "news/index.html"
HOME_SAVE_AS = "index.html"
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = ["home", "index", "categories", "tags", "archives", "search", "404", "offline"]
OFFLINE_SAVE_AS = "offline/index.html"  # shown by the service worker for a page not kept
# Kept on a phone for offline use after one visit, besides the current edition's pages.
OFFLINE_PAGES = ["pages/visit/"]
OFFLINE_BUDGET = 2_000_000  # bytes a first visit may keep: make check refuses above
PAGE_BUDGET = 1_000_000  # bytes a page may cost as it opens (itself and what it loads)
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
SEARCH_INDEX = True  # Pagefind, after the build (plugins/search)
PRINTED_EDITIONS = True  # an A4 PDF per edition and language, printed by Chromium (plugins/paper)
# GitHub Pages publishes at most 1 GB a site: `make check` warns at 80 % of this, `make
# github` refuses above it. GALLERY_PAST_WIDTHS = [480, 960] makes past editions' photos
# in two widths only (see the README, "When the editions no longer fit").
SITE_SIZE_BUDGET = 1_000_000_000
HOME_LATEST = 6
HOME_PRODUCTS = 6  # a row of the current edition's products with photos
HOME_GALLERIES = 4

DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None, "category": None, "tag": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Thai has no spaces between words: cut summaries by paragraph, not by word.
SUMMARY_MAX_LENGTH = None
SUMMARY_MAX_PARAGRAPHS = 1

# ---- Feeds: one Atom feed per language --------------------------------------
FEED_DOMAIN = "http://localhost:8000"  # publishconf.py: the real address
FEED_ATOM = "feeds/atom.xml"  # this language only (FEED_ALL_* would add translations)
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
FEED_RSS = "feeds/rss.xml"
RSS_FEED_SUMMARY_ONLY = False  # whole articles in both feeds
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# ---- Theme and plugins ---------------------------------------------------
THEME = "theme"
THEME_STATIC_DIR = "theme"
# The faces each language's pages show above the fold, loaded before the first paint so no
# line moves when they arrive (the bold face loading late moved the home page by 0.049).
# Thai pages show digits and Latin in their first screen too (28 พ.ค. 2567, ครั้งที่ 27,
# OTOP): without the Latin faces those come in the fallback face, two typefaces on a line.
PRELOAD_FONTS = {
    "th": [
        "fonts/sarabun-thai-400-normal.woff2",
        "fonts/sarabun-thai-700-normal.woff2",
        "fonts/sarabun-latin-400-normal.woff2",
        "fonts/sarabun-latin-700-normal.woff2",
    ],
    "en": ["fonts/sarabun-latin-400-normal.woff2", "fonts/sarabun-latin-700-normal.woff2"],
}
CSS_LAYERS = ["tokens", "reset", "layout", "components", "media", "print"]
# No inline script or style anywhere; Pagefind's search needs WebAssembly; the only frames are
# the video players plugins/core/safe_html.py lets through.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src https://www.youtube.com https://www.youtube-nocookie.com https://www.facebook.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
# Our plugins are the package plugins/ at the top of the repository; their order does not
# matter (plugins.pipeline runs the steps that depend on each other, in order).
PLUGIN_PATHS = ["."]
PLUGINS = [
    "pelican.plugins.i18n_subsites",
    "plugins.pipeline",
    "plugins.content_rules",
    "plugins.bilingual",
    "plugins.thai_dates",
    "plugins.theme_assets",
    "plugins.gallery",
    "plugins.fair",
    "plugins.social",
    "plugins.sitemap",
]
READERS = {"rst": None, "htm": None, "html": None}  # Markdown only
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "plugins.core.safe_html": {},  # last: what Markdown makes is cleaned by an allow-list
    },
    "output_format": "html5",
}

# Re-read only changed sources on the next build.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
GZIP_CACHE = False  # the cache is local: reading and writing it fast matters more than size
CACHE_PATH = "cache"
DELETE_OUTPUT_DIRECTORY = False
PREVIEW = False  # `invoke livereload` sets it: pages then show build problems over them

# ---- The browser editor at /admin/ (plugins/editor) ---------------------------------
EDITOR = True
# Where the editor's bundle is built once and kept (about a minute to make, 17 MB): shared
# by every build of this checkout, whatever its CACHE_PATH; make clean-cache removes it.
EDITOR_CACHE = os.environ.get("EDITOR_CACHE") or str(
    Path(__file__).resolve().parent / "cache" / "editor"
)
EDITOR_REPOSITORY = ""  # owner/name on GitHub; empty: the git remote "origin" says
EDITOR_AUTH_URL = ""  # GitHub sign-in through Sveltia's auth worker (README), if used
