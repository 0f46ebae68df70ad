"""`invoke new-post`, `new-product`, `new-edition`, `new-gallery`: files that build cleanly,
with every field the type needs, an ASCII name and an English twin to fill in."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from plugins.content_rules.slugs import is_clean_slug, slug_for_text
from plugins.core.staff_dates import read_date
from plugins.fair.names import CATEGORIES, DISTRICTS, lookup

from . import Refused

BANGKOK = ZoneInfo("Asia/Bangkok")
PROGRAMME_HEADER = (
    "| Date | Start | End | Thai title | English title | Thai place | English place |\n"
    "|---|---|---|---|---|---|---|\n"
)


def document(fields: dict[str, str], body: str) -> str:
    """Front matter, one `Key: value` a line, a blank line, then the text."""
    lines = [f"{key}: {value}".rstrip() for key, value in fields.items()]
    return "\n".join(lines) + f"\n\n{body}\n"


def slug_of(title: str, slug: str = "") -> str:
    chosen = slug or slug_for_text(title)
    if not chosen or not is_clean_slug(chosen):
        fix = "add --slug, e.g. --slug opening-day"
        raise Refused(f'"{title}" gives no address in plain letters: {fix}')
    return chosen


def write_new(files: dict[Path, str], another: str = "another --slug") -> list[Path]:
    """Write all the files or none: nothing half-written is left behind."""
    taken = [path for path in files if path.exists()]
    if taken:
        raise Refused(f"{taken[0]} already exists: choose {another}, or edit that file")
    written = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
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


def new_post(content: Path, title: str, slug: str = "", category: str = "ข่าว") -> list[Path]:
    slug = slug_of(title, slug)
    common = {"Date": datetime.now(BANGKOK).strftime("%Y-%m-%d %H:%M")}
    if newest_edition(content):
        common["Edition"] = newest_edition(content)
    thai = document({"Title": title, **common, "Category": category}, "เขียนเนื้อข่าวที่นี่")
    # A draft until someone translates it: previewed, never published as "(English title)".
    english_fields = {"Title": "(English title)", **common, "Lang": "en", "Category": "News"}
    english = document({**english_fields, "Status": "draft"}, "The English text.")
    folder = content / "news"
    return write_new({folder / f"{slug}.md": thai, folder / f"{slug}.en.md": english})


def product_fields(title, category, district, booth, stars, edition) -> dict[str, str]:
    return {
        "Title": title,
        "Category": category,
        "Stars": str(stars),
        "Producer": "(ชื่อกลุ่มผู้ผลิต)",
        "Tambon": "",
        "District": district,
        "Price": "",
        "Booth": booth,
        "Photo": "",
        "Edition": edition,
        **dict.fromkeys(("Phone", "Line", "Facebook", "Gallery", "Summary"), ""),
    }


def new_product(content: Path, title: str, category: str, district: str, booth: str,
                stars: int = 3, slug: str = "") -> list[Path]:  # fmt: skip
    slug = slug_of(title, slug)
    if not lookup(CATEGORIES, category):
        raise Refused(f'"{category}" is not a category: use one of {", ".join(CATEGORIES)}')
    if not lookup(DISTRICTS, district):
        raise Refused(
            f'"{district}" is not a Khon Kaen district: use one of {", ".join(DISTRICTS)}'
        )
    if not 1 <= stars <= 5:
        raise Refused(f"--stars {stars} is not from 1 to 5")
    edition = newest_edition(content)
    if not edition:
        raise Refused("there is no edition yet: make one first with invoke new-edition")
    fields = product_fields(title, lookup(CATEGORIES, category), lookup(DISTRICTS, district),
                            booth, stars, edition)  # fmt: skip
    thai = document(fields, "เล่าเรื่องผลิตภัณฑ์ที่นี่")
    english_fields = {"Title": "(English name)", "Producer": "(producer group)", "Tambon": ""}
    english = document(english_fields, "About the product.")
    folder = content / "products"
    return write_new({folder / f"{slug}.md": thai, folder / f"{slug}.en.md": english})


def previous_edition_fields(content: Path) -> dict[str, str]:
    previous = newest_edition(content)
    if not previous:
        return {}
    text = (content / "editions" / f"{previous}.md").read_text(encoding="utf-8")
    head = text.split("\n\n", 1)[0].splitlines()
    return dict((part.strip() for part in line.split(":", 1)) for line in head if ":" in line)


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
    previous = previous_edition_fields(content)
    kept = {key: previous.get(key, default) for key, default in EDITION_DEFAULTS.items()}
    title = f"OTOP City ขอนแก่น ครั้งที่ {number}"
    thai = document({"Title": title, "Start": start, "End": end, **kept}, "เกี่ยวกับงานครั้งนี้")
    english = document({"Title": f"OTOP City in Khon Kaen, edition {number}"}, "About it.")
    folder = content / "editions"
    files = {folder / f"{number}.md": thai, folder / f"{number}.en.md": english}
    files[folder / f"{number}.programme.md"] = PROGRAMME_HEADER
    return write_new(files, another="another number")


def new_gallery(content: Path, name: str, slug: str = "") -> list[Path]:
    """A plain name (opening-day) is the folder; a Thai one (วันเปิดงาน) is the Thai title,
    and the folder is named from it (or by --slug), as for news."""
    plain = is_clean_slug(name) and not slug
    folder = content / "galleries" / (name if plain else slug_of(name, slug))
    today = datetime.now(BANGKOK).strftime("%Y-%m-%d")
    thai = document({"Title": "(ชื่ออัลบั้ม)" if plain else name, "Date": today}, "")
    english = document({"Title": "(album title)"}, "")
    return write_new({folder / "index.md": thai, folder / "index.en.md": english})
