"""Photos: the galleries (content/galleries/<name>/ → /galleries/<name>/ in every language)
and every other photo of the site (press releases, ``Photo:`` fields, content/images/).

Every photo is made once into several widths of WebP and one JPEG (upright, sRGB, with
no metadata at all), in a process pool, with a cache keyed on its bytes and the settings.
``plugins.pipeline`` calls ``build_photos`` when a build starts, ``publish`` and
``check_published`` when every language is written. Pages name photos as they like;
``place_photos`` gives each reference the published files.
"""

from pelican import signals

from plugins.core.problems import shown_path
from plugins.core.state import state_of

from .budget import write_size_report
from .generator import GalleryGenerator, build_photos, publish
from .guard import check_published
from .inline import photos_in_html, place_photos
from .settings import with_defaults
from .static_files import map_paths, publishable

__all__ = [
    "build_photos",
    "check_published",
    "photos_in_html",
    "publish",
    "with_defaults",
    "write_size_report",
]


def fill_in_settings(pelican):
    with_defaults(pelican.settings)


def add_generator(pelican):
    return GalleryGenerator


def publish_only_what_readers_need(generator):
    """Pelican would copy files of content/ as they are: photos are published through the
    pipeline instead (never the original with its metadata), venue maps are drawn in their
    pages, and anything active (HTML, SVG, scripts) is refused (static_files.py)."""
    state = state_of(generator.settings)
    shown = shown_path(generator.settings)
    kept, refused = publishable(generator.staticfiles, map_paths(state.fair), shown)
    generator.staticfiles = kept
    generator.context["staticfiles"] = [s for s in generator.context["staticfiles"] if s in kept]
    state.photos.refused.update(refused)


def photos_in_page(content):
    place_photos(content, state_of(content.settings))


HANDLERS = {
    signals.initialized: fill_in_settings,
    signals.get_generators: add_generator,
    signals.static_generator_finalized: publish_only_what_readers_need,
    signals.content_object_init: photos_in_page,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
