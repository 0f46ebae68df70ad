"""The programme as iCalendar (RFC 5545): one file for the fair, one per event."""

from datetime import datetime
from functools import cache

from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

from .model import BANGKOK, Edition, Event

PRODUCT_ID = "-//OTOP City Khon Kaen//Programme//TH"


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Bangkok")
    return calendar


def calendar_event(
    edition: Edition, event: Event, lang: str, url: str, domain: str
) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"otop-city-{edition.number}-{event.uid}@{domain}")
    # A stable stamp: the same programme gives the same file on every build.
    entry.add("dtstamp", datetime.combine(edition.start, datetime.min.time(), BANGKOK))
    entry.add("dtstart", event.starts())
    entry.add("dtend", event.ends())
    entry.add("summary", event.titles.get(lang) or event.titles["th"])
    place = event.places.get(lang) or event.places["th"]
    entry.add("location", f"{place}, {edition.text(lang, 'venue')}")
    entry.add("url", url)
    return entry


@cache
def timezone_component(tzid: str) -> Timezone:
    """VTIMEZONE for `tzid`: the same for every calendar, and slow to work out."""
    return Timezone.from_tzid(tzid)


def finished(calendar: Calendar) -> bytes:
    """The calendar with the VTIMEZONE its times need, first, as icalendar would add it."""
    missing = sorted(calendar.get_missing_tzids())
    calendar.subcomponents[:0] = [timezone_component(tzid) for tzid in missing]
    return calendar.to_ical()


def programme_calendar(edition: Edition, lang: str, url: str, domain: str) -> bytes:
    calendar = new_calendar(edition.text(lang, "title"))
    for event in edition.events:
        calendar.add_component(calendar_event(edition, event, lang, url, domain))
    return finished(calendar)


def event_calendar(edition: Edition, event: Event, lang: str, url: str, domain: str) -> bytes:
    calendar = new_calendar(event.titles.get(lang) or event.titles["th"])
    calendar.add_component(calendar_event(edition, event, lang, url, domain))
    return finished(calendar)
