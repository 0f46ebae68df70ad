"""The programme of an edition: one item per show or activity, in the edition's own file
(``content/editions/27.md``), both languages in the item, as the browser editor writes it:

    Programme:
      - Date: 2024-05-28
        Start: '17.30'
        End: '19.00'
        Title: พิธีเปิดงาน
        Title_en: Opening ceremony
        Place: เวทีกลาง
        Place_en: Central stage

The older form, a Markdown table in ``27.programme.md``, is still read:

| Date       | Start | End   | Thai title   | English title    | Thai place | English place |
|------------|-------|-------|--------------|------------------|------------|---------------|
| 2024-05-28 | 17.30 | 19.00 | พิธีเปิดงาน    | Opening ceremony | เวทีกลาง    | Central stage |
"""

from pathlib import Path

from plugins.core.problems import Problem
from plugins.core.staff_dates import read_clock, read_date

from .model import LAST_NIGHT_HOUR, PAST_MIDNIGHT, Edition, Event, Text

COLUMNS = 7
COLUMN_NAMES = "date | start | end | Thai | English | Thai place | English place"
PARTS = ("date", "start", "end", "title", "title_en", "place", "place_en")  # an item's keys
BOTH = (
    "the programme is both here and in {old} (keep one: move the rows of {old} into "
    "Programme: here, as the editor writes it, and delete {old})"
)


def programme_of(edition: Edition, text: Text, old_file: Path, shown) -> tuple[list, list]:
    """The edition's events, from its Programme: field, else from the older table file."""
    if "programme" in text.matter.fields:
        if old_file.exists():
            return [], [text.problem("programme", BOTH.format(old=shown(old_file)))]
        return read_listed(text, edition)
    return read_programme(old_file, edition, shown) if old_file.exists() else ([], [])


def read_listed(text: Text, edition: Edition) -> tuple[list[Event], list[Problem]]:
    events, problems = [], []
    for number, item in enumerate(text.matter.items("programme")):
        if not isinstance(item, dict):
            message = "a show of the programme is Date, Start, End, Title, Place (with their _en)"
            problems.append(text.problem("programme", message, number))
            continue
        item = {
            key.lower(): (value if isinstance(value, str) else "") for key, value in item.items()
        }
        line = text.matter.item_line("programme", number)
        event, wrong = read_row([item.get(part, "").strip() for part in PARTS], line, edition)
        wrong = wrong or repeated(event, events)
        if wrong:
            message, part = wrong
            problems.append(text.problem("programme", f"Programme: {message}", number, part))
        else:
            events.append(event)
    return events, problems


def repeated(event: Event, events: list[Event]) -> tuple[str, str] | None:
    if event.uid in {e.uid for e in events}:
        title = event.titles["th"]
        return f'repeats "{title}" on {event.day} (give the second one another title)', "title"
    return None


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_programme(path: Path, edition: Edition, shown) -> tuple[list[Event], list[Problem]]:
    events, problems = [], []
    rows = [(n, line) for n, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1)]
    rows = [(n, line) for n, line in rows if line.strip().startswith("|")]
    for number, line in rows[2:]:  # after the header and its |---| line
        row = cells(line)
        if len(row) != COLUMNS:
            wrong = (f"has {len(row)} columns; a row has {COLUMNS}: {COLUMN_NAMES}", "")
            event = None
        else:
            event, wrong = read_row(row, number, edition)
            wrong = wrong or repeated(event, events)
        if wrong:
            problems.append(Problem(shown(path), number, wrong[0]))
        else:
            events.append(event)
    return events, problems


def read_row(row: list[str], line: int, edition: Edition) -> tuple[Event | None, tuple | None]:
    """An event, or (what is wrong, which part: date, start, end or title)."""
    day_text, start_text, end_text, title_th, title_en, place_th, place_en = row
    reading = read_date(day_text)
    if reading.problem:
        return None, (f'Date "{day_text}" {reading.problem}', "date")
    day = reading.day
    start, end = read_clock(start_text), read_clock(end_text)
    if start is None or end is None:
        bad, part = (start_text, "start") if start is None else (end_text, "end")
        return None, (f'"{bad}" is not a time (write 18.00)', part)
    if end == start:
        return None, (f"ends at {end_text}, when it starts (write when it ends)", "end")
    if end < start and end >= LAST_NIGHT_HOUR:
        message = f"ends at {end_text}, before it starts at {start_text} ({PAST_MIDNIGHT})"
        return None, (message, "end")

    if not edition.start <= day <= edition.end:
        dates = f"{edition.start} – {edition.end}"
        return None, (f"is on {day}, outside the edition's dates {dates}", "date")
    if not title_th:
        return None, ("has no Thai title", "title")
    titles, places = {"th": title_th, "en": title_en}, {"th": place_th, "en": place_en}
    return Event(day, start, end, titles, places, line), None
