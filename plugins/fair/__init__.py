"""The fair itself: editions (dates, venue, programme), OTOP products, structured data.

content/editions/27.md (+ 27.en.md, 27.programme.md) and content/products/<slug>.md
(+ .en.md) are read and checked when a build starts (``plugins.pipeline`` calls
``read_and_judge``); a mistake stops it with one line naming the file, the line and the
field. Booth QR codes are written once every language is (``write_booth_codes``).
"""

from pelican import signals

from plugins.core.problems import in_order, shown_path

from .generator import FairGenerator, write_booth_codes
from .readers import Fair, attach_photos, read_fair
from .references import reference_problems

__all__ = ["attach_photos", "read_and_judge", "write_booth_codes"]

DEFAULTS = {"FAIR_EDITIONS_PATH": "editions", "FAIR_PRODUCTS_PATH": "products"}


def fill_in_settings(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def read_and_judge(settings: dict, languages, addresses, index) -> tuple[Fair, list]:
    """The editions and products, and every problem in them or in what names them."""
    fair = read_fair(settings, languages, addresses, shown_path(settings))
    return fair, in_order(fair.problems + reference_problems(settings, index, fair))


def add_generator(pelican):
    return FairGenerator


HANDLERS = {
    signals.initialized: fill_in_settings,
    signals.get_generators: add_generator,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
