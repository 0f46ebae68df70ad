"""Dates and times as the office writes them, read in one place for every file: front
matter, editions, the programme, galleries and the staff commands.

    2024-05-28   2567-05-28   28/05/2567   28/5/2024   28 พ.ค. 2567   28 พฤษภาคม 2567
    with a time: 17:30   17.30   17.30 น.

A year of 2400 or more is a Buddhist-Era year (no date of this site is that late in the
Common Era) and loses 543. A day/month/year with a Common-Era year whose day and month could
both be months (05/06/2024) is refused: the writer is asked to write it year-month-day.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, time

FIRST_BUDDHIST_YEAR = 2400
BUDDHIST_ERA_OFFSET = 543
EXAMPLE = "2024-05-28"

MONTHS = {
    1: ["ม.ค.", "มกราคม", "มค", "jan", "january"],
    2: ["ก.พ.", "กุมภาพันธ์", "กพ", "feb", "february"],
    3: ["มี.ค.", "มีนาคม", "มีค", "mar", "march"],
    4: ["เม.ย.", "เมษายน", "เมย", "apr", "april"],
    5: ["พ.ค.", "พฤษภาคม", "พค", "may"],
    6: ["มิ.ย.", "มิถุนายน", "มิย", "jun", "june"],
    7: ["ก.ค.", "กรกฎาคม", "กค", "jul", "july"],
    8: ["ส.ค.", "สิงหาคม", "สค", "aug", "august"],
    9: ["ก.ย.", "กันยายน", "กย", "sep", "sept", "september"],
    10: ["ต.ค.", "ตุลาคม", "ตค", "oct", "october"],
    11: ["พ.ย.", "พฤศจิกายน", "พย", "nov", "november"],
    12: ["ธ.ค.", "ธันวาคม", "ธค", "dec", "december"],
}
MONTH_NUMBERS = {name.lower(): number for number, names in MONTHS.items() for name in names}
MONTH_NAME = "|".join(sorted((re.escape(n) for n in MONTH_NUMBERS), key=len, reverse=True))

CLOCK = r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\s*น\.?)?"
ZONE = r"(?:\s*(Z|[+-]\d{2}:?\d{2}))?"
AT = rf"(?:[ T]+(?:เวลา\s*)?{CLOCK})?{ZONE}"
ISO = re.compile(rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){AT}$")
SLASHED = re.compile(rf"^(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}){AT}$")
WORDS = re.compile(rf"^(\d{{1,2}})\s*({MONTH_NAME})\s*(\d{{4}}){AT}$", re.IGNORECASE)
CLOCK_ALONE = re.compile(rf"^{CLOCK}$")


@dataclass(frozen=True)
class Reading:
    """What a date as written says: the day and time, or what is wrong and the fix."""

    day: date | None = None
    clock: time | None = None
    zone: str = ""
    problem: str = ""  # e.g. 'is not a date (write 2024-05-28)'

    def iso(self) -> str:
        """As Pelican reads it: 2024-05-28, or 2024-05-28 17:30."""
        text = self.day.isoformat()
        if self.clock:
            text += f" {self.clock:%H:%M}" + (f":{self.clock:%S}" if self.clock.second else "")
        return text + self.zone


def common_era(year: int) -> int:
    return year - BUDDHIST_ERA_OFFSET if year >= FIRST_BUDDHIST_YEAR else year


def clock_of(hour: str | None, minute: str | None, second: str | None) -> time | bool | None:
    """The time, None when none was written, False when it is no time of day."""
    if hour is None:
        return None
    if int(hour) < 24 and int(minute) < 60 and int(second or 0) < 60:
        return time(int(hour), int(minute), int(second or 0))
    return False


def read_clock(text: str) -> time | None:
    """17:30, 17.30 or 17.30 น.; None for anything else."""
    found = CLOCK_ALONE.match(text.strip())
    return (clock_of(*found.groups()) or None) if found else None


THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def read_date(text: str) -> Reading:
    """A date (and time) as the office writes it, in Thai digits too (๒๘ พ.ค. ๒๕๖๗)."""
    value = " ".join(text.translate(THAI_DIGITS).split())

    for pattern, order in ((ISO, "ymd"), (SLASHED, "dmy"), (WORDS, "dmy")):
        found = pattern.match(value)
        if found:
            return judged(value, order, found.groups(), pattern is SLASHED)
    return Reading(problem=f"is not a date (write {EXAMPLE})")


def judged(value: str, order: str, parts: tuple, slashed: bool) -> Reading:
    first, second, third, hour, minute, second_of_minute, zone = parts
    if order == "ymd":
        year, month, day = int(first), int(second), int(third)
    else:
        day, year = int(first), int(third)
        month = int(second) if second.isdigit() else MONTH_NUMBERS[second.lower()]
    if slashed and year < FIRST_BUDDHIST_YEAR and day <= 12 and month <= 12 and day != month:
        options = f"{year}-{month:02d}-{day:02d} or {year}-{day:02d}-{month:02d}"
        return Reading(problem=f"could be read two ways (write year-month-day: {options})")
    try:
        day_of = date(common_era(year), month, day)
    except ValueError:
        return Reading(problem=no_such_day(value, order, year, month, day))

    clock = clock_of(hour, minute, second_of_minute)
    if clock is False:
        return Reading(problem=f"has no such time of day (write {day_of.isoformat()} 23:59)")
    return Reading(day_of, clock, zone or "")


SENSIBLE_YEARS = range(2000, 2101)  # in the Common Era: 2543 to 2643 in the Buddhist Era


def doubtful_year(day: date) -> str | None:
    """A date that reads well but is surely a slip of the keyboard: the year 0001, or 2399
    (a Buddhist-Era year is 2400 or more)."""
    if day.year in SENSIBLE_YEARS:
        return None
    return (
        f"is in the year {day.year} (Buddhist Era {day.year + BUDDHIST_ERA_OFFSET}): check the "
        f"year, e.g. {EXAMPLE} or 28 พ.ค. 2567"
    )


MONTH_NAMES_IN_ENGLISH = ["January", "February", "March", "April", "May", "June", "July",
                          "August", "September", "October", "November", "December"]  # fmt: skip


def no_such_day(written: str, order: str, year: int, month: int, day: int) -> str:
    """Why a date that reads well is no day, and the nearest one written the same way:
    31/02/2567 → 'February 2567 has 29 days (write 29/02/2567)'."""
    if not 1 <= month <= 12:
        return f"has no month {month} (write {EXAMPLE}, or 28 พ.ค. 2567)"
    days = calendar.monthrange(common_era(year), month)[1]
    last = f"{year}-{month:02d}-{days:02d}" if order == "ymd" else written_like(written, days)
    name = MONTH_NAMES_IN_ENGLISH[month - 1]
    return f"has no such day: {name} {year} has {days} days (write {last})"


def written_like(written: str, day: int) -> str:
    """The date as written, with another day: 31/02/2567 → 29/02/2567."""
    found = re.match(r"^\s*(\d{1,2})", written)
    return f"{day:02d}{written[found.end() :]}" if found else written


# A date in the prose of a press release: "เมื่อเวลา 17.30 น.วันที่ 28 พ.ค. 2567", "วันที่ 27 พ.ค. –
# 2 มิ.ย.2567" (a range: its start, the year from its end), "๒๘ พฤษภาคม พ.ศ. ๒๕๖๗", "28 พ.ค. 67".
ERA = r"(?:(?:พ\.\s?ศ\.|ค\.\s?ศ\.)\s*)?"
IN_PROSE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\s*[-–—]\s*\d{{1,2}})?\s*({MONTH_NAME})(?![a-z])\s*{ERA}"
    rf"(\d{{4}}|\d{{2}}(?!\d))?",
    re.IGNORECASE,
)
CLOCK_IN_PROSE = re.compile(r"(?:เวลา\s*(\d{1,2})[.:](\d{2})|(\d{1,2})[.:](\d{2})\s*น\.)")
NEAR = 40  # characters around a date where its time is looked for


@dataclass(frozen=True)
class FoundDate:
    """The first date in a text, and the words it was read from, to show staff."""

    reading: Reading
    written: str


def find_in_prose(text: str) -> FoundDate | None:
    """The first date written in a text, with its time if one is written near it; None when
    it has no year, is no day (31 ก.พ.), or no date is there: nothing is guessed."""
    digits = text.translate(THAI_DIGITS)  # the same length: positions hold in `text`
    matches = list(IN_PROSE.finditer(digits))
    if not matches:
        return None
    first = matches[0]
    year_from = next((m for m in matches if m.group(3)), None)  # a range: the year at its end
    if not year_from or year_from.start() - first.end() > NEAR:
        return None
    day = date_of(first.group(1), first.group(2), year_from.group(3))
    return with_clock(text, digits, (first.start(), year_from.end()), day) if day else None


def date_of(day: str, month: str, year: str) -> date | None:
    """A two-digit year is a Buddhist-Era one, as the office shortens it: 67 is 2567."""
    number = int(year) + 2500 if len(year) == 2 else int(year)
    try:
        return date(common_era(number), MONTH_NUMBERS[month.lower()], int(day))
    except ValueError:
        return None


def with_clock(text: str, digits: str, span: tuple[int, int], day: date) -> FoundDate:
    """The time written nearest the date, if any, and the words both were read from."""
    start, end = span
    clocks = list(CLOCK_IN_PROSE.finditer(digits, max(0, start - NEAR), end + NEAR))
    for clock in sorted(clocks, key=lambda found: abs(found.start() - start)):
        hour, minute = clock.group(1) or clock.group(3), clock.group(2) or clock.group(4)
        moment = clock_of(hour, minute, None)
        if moment:
            first, last = min(clock.start(), start), max(clock.end(), end)
            return FoundDate(Reading(day, moment), text[first:last].strip())
    return FoundDate(Reading(day), text[start:end].strip())
