"""Photo galleries: content/galleries/<name>/ → /galleries/<name>/ in every language.

Every photo is made once into several widths of WebP and JPEG (upright, sRGB, with no
metadata at all), in a process pool, with a cache keyed on its bytes and the settings.
``plugins.pipeline`` calls ``build_galleries`` when a build starts and ``publish`` when
every language is written.
"""

from pelican import signals

from .generator import GalleryGenerator, build_galleries, publish
from .settings import with_defaults

__all__ = ["build_galleries", "publish", "with_defaults"]


def fill_in_settings(pelican):
    with_defaults(pelican.settings)


def add_generator(pelican):
    return GalleryGenerator


HANDLERS = {signals.initialized: fill_in_settings, signals.get_generators: add_generator}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
