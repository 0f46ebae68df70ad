"""Galleries as the office keeps them: a folder of photos in content/galleries/<name>/,
with an optional index.md (Thai) and index.en.md (English) giving the title, date and
description. index.md lists the photos in the order they are shown, with their captions,
as the browser editor writes them:

    Photos:
      - File: stage.jpg
        Caption: เวทีกลางก่อนพิธีเปิดงาน
        Caption_en: The central stage before the opening ceremony

Photos not listed follow, by name. The older form, one caption a line in each language's
body (``stage.jpg: the caption``), is still read."""

import datetime
import os
import posixpath
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from plugins.content_rules.slugs import slug_for_text, slug_from_file_stem
from plugins.core import front_matter
from plugins.core.file_kinds import meant_as_photo
from plugins.core.photo_references import PHOTO_SUFFIXES, near_name
from plugins.core.problems import Problem
from plugins.core.staff_dates import read_date

from .plan import EXTENSIONS, Result

CAPTION_LINE = re.compile(r"^(?P<file>[^\s:][^:]*?\.[A-Za-z]{3,4})\s*:\s*(?P<text>.*)$")
NO_SUCH_PHOTO = 'Caption for "{}", which is not in this gallery (check the file name)'
NEAR_PHOTO = 'Caption for "{}", which is not in this gallery (did you mean {}?)'


def no_such_photo(gallery, name: str) -> str:
    near = near_name(gallery.folder, name)
    return NEAR_PHOTO.format(name, near) if near else NO_SUCH_PHOTO.format(name)


IGNORED = re.compile(r"^(\.|index(\.\w+)?\.md$|Thumbs\.db$|desktop\.ini$)", re.IGNORECASE)


class PublishedFile(NamedTuple):
    """A file made of a photo (a rendition), as published."""

    width: int
    height: int
    path: str  # below the site's root


@dataclass
class Photo:
    """A photo as the pipeline made it: the one type for a made photo, wherever it is shown
    (a gallery, a product, an edition, a news page)."""

    file: str
    slug: str
    width: int = 0
    height: int = 0
    captions: dict[str, str] = field(default_factory=dict)
    files: dict[str, list[PublishedFile]] = field(default_factory=dict)  # kind → narrow first
    cache_files: dict[str, str] = field(default_factory=dict)  # published path → cache file

    def caption(self, lang: str, main_lang: str) -> tuple[str, str]:
        """(text, its language): the caption in `lang`, else the main language's."""
        if self.captions.get(lang):
            return self.captions[lang], lang
        return self.captions.get(main_lang, ""), main_lang

    def srcset(self, kind: str, root: str) -> str:
        return ", ".join(f"{root}/{path} {width}w" for width, _, path in self.files[kind])

    def fallback(self, kind: str = "webp", near: int = 960) -> PublishedFile:
        """The rendition for browsers without srcset: the widest up to `near`."""
        fitting = [f for f in self.files[kind] if f.width <= near] or self.files[kind][:1]
        return fitting[-1]

    def largest(self, kind: str = "webp") -> PublishedFile:
        return self.files[kind][-1]

    def smallest(self, kind: str = "webp") -> PublishedFile:
        return self.files[kind][0]

    def share(self) -> PublishedFile:
        """The JPEG made for link previews (LINE, Facebook), which may not take WebP."""
        return self.files["jpeg"][-1]


@dataclass
class Gallery:
    slug: str
    folder: Path
    titles: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    date: datetime.date | None = None
    cover_file: str = ""
    photos: list[Photo] = field(default_factory=list)
    path: str = ""  # its address below a language's root, from GALLERY_URL
    edition: int | None = None  # from its Edition: line, if it has one

    def title(self, lang: str, main_lang: str) -> str:
        return self.titles.get(lang) or self.titles.get(main_lang) or self.slug

    def description(self, lang: str) -> str:
        return self.descriptions.get(lang, "")

    @property
    def cover(self) -> Photo | None:
        named = [photo for photo in self.photos if photo.file == self.cover_file]
        return (named or self.photos or [None])[0]


def gallery_slug(folder: Path) -> str:
    return slug_from_file_stem(folder.name) or slug_for_text(folder.name) or "gallery"


def find_galleries(root: Path, url: str = "galleries/{slug}/") -> list[Gallery]:
    if not root.is_dir():
        return []
    folders = sorted(
        path for path in root.iterdir() if path.is_dir() and not path.name.startswith(".")
    )
    galleries = [Gallery(gallery_slug(folder), folder) for folder in folders]
    for gallery in galleries:
        gallery.path = url.format(slug=gallery.slug)
    return galleries


def photo_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(photos, files that are neither photos nor gallery notes) of a gallery's folder:
    photos by their bytes, whatever their names."""
    photos, others = [], []
    for path in sorted(folder.iterdir()):
        if path.is_file() and not IGNORED.match(path.name):
            (photos if meant_as_photo(path, PHOTO_SUFFIXES) else others).append(path)
    return photos, others


def read_notes(gallery: Gallery, languages: list[str], shown) -> list[Problem]:
    """Titles, dates, descriptions and captions from index.md / index.<lang>.md."""
    names = {path.name for path in photo_files(gallery.folder)[0]}
    gallery.photos, problems = distinct_photos(gallery, sorted(names), shown)
    by_name = {photo.file: photo for photo in gallery.photos}
    for lang in languages:
        notes = gallery.folder / ("index.md" if lang == languages[0] else f"index.{lang}.md")
        if notes.exists():
            problems += read_one_notes_file(gallery, notes, lang, by_name, shown)
    return problems


SAME_NAME = "would be published under the same name as {other} (rename one of them); left out"


def distinct_photos(gallery: Gallery, names: list[str], shown) -> tuple[list[Photo], list]:
    """A photo per published name: stage.jpg, Stage.JPG and stage.png would all be
    stage-960.webp; the first keeps the name, the others are named as problems."""
    photos, first_with, problems = [], {}, []
    for name in names:
        slug = photo_slug(name)
        if slug in first_with:
            message = SAME_NAME.format(other=first_with[slug])
            problems.append(Problem(shown(gallery.folder / name), 0, message))
            continue
        first_with[slug] = name
        photos.append(Photo(name, slug))
    return photos, problems


def read_one_notes_file(gallery, notes: Path, lang: str, by_name: dict, shown) -> list[Problem]:
    matter, body = front_matter.read(notes)
    problems = [Problem(shown(notes), line, message) for line, message in matter.mistakes]
    gallery.titles[lang] = matter.get("title") or ""
    gallery.cover_file = gallery.cover_file or (matter.get("cover") or "")
    gallery.date = gallery.date or parse_date(matter.get("date"))
    problems += date_problems(matter, shown(notes))
    number = (matter.get("edition") or "").strip()
    gallery.edition = gallery.edition or (int(number) if number.isdigit() else None)
    problems += listed_photos(gallery, matter, lang, by_name, shown(notes))
    description = []
    for number, line in enumerate(body.splitlines(), start=matter.body_offset + 1):
        caption = CAPTION_LINE.match(line.strip())
        if caption and caption["file"] in by_name:
            if caption["text"].strip():  # an empty line is a caption still to write
                by_name[caption["file"]].captions[lang] = caption["text"].strip()
        elif caption:
            message = no_such_photo(gallery, caption["file"])
            problems.append(Problem(shown(notes), number, message))
        elif line.strip():
            description.append(line.strip())
    gallery.descriptions[lang] = " ".join(description)
    return problems


def listed_photos(gallery, matter, lang: str, by_name: dict, shown: str) -> list[Problem]:
    """The Photos: list: each photo's captions (Caption in this file's language, Caption_en
    …), and the order they are shown in."""
    problems, order = [], []
    for number, item in enumerate(matter.items("photos")):
        item = {k.lower(): v for k, v in item.items()} if isinstance(item, dict) else {}
        name = posixpath.basename(str(item.get("file") or ""))
        if name not in by_name:
            line = matter.item_line("photos", number, "file")
            problems.append(Problem(shown, line, no_such_photo(gallery, name or "?")))
            continue
        order.append(name)
        captions = {key.removeprefix("caption_"): value for key, value in item.items()
                    if key.startswith("caption_") and isinstance(value, str)}  # fmt: skip
        if isinstance(item.get("caption"), str):
            captions[lang] = item["caption"]
        by_name[name].captions.update({k: v.strip() for k, v in captions.items() if v.strip()})
    if order and Path(shown).name == "index.md":  # the main file's list gives the order
        rank = {name: place for place, name in enumerate(order)}
        gallery.photos.sort(key=lambda photo: (rank.get(photo.file, len(rank)), photo.file))
    return problems


def date_problems(matter, shown: str) -> list[Problem]:
    value = matter.get("date")
    wrong = read_date(value).problem if value else ""
    return [Problem(shown, matter.line_of("date"), f'Date "{value}" {wrong}')] if wrong else []


def parse_date(value: str | None) -> datetime.date | None:
    return read_date(value).day if value else None


def photo_slug(name: str) -> str:
    stem = Path(name).stem
    return slug_from_file_stem(stem) or slug_for_text(stem) or "photo"


def attach_results(gallery: Gallery, results: dict[str, Result]) -> list[Result]:
    """Give each photo its renditions; drop photos that failed. Returns the failures."""
    failed, kept = [], []
    for photo in gallery.photos:
        result = results.get(str(gallery.folder / photo.file))
        if result is None or not result.ok:
            failed += [result] if result else []
            continue
        attach(photo, result, f"{gallery.path}{photo.slug}")
        kept.append(photo)
    gallery.photos = kept
    return failed


def attach(photo: Photo, result: Result, prefix: str) -> Photo:
    """Give `photo` the files made of it, published as ``<prefix>-<width>.<ext>``."""
    photo.width, photo.height = result.width, result.height
    for rendition in result.renditions:
        path = f"{prefix}-{rendition.width}.{EXTENSIONS[rendition.kind]}"
        made = PublishedFile(rendition.width, rendition.height, path)
        photo.files.setdefault(rendition.kind, []).append(made)
        photo.cache_files[path] = rendition.file
    for files in photo.files.values():
        files.sort()
    return photo


def publish_files(photos: list[Photo], cache_dir: Path, output: Path, tops: list[str]) -> None:
    """Hard-link (or copy) each photo's files from the cache to their addresses in output/,
    and delete files under `tops` that no photo has any more."""
    wanted = {
        output / path: cache_dir / file
        for photo in photos
        for path, file in photo.cache_files.items()
    }
    for target, source in wanted.items():
        place(source, target)
    for top in tops:
        remove_unwanted(output / top, set(wanted))


def place(source: Path, target: Path) -> None:
    if target.exists() and os.path.samefile(source, target):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def remove_unwanted(folder: Path, wanted: set[Path]) -> None:
    if not folder.is_dir():
        return
    for path in folder.rglob("*"):
        if path.suffix in {".webp", ".jpg"} and path not in wanted:
            path.unlink()


@dataclass
class GallerySite:
    galleries: list[Gallery]
    results: dict[str, Result]
    cache_dir: Path
    encoded: int
    problems: list[Problem]
