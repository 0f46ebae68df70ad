"""Editions, their programme and the products, read from content/ and checked.

Each reader returns what it could read and a list of problems, one per mistake, each
naming the file, the line and the field, as content_rules does for news.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from plugins.core import front_matter
from plugins.core.front_matter import FrontMatter
from plugins.core.photo_references import (
    is_photo,
    missing_photo_message,
    near_name,
    photo_references,
    resolve,
)
from plugins.core.problems import Problem
from plugins.core.staff_dates import read_clock, read_date

from .names import closest, lookup

if TYPE_CHECKING:
    from plugins.gallery.galleries import Photo  # made by the photo pipeline

BANGKOK = ZoneInfo("Asia/Bangkok")
LAST_NIGHT_HOUR = time(6, 0)  # an end before this, earlier than the start, is after midnight
PAST_MIDNIGHT = "check the times; something open past midnight ends before 06.00"
PRICE = re.compile(r"^(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?$")
PRICE_AS_WRITTEN = re.compile(r"^\d[\d,]*(\.\d+)?(\s*[-–]\s*\d[\d,]*(\.\d+)?)?$")  # 1,800-6,500
BOOTH_CODE = re.compile(r"^[A-Z]{1,2}[0-9]{1,3}$")  # A07, H6, AB12: the letters of a zone


@dataclass
class Text:
    """What a Markdown file says, with the line of each field."""

    path: Path
    shown: str
    matter: FrontMatter
    body: str

    def get(self, key: str) -> str:
        return self.matter.get(key) or ""

    def problem(self, key: str, message: str, item: int | None = None, part: str = "") -> Problem:
        """A problem with a field, or with one item of a list field (and one part of it)."""
        matter = self.matter
        line = matter.line_of(key) if item is None else matter.item_line(key, item, part)
        return Problem(self.shown, line, message)

    def mistakes(self) -> list[Problem]:
        """What is wrong in the front matter itself (a quote not closed, bad indentation)."""
        return [Problem(self.shown, line, message) for line, message in self.matter.mistakes]


def read_text(path: Path, shown: str) -> Text:
    matter, body = front_matter.read(path)
    return Text(path, shown, matter, body)


@dataclass
class Event:
    day: date
    start: time
    end: time
    titles: dict[str, str]
    places: dict[str, str]
    line: int

    def starts(self) -> datetime:
        return datetime.combine(self.day, self.start, BANGKOK)

    def ends(self) -> datetime:
        """A show from 23.00 to 00.30 ends the next day."""
        after_midnight = timedelta(days=1) if self.end <= self.start else timedelta()
        return datetime.combine(self.day + after_midnight, self.end, BANGKOK)

    @property
    def uid(self) -> str:
        """Stable while the row keeps its day and Thai title, wherever it moves in the
        table and whatever its times become: calendars update the event, not copy it."""
        title = hashlib.sha256(self.titles["th"].encode()).hexdigest()[:10]
        return f"{self.day:%Y%m%d}-{title}"


class Written:
    """Something written in the main language (the site's DEFAULT_LANG), perhaps translated:
    `texts` by language."""

    texts: dict[str, Text]
    main_lang: str

    def text(self, lang: str, key: str) -> str:
        """A field in `lang`, or in the main language where it is not translated."""
        own = self.texts.get(lang)
        return (own.get(key) if own else "") or self.texts[self.main_lang].get(key)

    def lang_of(self, lang: str, key: str) -> str:
        """The language `text(lang, key)` is written in."""
        own = self.texts.get(lang)
        return lang if own and own.get(key) else self.main_lang

    def translated(self, lang: str) -> bool:
        return lang in self.texts


@dataclass
class Edition(Written):
    number: int
    start: date
    end: date
    opens: time
    closes: time
    latitude: float
    longitude: float
    texts: dict[str, Text] = field(default_factory=dict)  # lang → its file
    main_lang: str = field(kw_only=True)
    events: list[Event] = field(default_factory=list)
    zones: list = field(default_factory=list)  # which booths stand where (fair.zones.Zone)
    path: str = ""  # its address below a language's root, from EDITION_URL
    photo_paths: list[str] = field(default_factory=list)  # from Photo:, below content/
    photos: list["Photo"] = field(default_factory=list)  # as the photo pipeline made them

    @property
    def photo(self):
        return self.photos[0] if self.photos else None

    def starts(self) -> datetime:
        return datetime.combine(self.start, self.opens, BANGKOK)

    def ends(self) -> datetime:
        """A night fair that closes at 01.00 closes the morning after its last day."""
        after_midnight = timedelta(days=1) if self.closes <= self.opens else timedelta()
        return datetime.combine(self.end + after_midnight, self.closes, BANGKOK)

    def zone_of(self, booth: str):
        return next((zone for zone in self.zones if zone.holds(booth)), None)

    def days(self) -> list[date]:
        return sorted({event.day for event in self.events})

    def events_on(self, day: date) -> list[Event]:
        return sorted((e for e in self.events if e.day == day), key=lambda e: e.start)


@dataclass
class Product(Written):
    slug: str
    category: str
    stars: int
    district: str
    booth: str
    edition: int
    price: tuple[float, float] | None
    texts: dict[str, Text] = field(default_factory=dict)
    main_lang: str = field(kw_only=True)
    path: str = ""  # its address below a language's root, from PRODUCT_URL
    photo_paths: list[str] = field(default_factory=list)  # from Photo:, below content/
    photos: list["Photo"] = field(default_factory=list)  # as the photo pipeline made them

    @property
    def photo(self):
        return self.photos[0] if self.photos else None


# ---- Field readers: (value or None, problem message or None) ----------------------------


def read_photos(text: Text, root: Path) -> tuple[list[str], list[Problem]]:
    """`Photo: front.jpg, back.jpg`: files beside the Markdown file (or, written with a
    leading /, below content/), as paths below content/."""
    found, problems = [], []
    folder = text.path.parent
    for number, name in enumerate(text.matter.items("photo")):
        item = number if text.matter.is_list("photo") else None
        if not isinstance(name, str):
            problems.append(text.problem("photo", "Photo lists file names only", item))
            continue
        path = root / name.lstrip("/") if name.startswith("/") else folder / name
        if not is_photo(name):
            message = f'Photo "{name}" is not a photo (use JPEG, PNG, WebP or HEIC)'
            problems.append(text.problem("photo", message, item))
        elif not path.is_file():
            where, near = shown_folder(folder, root), near_name(path.parent, path.name)
            fix = f"did you mean {near}?" if near else "put the photo there, or check the name"
            message = f'Photo "{name}" is not in {where} ({fix})'
            problems.append(text.problem("photo", message, item))
        elif not path.resolve().is_relative_to(root.resolve()):
            message = (f'Photo "{name}" is outside content/ (put the photo beside the page, in '
                       f"{shown_folder(folder, root)}, and name it there)")  # fmt: skip
            problems.append(text.problem("photo", message, item))
        else:
            found.append(path.resolve().relative_to(root.resolve()).as_posix())
    return found, problems


def photos_of(texts: dict[str, Text], main: str, root: Path) -> tuple[list[str], list[Problem]]:
    """The photos of the `Photo:` line, and the problems of every photo the files name."""
    paths, problems = read_photos(texts[main], root)
    for text in texts.values():
        problems += body_photo_problems(text, root)
    return paths, problems


def body_photo_problems(text: Text, root: Path) -> list[Problem]:
    """A photo shown in the text that is not in content/: its line and the fix."""
    folder = text.path.resolve().parent.relative_to(root.resolve()).as_posix()
    problems = []
    for line, reference in photo_references(text.body):
        relative = resolve(reference, folder)
        if relative and not (root / relative).is_file():
            message = missing_photo_message(reference, root, folder)
            problems.append(Problem(text.shown, text.matter.body_offset + line, message))
    return problems


def shown_folder(folder: Path, root: Path) -> str:
    return f"{root.name}/{folder.resolve().relative_to(root.resolve()).as_posix()}/"


def read_day(text: Text, key: str) -> tuple[date | None, Problem | None]:
    value = text.get(key)
    if not value:
        return None, text.problem(key, f'{key} is missing (add "{key}: 2024-05-27")')
    reading = read_date(value)
    if reading.problem:
        return None, text.problem(key, f'{key} "{value}" {reading.problem}')
    return reading.day, None


def read_time(text: Text, key: str, example: str) -> tuple[time | None, Problem | None]:
    value = text.get(key)
    clock = read_clock(value) if value else None
    if clock:
        return clock, None
    what = f'{key} "{value}" is not a time' if value else f"{key} is missing"
    return None, text.problem(key, f"{what} (write {example})")


def read_number(text: Text, key: str, low: float, high: float, example: str):
    value = text.get(key)
    try:
        number = float(value)
    except ValueError:
        number = None
    if number is not None and low <= number <= high:
        return number, None
    what = (
        f'{key} "{value}" is not a number from {low:g} to {high:g}'
        if value
        else f"{key} is missing"
    )
    return None, text.problem(key, f"{what} (write {example})")


def read_name(text: Text, key: str, table: dict) -> tuple[str | None, Problem | None]:
    value = text.get(key)
    slug = lookup(table, value) if value else None
    if slug:
        return slug, None
    near = closest(table, value) if value else None
    if near:
        return None, text.problem(
            key, f'{key} "{value}" is not one of this site\'s (did you mean {near}?)'
        )
    choices = ", ".join(names["en"] for names in table.values())
    if len(table) > 8:
        choices = ", ".join(names["th"] for names in list(table.values())[:4]) + ", …"
    what = f'{key} "{value}" is not one of this site\'s' if value else f"{key} is missing"
    return None, text.problem(key, f"{what} (write one of: {choices})")


def read_price(text: Text) -> tuple[tuple[float, float] | None, Problem | None]:
    value = text.get("price").replace(",", "")
    if not value:
        return None, None
    found = PRICE.match(value)
    if found:
        low = float(found[1])
        high = float(found[2] or found[1])
        if low <= high:
            return (low, high), None
    return None, text.problem(
        "price", f'Price "{value}" is not a price in baht (write 120 or 120-350)'
    )


WEB_ADDRESS = re.compile(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")
WEB_FIELDS = {"facebook": "https://www.facebook.com/…", "website": "https://…"}


def web_address_problems(text: Text) -> list[Problem]:
    """Facebook and Website must be https: addresses; anything else is refused by name."""
    problems = []
    for key, example in WEB_FIELDS.items():
        value = text.get(key)
        if value and not WEB_ADDRESS.match(value):
            name = key.capitalize()
            problems.append(
                text.problem(key, f'{name} "{value}" is not a web address (write {example})')
            )
    return problems
