"""`invoke import-photos <folder> --gallery <name>`: a camera's or phone's photos into a
gallery, as web masters (upright, at most the site's widest width, no metadata: never a GPS
position in the public repository), under names from the time they were taken, skipping
exact and near duplicates; the source is only read. Each source's digest is kept in the
gallery's .imported file, so that a second import recognises a photo it already made."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from plugins.core.files import exclusive
from plugins.core.photo_references import PHOTO_SUFFIXES as SUPPORTED

from . import Refused

NEAR = 6  # bits of difference in the 64-bit picture hash that still mean "the same photo"
TAKEN = 0x9003  # EXIF DateTimeOriginal


@dataclass
class ImportReport:
    folder: str = ""  # the gallery's folder below content/, e.g. galleries/wan-poetngan
    copied: list[str] = field(default_factory=list)
    originals: dict[str, str] = field(default_factory=dict)  # new name → the camera's name
    taken: dict[str, datetime] = field(default_factory=dict)  # new name → when it was taken
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
    pixels = list(small.tobytes())
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


def stable_name(gallery: str, taken: datetime, suffix: str, stems: set[str]) -> str:
    """gallery-YYYYMMDD-HHMMSS.jpg; -2, -3 … for photos of the same second: one published
    name per photo, whatever its format (stems taken are in `stems`, lower case)."""
    base = f"{gallery}-{taken:%Y%m%d-%H%M%S}"
    stem, number = base, 2
    while stem.lower() in stems:
        stem, number = f"{base}-{number}", number + 1
    return f"{stem}{suffix}"


MASTER_JPEG = {"quality": 90}
SOURCES_FILE = ".imported"  # the digest of each photo imported, and the name it was given


def web_master(path: Path, widest: int) -> tuple[bytes, str]:
    """(bytes, suffix): the photo upright, in sRGB, at most `widest` px wide, with no
    metadata; JPEG, or PNG for a picture with transparency."""
    from PIL import Image

    import plugins.gallery.runner  # noqa: F401  (registers the HEIC/HEIF opener)
    from plugins.gallery.transforms import encode, fit_width, prepare

    with Image.open(path) as image:
        pixels = fit_width(prepare(image, widest), widest)
    if pixels.mode == "RGBA":
        return encode(pixels, "png", {"optimize": True}), ".png"
    return encode(pixels, "jpeg", MASTER_JPEG), ".jpg"


def imported_digests(folder: Path) -> dict[str, str]:
    """{source digest: name given} of the photos imported into a gallery before."""
    try:
        lines = (folder / SOURCES_FILE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return dict(line.split(" ", 1) for line in lines if " " in line)


def remember_sources(folder: Path, added: dict[str, str]) -> None:
    if added:
        known = imported_digests(folder) | added
        text = "".join(f"{digest} {name}\n" for digest, name in sorted(known.items()))
        (folder / SOURCES_FILE).write_text(text, encoding="utf-8")


def import_photos(source: Path, content: Path, gallery: str, languages: list[str],
                  widest: int = 2400) -> ImportReport:  # fmt: skip
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
    with exclusive(f"import into {target.resolve()}"):  # two imports at once: one waits
        import_into(source, target, gallery, report, widest)
        add_to_photo_list(target, report, languages)
    return report


def import_into(
    source: Path, target: Path, gallery: str, report: ImportReport, widest: int
) -> None:
    """What the gallery holds is read under the lock, and each new name taken under it."""
    existing = [p for p in target.iterdir() if p.suffix.lower() in SUPPORTED]
    digests = {file_digest(p) for p in existing} | set(imported_digests(target))
    hashes = [h for h in map(picture_hash, existing) if h is not None]
    known = Known(digests, hashes, {p.stem.lower() for p in target.iterdir()}, {})
    photos = [p for p in source.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED]
    for path in sorted(photos, key=lambda p: (taken_at(p), p.name)):  # the first stays first
        add_one(path, target, gallery, report, known, widest)
    remember_sources(target, known.added)


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


@dataclass
class Known:
    """What a gallery holds already: file digests, picture hashes, name stems taken, and the
    sources added by this import ({digest: name})."""

    digests: set[str]
    hashes: list[int]
    stems: set[str]
    added: dict[str, str]


def add_one(path: Path, target: Path, gallery: str, report: ImportReport, known: Known,
            widest: int) -> None:  # fmt: skip
    try:
        digest = file_digest(path)
    except OSError:  # not allowed to read it, or gone: named, and the others go on
        report.unreadable.append(path.name)
        return
    if digest in known.digests:
        report.same_file.append(path.name)
        return
    picture = picture_hash(path)
    if picture is None:
        report.unreadable.append(path.name)
        return
    if any(bin(picture ^ other).count("1") <= NEAR for other in known.hashes):
        report.near_copy.append(path.name)
        return
    data, suffix = web_master(path, widest)
    name = stable_name(gallery, taken_at(path), suffix, known.stems)
    with (target / name).open("xb") as file:  # never over another photo
        file.write(data)
    known.digests.add(digest)
    known.hashes.append(picture)
    known.stems.add(Path(name).stem.lower())
    known.added[digest] = name
    report.copied.append(name)
    report.originals[name] = path.name
    report.taken[name] = taken_at(path)


def add_to_photo_list(target: Path, report: ImportReport, languages: list[str]) -> None:
    """The new photos at the end of the gallery's Photos: list in index.md, each with its
    captions to write (in the editor, or in the file); a gallery with no date yet is dated
    by the day its first photo was taken."""
    names = report.copied
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
    if not any(k.lower() == "date" for k in fields):  # after its title, as the editor writes it
        day = min(report.taken.values()).date().isoformat()
        title = {k: v for k, v in fields.items() if k.lower() == "title"}
        fields = {**title, "Date": day, **{k: v for k, v in fields.items() if k not in title}}

    write_atomically(notes, front_matter.render(fields, body).encode("utf-8"))
