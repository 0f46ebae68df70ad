"""The fair itself: editions (dates, venue, programme), OTOP products, structured data.

content/editions/27.md (+ 27.en.md, 27.programme.md) and content/products/<slug>.md
(+ .en.md) are read and checked when a build starts; a mistake stops it with one line
naming the file, the line and the field. Needs content_rules and bilingual (listed first).
"""

import sys
from pathlib import Path

from content_rules import ContentError, is_subsite
from pelican import signals

from .generator import FAIR_KEY, FairGenerator
from .helpers import add_template_helpers
from .readers import read_fair
from .references import reference_problems

DEFAULTS = {"FAIR_EDITIONS_PATH": "editions", "FAIR_PRODUCTS_PATH": "products"}


def read_and_check(pelican):
    settings = pelican.settings
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    if is_subsite(settings) and FAIR_KEY in settings:
        return
    root = Path(settings["PATH"]).resolve().parent
    fair = read_fair(settings, lambda path: str(Path(path).resolve().relative_to(root)))
    problems = sorted(
        fair.problems + reference_problems(settings, fair), key=lambda p: (p.path, p.line)
    )
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise ContentError(problems)
    settings[FAIR_KEY] = fair


def add_generator(pelican):
    return FairGenerator


def register():
    signals.initialized.connect(read_and_check)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(add_template_helpers)
