"""The programme of an edition: a Markdown table, one row per show or activity.

| Date       | Start | End   | Thai title   | English title    | Thai place | English place |
|------------|-------|-------|--------------|------------------|------------|---------------|
| 2024-05-28 | 17.30 | 19.00 | พิธีเปิดงาน    | Opening ceremony | เวทีกลาง    | Central stage |
"""

from pathlib import Path

from plugins.core.problems import Problem
from plugins.core.staff_dates import read_clock, read_date

from .model import Edition, Event

COLUMNS = 7
COLUMN_NAMES = "date | start | end | Thai | English | Thai place | English place"


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def read_programme(path: Path, edition: Edition, shown) -> tuple[list[Event], list[Problem]]:
    events, problems = [], []
    rows = [(n, line) for n, line in enumerate(path.read_text("utf-8-sig").splitlines(), 1)]
    rows = [(n, line) for n, line in rows if line.strip().startswith("|")]
    for number, line in rows[2:]:  # after the header and its |---| line
        event, problem = read_row(cells(line), number, edition)
        if event and event.uid in {e.uid for e in events}:
            problem = (
                f'repeats "{event.titles["th"]}" on {event.day} (give the second one another title)'
            )
        if problem:
            problems.append(Problem(shown(path), number, problem))
        else:
            events.append(event)
    return events, problems


def read_row(row: list[str], line: int, edition: Edition) -> tuple[Event | None, str | None]:
    if len(row) != COLUMNS:
        return None, f"has {len(row)} columns; a row has {COLUMNS}: {COLUMN_NAMES}"
    day_text, start_text, end_text, title_th, title_en, place_th, place_en = row
    reading = read_date(day_text)
    if reading.problem:
        return None, f'Date "{day_text}" {reading.problem}'
    day = reading.day
    start, end = read_clock(start_text), read_clock(end_text)
    if start is None or end is None:
        bad = start_text if start is None else end_text
        return None, f'"{bad}" is not a time (write 18.00)'
    if end <= start:
        return None, f"ends at {end_text}, before it starts at {start_text} (check the times)"
    if not edition.start <= day <= edition.end:
        return None, f"is on {day}, outside the edition's dates {edition.start} – {edition.end}"
    if not title_th:
        return None, "has no Thai title"
    return Event(
        day, start, end, {"th": title_th, "en": title_en}, {"th": place_th, "en": place_en}, line
    ), None
