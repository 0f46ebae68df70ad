"""Jinja filters for Buddhist-Era Thai dates and English dates.

In templates: ``{{ article.date | day(DEFAULT_LANG) }}``,
``{{ start | date_range(end, DEFAULT_LANG) }}``, ``{{ article.date | iso_date }}``.
"""

from zoneinfo import ZoneInfo

from pelican import signals

from .formatting import format_day, format_range, format_times, format_weekday, iso_date


def add_filters(generator):
    """The filters, with the site's time zone (TIMEZONE): a date written with another
    zone is shown as the day it is where the fair is."""
    zone = ZoneInfo(generator.settings.get("TIMEZONE") or "Asia/Bangkok")
    generator.env.filters.update(
        day=lambda value, lang: format_day(value, lang, zone),
        weekday_day=lambda value, lang: format_weekday(value, lang, zone),
        times=format_times,
        date_range=lambda start, end, lang: format_range(start, end, lang, zone),
        iso_date=lambda value: iso_date(value, zone),
    )


def register():
    signals.generator_init.connect(add_filters)
