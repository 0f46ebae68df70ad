"""Check the writers' front matter before a build, and give every page its slug.

Every problem is printed as ``content/news/x.md:3: what is wrong (the fix)`` and the
build stops before anything is written. Slugs are ASCII and shared by a page and its
translations; Thai category and tag names get romanized slugs.
"""

import sys

from pelican import signals

from .checks import ContentIndex, build_index, save_romanized
from .slugs import name_slug

INDEX_KEY = "CONTENT_INDEX"
FRESH_KEY = "CONTENT_INDEX_IS_FRESH"


class ContentError(Exception):
    """The content has problems a writer must fix; they were printed one per line."""

    def __init__(self, problems):
        self.problems = problems
        count = len(problems)
        super().__init__(f"{count} problem{'s' if count > 1 else ''} in the content (listed above)")


def is_subsite(settings: dict) -> bool:
    return settings["DEFAULT_LANG"] in settings.get("I18N_SUBSITES", {})


def check_content(pelican):
    """A new build: check before any plugin keeps state about it."""
    settings = pelican.settings
    if is_subsite(settings) and INDEX_KEY in settings:
        return  # the main site checked the same files a moment ago
    refresh_index(settings)
    settings[FRESH_KEY] = True


def recheck_on_rebuild(pelican):
    """`pelican --autoreload` runs the same Pelican object again after each change."""
    settings = pelican.settings
    if settings.pop(FRESH_KEY, False) or is_subsite(settings):
        return
    refresh_index(settings)


def refresh_index(settings: dict):
    index = build_index(settings)
    if index.problems:
        for problem in index.problems:
            print(problem, file=sys.stderr)
        raise ContentError(index.problems)
    settings[INDEX_KEY] = index


def apply_slug_and_language(content):
    index: ContentIndex | None = content.settings.get(INDEX_KEY)
    source = index.find(content.source_path) if index else None
    if source is None:
        return
    content.slug = source.slug
    content.metadata["slug"] = source.slug
    content.lang = source.lang
    content.in_default_lang = source.lang == content.settings["DEFAULT_LANG"]
    names = [content.category] if getattr(content, "category", None) else []
    for name in names + list(getattr(content, "tags", [])):
        name.slug = index_name_slug(index, name.name)


def index_name_slug(index: ContentIndex, name: str) -> str:
    """Slugs of category and tag names, remembered: romanizing Thai takes a moment."""
    if name not in index.name_slugs:
        index.name_slugs[name] = index.romanized[name] = name_slug(name, index.name_slugs)
    return index.name_slugs[name]


def remember_romanized_names(pelican):
    """Keep this build's romanized names for the next one, which then needs no pythainlp."""
    index = pelican.settings.get(INDEX_KEY)
    if index is not None and not is_subsite(pelican.settings):
        save_romanized(pelican.settings["CACHE_PATH"], index.romanized)


HANDLERS = {
    signals.initialized: check_content,
    signals.get_generators: recheck_on_rebuild,
    signals.content_object_init: apply_slug_and_language,
    signals.finalized: remember_romanized_names,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
