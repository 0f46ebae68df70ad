"""Photo galleries: content/galleries/<name>/ → /galleries/<name>/ in every language.

Every photo is made once into several widths of WebP and JPEG (upright, sRGB, with no
metadata at all), in a process pool, with a cache keyed on its bytes and the settings.
``plugins.pipeline`` calls ``build_galleries`` when a build starts and ``publish`` when
every language is written.
"""

import os

from pelican import signals

from plugins.core.state import state_of

from .generator import GalleryGenerator, build_galleries, publish
from .metadata import strip_copied_photos
from .settings import with_defaults

__all__ = ["build_galleries", "publish", "strip_photos", "with_defaults"]


def fill_in_settings(pelican):
    with_defaults(pelican.settings)


def add_generator(pelican):
    return GalleryGenerator


def note_copied_files(generator):
    """Pelican copies the files of STATIC_PATHS as they are: note them for strip_photos."""
    state = state_of(generator.settings)
    for static in generator.staticfiles:
        state.copied_files.append(os.path.join(generator.output_path, static.save_as))


def strip_photos(state) -> None:
    """No photo leaves with GPS or camera metadata, whichever way it came into the site."""
    strip_copied_photos(state.copied_files)


HANDLERS = {
    signals.initialized: fill_in_settings,
    signals.get_generators: add_generator,
    signals.static_generator_finalized: note_copied_files,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
