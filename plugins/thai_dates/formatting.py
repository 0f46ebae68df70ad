"""Dates as Thai and English readers write them.

Babel gives the month names; it has no Buddhist calendar, so the Buddhist-Era
year (Gregorian + 543, the offset that plugins.core.staff_dates reads dates with) is added
here, for every page.
"""

from datetime import date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date

from plugins.core.staff_dates import BUDDHIST_ERA_OFFSET

# Thai readers expect the abbreviated month ("28 พ.ค. 2567"),
# English readers the full one ("28 May 2024").
MONTH_PATTERN = {"th": "MMM", "en": "MMMM"}


def buddhist_year(day: date) -> int:
    return day.year + BUDDHIST_ERA_OFFSET


SITE_ZONE = ZoneInfo("Asia/Bangkok")  # the filters are given TIMEZONE; this is its default


def _as_date(value: date | datetime, zone: tzinfo = SITE_ZONE) -> date:
    """The day in the site's own time zone: 2024-05-28 23:30 Z is the 29th in Khon Kaen."""
    if isinstance(value, datetime):
        return (value.astimezone(zone) if value.tzinfo else value).date()
    return value


def _year(day: date, lang: str) -> str:
    return str(buddhist_year(day) if lang == "th" else day.year)


@lru_cache(maxsize=4096)  # a site has a few hundred distinct days; Babel is slow
def _day_month(day: date, lang: str) -> str:
    return format_date(day, f"d {MONTH_PATTERN[lang]}", locale=lang)


def _month(day: date, lang: str) -> str:
    return format_date(day, MONTH_PATTERN[lang], locale=lang)


def format_day(value: date | datetime, lang: str, zone: tzinfo = SITE_ZONE) -> str:
    """'28 พ.ค. 2567' in Thai, '28 May 2024' in English."""
    day = _as_date(value, zone)
    return f"{_day_month(day, lang)} {_year(day, lang)}"


def format_weekday(value: date | datetime, lang: str, zone: tzinfo = SITE_ZONE) -> str:
    """A day of the programme: 'วันอังคารที่ 28 พ.ค. 2567', 'Tuesday 28 May 2024'."""
    day = _as_date(value, zone)
    weekday = format_date(day, "EEEE", locale=lang)
    if lang == "th":
        return f"{weekday}ที่ {format_day(day, lang)}"
    return f"{weekday} {format_day(day, lang)}"


def format_times(start, end, lang: str) -> str:
    """A show's hours as each language writes them: '17.30–18.45 น.', '17.30–18.45'."""
    hours = f"{start:%H.%M}–{end:%H.%M}"
    return f"{hours} น." if lang == "th" else hours


def format_range(start: date | datetime, end: date | datetime, lang: str,

                 zone: tzinfo = SITE_ZONE) -> str:  # fmt: skip
    """'27 พ.ค. – 2 มิ.ย. 2567', '27–31 May 2024', '28 Dec 2024 – 2 Jan 2025'."""
    first, last = _as_date(start, zone), _as_date(end, zone)
    if first == last:
        return format_day(first, lang)
    if first.year != last.year:
        return f"{format_day(first, lang)} – {format_day(last, lang)}"
    if first.month != last.month:
        return f"{_day_month(first, lang)} – {format_day(last, lang)}"
    return f"{first.day}–{last.day} {_month(last, lang)} {_year(last, lang)}"


def iso_date(value: date | datetime, zone: tzinfo = SITE_ZONE) -> str:
    """The machine-readable form for <time datetime>."""
    return _as_date(value, zone).isoformat()
