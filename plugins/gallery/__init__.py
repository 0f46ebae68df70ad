"""Photo galleries: content/galleries/<name>/ → /galleries/<name>/ in every language.

Every photo is made once into several widths of WebP and JPEG (upright, sRGB, with no
metadata at all), in a process pool, with a cache keyed on its bytes and the settings.
Needs the content_rules and bilingual plugins (listed before it in PLUGINS).
"""

from pelican import signals

from .generator import GalleryGenerator
from .settings import with_defaults


def fill_in_settings(pelican):
    with_defaults(pelican.settings)


def add_generator(pelican):
    return GalleryGenerator


def register():
    signals.initialized.connect(fill_in_settings)
    signals.get_generators.connect(add_generator)
