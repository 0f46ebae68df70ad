"""Read content/editions/ and content/products/ into Editions and Products."""

from dataclasses import dataclass, field
from pathlib import Path

from plugins.content_rules.checks import address_fields
from plugins.content_rules.slugs import is_clean_slug, slug_for_text, slug_from_file_stem
from plugins.core.problems import Problem

from .maps import map_problem
from .model import (
    BOOTH_CODE,
    LAST_NIGHT_HOUR,
    PAST_MIDNIGHT,
    Edition,
    Product,
    Text,
    photos_of,
    read_day,
    read_name,
    read_number,
    read_price,
    read_text,
    read_time,
    web_address_problems,
)
from .names import CATEGORIES, DISTRICTS
from .programme import programme_of
from .references import undefined_edition
from .zones import booth_problems, zones_of


@dataclass
class Fair:
    editions: list[Edition] = field(default_factory=list)  # newest first
    products: list[Product] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def edition(self, number: int) -> Edition | None:
        return next((e for e in self.editions if e.number == number), None)


def bilingual_files(folder: Path, languages: list[str], shown) -> dict[str, dict[str, Text]]:
    """{stem: {lang: Text}} for x.md (main language) and x.<lang>.md beside it."""
    found: dict[str, dict[str, Text]] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        stem, _, suffix = path.stem.rpartition(".")
        if stem and suffix == "programme":
            continue
        if not (stem and suffix in languages):
            stem, suffix = path.stem, languages[0]
        found.setdefault(stem, {})[suffix] = read_text(path, shown(path))
    return found


def collect(*pairs):
    """Values of (value, problem) pairs, and the problems that were not None."""
    values = [value for value, _ in pairs]
    problems = [problem for _, problem in pairs if problem]
    return values, problems


def read_edition(stem: str, texts: dict[str, Text], main: str) -> tuple[Edition | None, list]:
    text = texts.get(main)
    if text is None:
        other = next(iter(texts.values()))
        return None, [
            Problem(other.shown, 1, f"Translation has no original (add {stem}.md beside it)")
        ]
    if not stem.isdigit():
        return None, [
            Problem(text.shown, 0, "An edition's file is named by its number (e.g. 27.md)")
        ]
    values, problems = collect(
        read_day(text, "Start"),
        read_day(text, "End"),
        read_time(text, "Opens", "10.00"),
        read_time(text, "Closes", "22.00"),
        read_number(text, "Latitude", -90, 90, "16.4419"),
        read_number(text, "Longitude", -180, 180, "102.8360"),
    )
    for key in ("Title", "Venue", "Address"):
        if not text.get(key):
            problems.append(text.problem(key, f'{key} is missing (add "{key}: …")'))
    start, end, opens, closes = values[0], values[1], values[2], values[3]
    if opens and closes and opens >= closes >= LAST_NIGHT_HOUR:
        message = (
            f"Closes {text.get('closes')} is not after Opens {text.get('opens')} ({PAST_MIDNIGHT})"
        )
        problems.append(text.problem("Closes", message))
    if start and end and end < start:
        problems.append(text.problem("End", f"End {end} is before Start {start} (swap them)"))
    if problems:
        return None, problems
    return Edition(int(stem), *values, texts=texts, main_lang=main), []


def read_product(
    stem: str, texts: dict[str, Text], main: str, fair: Fair
) -> tuple[Product | None, list]:
    text = texts.get(main)
    if text is None:
        other = next(iter(texts.values()))
        return None, [
            Problem(other.shown, 1, f"Translation has no original (add {stem}.md beside it)")
        ]
    stars, star_problem = read_number(text, "Stars", 1, 5, "a whole number from 1 to 5, e.g. 4")
    if stars is not None and stars != int(stars):
        stars, star_problem = (
            None,
            text.problem("Stars", f'Stars "{text.get("stars")}" is not a whole number (write 4)'),
        )
    values, problems = collect(
        read_name(text, "Category", CATEGORIES),
        read_name(text, "District", DISTRICTS),
        read_price(text),
        (stars, star_problem),
    )
    for key in ("Title", "Producer", "Booth"):
        if not text.get(key):
            problems.append(text.problem(key, f'{key} is missing (add "{key}: …")'))
    booth = text.get("booth")
    if booth and not BOOTH_CODE.match(booth):
        fix = booth.upper().replace(" ", "").replace("-", "")
        fix = fix if BOOTH_CODE.match(fix) else "A07"
        message = f'Booth "{booth}" is not a booth code (capital letters, then the number: {fix})'
        problems.append(text.problem("booth", message))
    problems += [p for other in texts.values() for p in web_address_problems(other)]
    edition = read_edition_reference(text, fair)
    problems += edition[1]
    written_slug = text.get("slug")
    if written_slug and not is_clean_slug(written_slug):
        fix = slug_for_text(written_slug) or stem
        problems.append(
            text.problem(
                "slug", f'Slug "{written_slug}" may hold only a-z, 0-9 and - (write "{fix}")'
            )
        )
    if problems:
        return None, problems
    category, district, price, stars = values
    slug = text.get("slug") or slug_from_file_stem(stem) or stem
    return Product(
        slug,
        category,
        int(stars),
        district,
        text.get("booth"),
        edition[0],
        price,
        texts,
        main_lang=main,
    ), []


def read_edition_reference(text: Text, fair: Fair) -> tuple[int | None, list[Problem]]:
    """The edition a file belongs to: its `Edition:` field, else the newest one."""
    value = text.get("edition")
    if not value:
        return (fair.editions[0].number if fair.editions else None), []
    if value.isdigit() and fair.edition(int(value)):
        return int(value), []
    return None, [text.problem("edition", undefined_edition(value, fair))]


def map_problems(texts: dict, root: Path) -> list[Problem]:
    found = ((text, map_problem(text, root)) for text in texts.values())
    return [text.problem("map", wrong) for text, wrong in found if wrong]


def attach_photos(fair: Fair, photos) -> None:
    """Each edition's and product's photos, as made by the photo pipeline (a photo that
    could not be made is left out; it was said when it was made)."""
    for item in [*fair.editions, *fair.products]:
        item.photos = [photos.find(path) for path in item.photo_paths if photos.find(path)]


ADDRESS_FIELD = (
    "{key} cannot be set in a file: the address comes from the file's name (remove the line)"
)


def front_matter_mistakes(texts: dict[str, Text], main: str) -> tuple[list[Problem], bool]:
    """Mistakes in the files' front matter itself (and fields that would choose an address),
    and whether the main file's could be read at all (when not, its fields are not judged:
    each would only repeat the one mistake)."""
    mistakes = [problem for text in texts.values() for problem in text.mistakes()]
    mistakes += [
        text.problem(key, ADDRESS_FIELD.format(key=text.matter.names.get(key, key)))
        for text in texts.values() for key in address_fields(text.matter)
    ]  # fmt: skip
    original = texts.get(main)
    return mistakes, original is None or bool(original.matter.fields)


def read_editions(settings: dict, languages: list[str], addresses, shown, fair: Fair) -> None:
    root, folder = Path(settings["PATH"]), Path(settings["PATH"]) / settings["FAIR_EDITIONS_PATH"]
    for stem, texts in bilingual_files(folder, languages, shown).items():
        mistakes, readable = front_matter_mistakes(texts, languages[0])
        fair.problems += mistakes
        edition, problems = read_edition(stem, texts, languages[0]) if readable else (None, [])
        fair.problems += problems
        if edition:
            old_programme = folder / f"{stem}.programme.md"
            edition.events, found = programme_of(edition, texts[languages[0]], old_programme, shown)
            edition.zones, zone_problems = zones_of(texts[languages[0]])
            found += zone_problems
            edition.path = addresses.path("EDITION", number=edition.number)
            edition.photo_paths, photo_problems = photos_of(texts, languages[0], root)
            fair.problems += found + photo_problems + map_problems(texts, root)
            fair.editions.append(edition)
    fair.editions.sort(key=lambda e: e.start, reverse=True)


def read_products(settings: dict, languages: list[str], addresses, shown, fair: Fair) -> None:
    root, folder = Path(settings["PATH"]), Path(settings["PATH"]) / settings["FAIR_PRODUCTS_PATH"]
    for stem, texts in bilingual_files(folder, languages, shown).items():
        mistakes, readable = front_matter_mistakes(texts, languages[0])
        fair.problems += mistakes
        product, problems = (
            read_product(stem, texts, languages[0], fair) if readable else (None, [])
        )
        original = readable and languages[0] in texts
        photo_paths, found = photos_of(texts, languages[0], root) if original else ([], [])
        fair.problems += problems + found  # its photos too, whatever else is wrong: one run
        if product:
            product.path = addresses.path("PRODUCT", slug=product.slug)
            product.photo_paths = photo_paths
            fair.products.append(product)

    fair.products.sort(key=lambda p: (p.category, p.text(languages[0], "title")))


def read_fair(settings: dict, languages: list[str], addresses, shown) -> Fair:
    """Editions and products, newest edition first; their addresses from `addresses`."""
    fair = Fair()
    read_editions(settings, languages, addresses, shown, fair)
    read_products(settings, languages, addresses, shown, fair)
    fair.problems += booth_problems(fair, languages[0])
    return fair
