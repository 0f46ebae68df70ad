"""`invoke import-photos <folder> --gallery <name>`: copy a camera's or phone's photos into
a gallery under stable names, skipping exact and near duplicates; the source is only read."""

import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from plugins.core.photo_references import PHOTO_SUFFIXES as SUPPORTED

from . import Refused

NEAR = 6  # bits of difference in the 64-bit picture hash that still mean "the same photo"
TAKEN = 0x9003  # EXIF DateTimeOriginal


@dataclass
class ImportReport:
    folder: str = ""  # the gallery's folder below content/, e.g. galleries/wan-poetngan
    copied: list[str] = field(default_factory=list)
    same_file: list[str] = field(default_factory=list)
    near_copy: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.copied)} photo(s) added, {len(self.same_file)} already there, "
            f"{len(self.near_copy)} near-copies skipped, {len(self.unreadable)} not readable"
        )


def picture_hash(path: Path) -> int | None:
    """A difference hash: 64 bits that stay the same when a photo is resized or re-saved."""
    from PIL import Image, ImageOps

    import plugins.gallery.runner  # noqa: F401  (registers the HEIC/HEIF opener)

    try:
        with Image.open(path) as image:
            image.draft("L", (64, 64))
            small = (
                ImageOps.exif_transpose(image).convert("L").resize((9, 8), Image.Resampling.LANCZOS)
            )
    except Exception:
        return None
    pixels = list(small.getdata())
    bits = [
        pixels[row * 9 + col] > pixels[row * 9 + col + 1] for row in range(8) for col in range(8)
    ]
    return sum(1 << n for n, bit in enumerate(bits) if bit)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def taken_at(path: Path) -> datetime:
    from PIL import Image

    try:
        with Image.open(path) as image:
            stamp = image.getexif().get_ifd(0x8769).get(TAKEN) or image.getexif().get(0x0132)
        return datetime.strptime(stamp, "%Y:%m:%d %H:%M:%S")
    except Exception:
        return datetime.fromtimestamp(path.stat().st_mtime)


def stable_name(gallery: str, path: Path, taken: set[str]) -> str:
    base = f"{gallery}-{taken_at(path):%Y%m%d-%H%M%S}"
    suffix = ".jpg" if path.suffix.lower() == ".jpeg" else path.suffix.lower()
    name, number = f"{base}{suffix}", 2
    while name in taken:
        name, number = f"{base}-{number}{suffix}", number + 1
    return name


def import_photos(source: Path, content: Path, gallery: str, languages: list[str]) -> ImportReport:
    if not source.is_dir():
        raise Refused(f"{source} is not a folder: give the folder the photos are in")
    if gallery in ("", ".", "..") or any(mark in gallery for mark in "/\\"):
        raise Refused(
            f'"{gallery}" is not a gallery name: give the name of a folder in '
            "content/galleries/, e.g. --gallery opening-day"
        )
    target = gallery_folder(content / "galleries", gallery)
    if target is None:
        raise Refused(
            f'there is no gallery "{gallery}": make it first with invoke new-gallery {gallery}'
        )
    gallery = target.name
    report = ImportReport(folder=f"{content.name}/{target.relative_to(content).as_posix()}")
    existing = [p for p in target.iterdir() if p.suffix.lower() in SUPPORTED]
    digests = {file_digest(p) for p in existing}
    hashes = [h for h in map(picture_hash, existing) if h is not None]
    names = {p.name for p in target.iterdir()}
    for path in sorted(
        p for p in source.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED
    ):
        add_one(path, target, gallery, report, digests, hashes, names)
    add_to_photo_list(target, report.copied, languages)
    return report


def gallery_folder(galleries: Path, name: str) -> Path | None:
    """The gallery named by its folder (opening-day), or by its Thai title (วันเปิดงาน)."""
    from plugins.content_rules.slugs import slug_for_text
    from plugins.core.front_matter import read_front_matter

    for candidate in (name, slug_for_text(name)):
        if candidate and (galleries / candidate).is_dir():
            return galleries / candidate
    titled = (
        n for n in sorted(galleries.glob("*/index.md")) if read_front_matter(n).get("title") == name
    )
    return next((notes.parent for notes in titled), None)


def add_one(path, target, gallery, report, digests, hashes, names) -> None:
    digest = file_digest(path)
    if digest in digests:
        report.same_file.append(path.name)
        return
    picture = picture_hash(path)
    if picture is None:
        report.unreadable.append(path.name)
        return
    if any(bin(picture ^ other).count("1") <= NEAR for other in hashes):
        report.near_copy.append(path.name)
        return
    name = stable_name(gallery, path, names)
    shutil.copy2(path, target / name)
    digests.add(digest)
    hashes.append(picture)
    names.add(name)
    report.copied.append(name)


def add_to_photo_list(target: Path, names: list[str], languages: list[str]) -> None:
    """The new photos at the end of the gallery's Photos: list in index.md, each with its
    captions to write (in the editor, or in the file)."""
    from plugins.core import front_matter
    from plugins.core.files import write_atomically

    from .upgrade import upgrade_gallery

    if not names:
        return
    notes = target / "index.md"
    if notes.exists():
        upgrade_gallery(target, languages, [])  # an older index.md: into the editor's form first
        matter, body = front_matter.read(notes)
        fields = matter.as_written()
    else:
        fields, body = {}, ""
    key = next((k for k in fields if k.lower() == "photos"), "Photos")
    listed = fields.get(key) or []
    known = {str(item.get("File", "")) for item in listed if isinstance(item, dict)}
    fields[key] = [*listed, *({"File": name} for name in names if name not in known)]
    write_atomically(notes, front_matter.render(fields, body).encode("utf-8"))
