"""`invoke upgrade-files`: files written in the older forms, rewritten in the one form the
browser editor opens (YAML front matter between --- lines), saying the same thing.

- a ``Key: value`` head becomes YAML; Tags and a product's Photo become lists;
- an edition's ``N.programme.md`` table becomes the Programme: list of ``N.md``;
- a gallery's caption lines (``stage.jpg: …`` in index.md and index.en.md) become the
  Photos: list of index.md, one item per photo, in the order the gallery shows them.

Files already in the new form are left as they are; running it twice changes nothing.
"""

from pathlib import Path

from plugins.core import front_matter
from plugins.core.files import write_atomically
from plugins.fair.programme import cells
from plugins.gallery.galleries import CAPTION_LINE, photo_files

NUMBERS = {"stars": int, "latitude": float, "longitude": float, "edition": int}
LISTS = {"tags"}
PRODUCT_LISTS = {"tags", "photo"}  # a product may have several photos
PROGRAMME_KEYS = ("Date", "Start", "End", "Title", "Title_en", "Place", "Place_en")


def typed(key: str, value, lists: set[str]):
    """A value as the editor's widget for it writes it: numbers as numbers, lists as lists."""
    if key.lower() in lists and isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    convert = NUMBERS.get(key.lower())
    if convert and isinstance(value, str):
        try:
            number = convert(value)
            return number if convert is float or str(number) == value.strip() else value
        except ValueError:
            return value
    return value


def upgraded_fields(matter, lists: set[str]) -> dict:
    return {key: typed(key, value, lists) for key, value in matter.as_written().items()}


def in_editor_order(fields: dict, order: list[str], path: Path) -> dict:
    """The fields in the order the editor writes them (others after, as they were), without a
    Lang: that only repeats the file's name (x.en.md is English): saving an entry in the
    editor then leaves its other language's file as it is."""
    rank = {name.lower(): place for place, name in enumerate(order)}
    suffix = path.stem.rpartition(".")[2] if "." in path.stem else ""
    kept = {k: v for k, v in fields.items() if not (k.lower() == "lang" and v == suffix)}
    return dict(sorted(kept.items(), key=lambda item: rank.get(item[0].lower(), len(rank))))


def write(path: Path, fields: dict, body: str) -> None:
    write_atomically(path, front_matter.render(fields, body).encode("utf-8"))


def upgrade_page(path: Path, lists: set[str], categories: dict[str, str], order: list[str]) -> bool:
    """A news item, page or product in the older head form, or not as the editor would
    write it (its category by name, its fields in another order): True if rewritten."""
    matter, body = front_matter.read(path)
    if matter.mistakes:
        return False
    old = matter.form != front_matter.YAML_FORM
    fields = upgraded_fields(matter, lists) if old else matter.as_written()
    for key, value in fields.items():
        if key.lower() == "category" and isinstance(value, str) and value.strip() in categories:
            fields[key] = categories[value.strip()]
    fields = in_editor_order(fields, order, path)
    if not old and list(fields.items()) == list(matter.as_written().items()):
        return False
    write(path, fields, body)
    return True


def category_slugs(settings: dict) -> dict[str, str]:
    """{name in any language: its address} from CATEGORY_NAMES (ข่าว → news, News → news)."""
    table = settings.get("CATEGORY_NAMES", {})
    return {name: slug for slug, names in table.items() for name in names.values()}


def programme_items(table: Path) -> list[dict]:
    lines = table.read_text(encoding="utf-8-sig").splitlines()
    rows = [cells(line) for line in lines if line.strip().startswith("|")][2:]
    return [
        {key: value for key, value in zip(PROGRAMME_KEYS, row, strict=True) if value}
        for row in rows
        if len(row) == len(PROGRAMME_KEYS)
    ]


def upgrade_edition(main: Path, order: list[str]) -> list[Path]:
    """N.md (or N.en.md) as the editor writes it, with N.programme.md folded into it (and the
    table file deleted)."""
    matter, body = front_matter.read(main)
    if matter.mistakes:
        return []
    table = main.with_name(f"{main.stem}.programme.md")
    moving = table.exists() and "programme" not in matter.fields
    old = matter.form != front_matter.YAML_FORM
    fields = upgraded_fields(matter, LISTS) if old else matter.as_written()
    if moving:
        fields["Programme"] = programme_items(table)
    fields = in_editor_order(fields, order, main)
    if not (old or moving) and list(fields.items()) == list(matter.as_written().items()):
        return []
    write(main, fields, body)
    if moving:
        table.unlink()
        return [main, table]
    return [main]


def caption_lines(body: str) -> tuple[dict[str, str], str]:
    """{file: caption} of the older caption lines, and the body without them."""
    captions, kept = {}, []
    for line in body.splitlines():
        found = CAPTION_LINE.match(line.strip())
        if found:
            captions[found["file"]] = found["text"].strip()
        else:
            kept.append(line)
    return captions, "\n".join(kept).strip()


def upgrade_gallery(folder: Path, languages: list[str], order: list[str]) -> list[Path]:
    """A gallery's notes as the editor writes them: the older caption lines (in each
    language's file) become the Photos: list of index.md, one item per photo."""
    notes = {lang: folder / ("index.md" if lang == languages[0] else f"index.{lang}.md")
             for lang in languages}  # fmt: skip
    read = {lang: front_matter.read(path) for lang, path in notes.items() if path.exists()}
    if languages[0] not in read or any(matter.mistakes for matter, _ in read.values()):
        return []
    old = any(matter.form != front_matter.YAML_FORM for matter, _ in read.values())
    items, bodies = photo_items(folder, read, languages) if old else ([], {})
    changed = []
    for lang, (matter, body) in read.items():
        fields = upgraded_fields(matter, LISTS) if old else matter.as_written()
        if lang == languages[0] and items:
            fields["Photos"] = items
        fields = in_editor_order(fields, order, notes[lang])
        if old or list(fields.items()) != list(matter.as_written().items()):
            write(notes[lang], fields, bodies.get(lang, body))
            changed.append(notes[lang])
    return changed


def photo_items(folder: Path, read: dict, languages: list[str]) -> tuple[list[dict], dict]:
    """The Photos: items of the older caption lines, and each file's body without them."""
    captions, bodies = {}, {}
    for lang, (_, body) in read.items():
        captions[lang], bodies[lang] = caption_lines(body)
    items = []
    for name in [path.name for path in photo_files(folder)[0]]:
        item = {"File": name, "Caption": captions[languages[0]].get(name, "")}
        for lang in languages[1:]:
            item[f"Caption_{lang}"] = captions.get(lang, {}).get(name, "")
        items.append({key: value for key, value in item.items() if value})
    return items, bodies


def upgrade_content(content: Path, settings: dict) -> list[Path]:
    """Every file of content/ in an older form, rewritten; the files changed."""
    from plugins.core.addresses import site_languages
    from plugins.editor.config import field_order

    languages, categories = site_languages(settings), category_slugs(settings)
    order = field_order(settings)
    changed = []
    for folder, lists, named in (("news", LISTS, categories), ("pages", LISTS, categories),
                                 ("products", PRODUCT_LISTS, {})):  # fmt: skip
        for path in sorted((content / folder).rglob("*.md")):
            changed += [path] if upgrade_page(path, lists, named, order[folder]) else []
    for path in sorted((content / "editions").glob("*.md")):
        if not path.stem.endswith(".programme"):
            changed += upgrade_edition(path, order["editions"])
    for folder in sorted(p for p in (content / "galleries").glob("*") if p.is_dir()):
        changed += upgrade_gallery(folder, languages, order["galleries"])
    return changed
