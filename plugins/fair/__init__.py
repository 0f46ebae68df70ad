"""The fair itself: editions (dates, venue, programme), OTOP products, structured data.

content/editions/27.md (+ 27.en.md, 27.programme.md) and content/products/<slug>.md
(+ .en.md) are read and checked when a build starts (``plugins.pipeline`` calls
``checked_fair``); a mistake stops it with one line naming the file, the line and the
field. Booth QR codes are written once every language is (``write_booth_codes``).
"""

from pathlib import Path

from pelican import signals

from plugins.core.problems import ContentError, in_order

from .generator import FairGenerator, write_booth_codes
from .helpers import add_template_helpers
from .readers import Fair, read_fair
from .references import reference_problems

__all__ = ["checked_fair", "write_booth_codes"]

DEFAULTS = {"FAIR_EDITIONS_PATH": "editions", "FAIR_PRODUCTS_PATH": "products"}


def fill_in_settings(pelican):
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def checked_fair(settings: dict, state) -> Fair:
    """The editions and products, read; any problem in them stops the build."""
    root = Path(settings["PATH"]).resolve().parent
    shown = lambda path: str(Path(path).resolve().relative_to(root))  # noqa: E731
    fair = read_fair(settings, state.languages, state.addresses, shown)
    problems = fair.problems + reference_problems(settings, state.index, fair)
    if problems:
        raise ContentError(in_order(problems))
    return fair


def add_generator(pelican):
    return FairGenerator


HANDLERS = {
    signals.initialized: fill_in_settings,
    signals.get_generators: add_generator,
    signals.generator_init: add_template_helpers,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
