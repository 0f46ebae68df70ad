"""Check the writers' front matter before a build, and give every page its slug.

Every problem is printed as ``content/news/x.md:3: what is wrong (the fix)`` and the
build stops before anything is written. Slugs are ASCII and shared by a page and its
translations; Thai category and tag names get romanized slugs.

``plugins.pipeline`` calls ``build_index`` when a build starts and ``remember_names`` when
it ends; this plugin's own handler gives each page read by Pelican its slug and language.
"""

from pelican import signals

from plugins.core.state import state_of

from .checks import STATUS_WORDS, ContentIndex, build_index, save_romanized

__all__ = ["build_index", "remember_names"]
from .reader import use_staff_reader
from .slugs import name_slug


def apply_slug_and_language(content):
    index = state_of(content.settings).index
    source = index.find(content.source_path)
    if source is None:
        return
    content.slug = source.slug
    content.metadata["slug"] = source.slug
    content.lang = source.lang
    content.in_default_lang = source.lang == content.settings["DEFAULT_LANG"]
    if source.status and source.status != getattr(content, "status", source.status):
        content.status = content.metadata["status"] = source.status  # its original's draft
    names = [content.category] if getattr(content, "category", None) else []
    for name in names + list(getattr(content, "tags", [])):
        name.slug = index_name_slug(index, name.name)


def index_name_slug(index: ContentIndex, name: str) -> str:
    """Slugs of category and tag names, remembered: romanizing Thai takes a moment."""
    if name not in index.name_slugs:
        index.name_slugs[name] = index.romanized[name] = name_slug(name, index.name_slugs)
    return index.name_slugs[name]


def remember_names(state) -> None:
    """Keep this build's romanized names for the next one, which then needs no pythainlp."""
    save_romanized(state.cache_path, state.index.romanized)


def status_in_pelicans_words(generator, metadata):
    """The office may write ร่าง or ซ่อน; Pelican knows draft and hidden."""
    status = metadata.get("status")
    if status:
        metadata["status"] = STATUS_WORDS.get(status.strip().lower(), status)


HANDLERS = {
    signals.readers_init: use_staff_reader,
    signals.content_object_init: apply_slug_and_language,
    signals.article_generator_context: status_in_pelicans_words,
    signals.page_generator_context: status_in_pelicans_words,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
