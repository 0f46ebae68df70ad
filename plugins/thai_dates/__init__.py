"""Jinja filters for Buddhist-Era Thai dates and English dates.

In templates: ``{{ article.date | day(DEFAULT_LANG) }}``,
``{{ start | date_range(end, DEFAULT_LANG) }}``, ``{{ article.date | iso_date }}``.
"""

from pelican import signals

from .formatting import format_day, format_range, iso_date

FILTERS = {"day": format_day, "date_range": format_range, "iso_date": iso_date}


def add_filters(generator):
    generator.env.filters.update(FILTERS)


def register():
    signals.generator_init.connect(add_filters)
