"""`invoke new-post`, `new-product`, `new-edition`, `new-gallery`: files that build cleanly,
with every field the type needs and an ASCII name, written in the one form the browser
editor reads and writes (plugins/core/front_matter.py).

A new entry starts in Thai only, as in the editor: its English file is made when someone
translates it (in the editor's English pane, or as <name>.en.md beside it), so no empty
English page is ever published."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from plugins.content_rules.slugs import is_clean_slug, slug_for_text
from plugins.core import front_matter
from plugins.core.staff_dates import read_date
from plugins.fair.names import CATEGORIES, DISTRICTS, closest, lookup

from . import Refused

BANGKOK = ZoneInfo("Asia/Bangkok")


# The text the commands write where the office's own belongs: make check refuses a file that
# still holds one, drafts too, so that nothing unfinished is ever published.
WRITE_THE_NEWS = "เขียนเนื้อข่าวที่นี่"
TELL_ABOUT_THE_PRODUCT = "เล่าเรื่องผลิตภัณฑ์ที่นี่"
ABOUT_THIS_EDITION = "เกี่ยวกับงานครั้งนี้"
UNREADABLE_PICTURE = "(ภาพจากไฟล์ Word เปิดไม่ได้: บันทึกภาพเป็น JPEG วางไว้ข้างไฟล์นี้ แล้วใส่แทนบรรทัดนี้)"
PLACEHOLDER_TEXTS = {WRITE_THE_NEWS: "new-post", TELL_ABOUT_THE_PRODUCT: "new-product",
                     ABOUT_THIS_EDITION: "new-edition",
                     UNREADABLE_PICTURE: "import-release"}  # fmt: skip


def document(fields: dict[str, object], body: str) -> str:
    text = front_matter.render(fields, body)
    return text if text.endswith("\n") else text + "\n"


def one_line_title(title: str) -> str:
    """A title as staff type it: one line, and not an option mistyped (--help)."""
    if "\n" in title or "\r" in title:
        raise Refused("a title is one line: write it again without a line break")
    if title.strip().startswith("-"):
        raise Refused(f'"{title}" is an option, not a title: write the title in quotes, first')
    return title.strip()


def slug_of(title: str, slug: str = "") -> str:
    title = one_line_title(title)
    chosen = slug or slug_for_text(title)
    if not chosen or not is_clean_slug(chosen):
        fix = "add --slug, e.g. --slug opening-day"
        raise Refused(f'"{title}" gives no address in plain letters: {fix}')
    return chosen


def write_new(files: dict[Path, str | bytes], another: str = "another --slug") -> list[Path]:
    """Write all the files or none: nothing half-written is left behind."""
    taken = [path for path in files if path.exists()]
    if taken:
        raise Refused(f"{taken[0]} already exists: choose {another}, or edit that file")
    written = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):  # a photo
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError:
        for path in written:
            path.unlink()
        raise
    return list(files)


def newest_edition(content: Path) -> str:
    numbers = [int(p.stem) for p in (content / "editions").glob("*.md") if p.stem.isdigit()]
    return str(max(numbers)) if numbers else ""


def new_post(content: Path, title: str, slug: str = "", category: str = "news") -> list[Path]:
    """A press release in Thai, a draft (previewed, not published) until it is written."""
    slug = slug_of(title, slug)
    fields = {"Title": title, "Date": datetime.now(BANGKOK).strftime("%Y-%m-%d %H:%M")}
    edition = newest_edition(content)
    fields.update({"Edition": int(edition)} if edition else {})
    fields.update({"Category": category, "Status": "draft"})
    thai = document(fields, WRITE_THE_NEWS)
    return write_new({content / "news" / f"{slug}.md": thai})


def product_fields(title, category, district, booth, stars, edition) -> dict[str, object]:
    return {
        "Title": title,
        "Category": category,
        "Stars": stars,
        "Producer": "(ชื่อกลุ่มผู้ผลิต)",
        "District": DISTRICTS[district]["th"],
        "Booth": booth,
        "Edition": int(edition),
    }


STARS_FIX = "give the OTOP stars, e.g. --stars 4"


def name_fix(table: dict, written: str, lang: str = "th") -> str:
    """'did you mean ชนบท?' for a slip, else the names to choose from (Thai for districts)."""
    near = closest(table, written)
    if near:
        return f"did you mean {near}?"
    choices = [slug if lang == "en" else names["th"] for slug, names in table.items()]
    return f"use one of {', '.join(choices)}"


def new_product(content: Path, title: str, category: str, district: str, booth: str,
                stars: str = "", slug: str = "") -> list[Path]:  # fmt: skip

    slug = slug_of(title, slug)
    if not lookup(CATEGORIES, category):
        raise Refused(f'"{category}" is not a category: {name_fix(CATEGORIES, category, "en")}')
    if not lookup(DISTRICTS, district):
        raise Refused(f'"{district}" is not a Khon Kaen district: {name_fix(DISTRICTS, district)}')
    if not stars.strip():
        raise Refused(f"how many OTOP stars? {STARS_FIX}")
    if not re.fullmatch(r"[1-5]", stars.strip()):
        raise Refused(f'--stars "{stars}" is not a number from 1 to 5: {STARS_FIX}')

    stars = int(stars)

    edition = newest_edition(content)
    if not edition:
        raise Refused("there is no edition yet: make one first with invoke new-edition")
    fields = product_fields(title, lookup(CATEGORIES, category), lookup(DISTRICTS, district),
                            booth, stars, edition)  # fmt: skip
    thai = document(fields, TELL_ABOUT_THE_PRODUCT)
    return write_new({content / "products" / f"{slug}.md": thai})


NOT_CARRIED_OVER = {"title", "start", "end", "programme"}  # each edition has its own


def previous_edition_fields(content: Path, lang_suffix: str = "") -> dict[str, object]:
    """What the newest edition's file says (in one language), but its title, dates and
    programme: venue, hours, map, photo, zones, directions … to change where they changed."""
    previous = newest_edition(content)
    path = content / "editions" / f"{previous}{lang_suffix}.md"
    if not previous or not path.exists():
        return {}
    fields = front_matter.read_front_matter(path).as_written()
    return {key: value for key, value in fields.items() if key.lower() not in NOT_CARRIED_OVER}


EDITION_DEFAULTS = {
    "Opens": "10.00",
    "Closes": "22.00",
    "Hours": "10.00 – 22.00 น.",
    "Venue": "สวนรัชดานุสรณ์",
    "Address": "อำเภอเมืองขอนแก่น จังหวัดขอนแก่น",
    "Latitude": "16.4333",
    "Longitude": "102.8289",
    "Organisers": "สำนักงานพัฒนาชุมชนจังหวัดขอนแก่น",
}


def day_of(option: str, written: str):
    reading = read_date(written)
    if reading.problem:
        raise Refused(f'{option} "{written}" {reading.problem}')
    return reading.day


def new_edition(content: Path, number: int, start: str, end: str) -> list[Path]:
    """The venue, hours and organisers are those of the newest edition, to change if need be.
    The dates may be written as staff write them (2568-05-26, 26 พ.ค. 2568 …)."""
    first, last = day_of("--start", start), day_of("--end", end)
    if last < first:
        raise Refused(f"--end {end} is before --start {start} (swap them)")
    start, end = first.isoformat(), last.isoformat()
    previous = previous_edition_fields(content) or EDITION_DEFAULTS
    title = f"OTOP City ขอนแก่น ครั้งที่ {number}"
    fields = {"Title": title, "Start": start, "End": end, **previous}
    thai = document(fields, ABOUT_THIS_EDITION)
    folder = content / "editions"
    files = {folder / f"{number}.md": thai}
    english = previous_edition_fields(content, ".en")
    if english:  # the last edition's English words, to change where they changed
        title = f"OTOP City in Khon Kaen, edition {number}"
        files[folder / f"{number}.en.md"] = document({"Title": title, **english}, "")
    return write_new(files, another="another number")


def new_gallery(content: Path, name: str, slug: str = "") -> list[Path]:
    """A plain name (opening-day) is the folder; a Thai one (วันเปิดงาน) is the Thai title,
    and the folder is named from it (or by --slug), as for news."""
    plain = is_clean_slug(name) and not slug
    folder = content / "galleries" / (name if plain else slug_of(name, slug))
    thai = document({"Title": "(ชื่ออัลบั้ม)" if plain else name}, "")  # dated by its photos

    return write_new({folder / "index.md": thai})
