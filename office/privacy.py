"""Photos that would take a GPS position or a camera's serial number into the public
repository, and the repository's own size against GitHub's recommendation.

`make check` (so `make github` and the workflow) refuses such a photo; `invoke strip-photos`
rewrites it without its metadata, losslessly (JPEG, PNG, WebP) or re-encoded (HEIC). Once
pushed, a position stays in the repository's history: stripping must come first.
"""

import os
import subprocess
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from plugins.core.files import write_atomically
from plugins.core.photo_metadata import ORIENTATION, private_data, without_metadata
from plugins.core.photo_references import PHOTO_SUFFIXES

IMAGE_SUFFIXES = PHOTO_SUFFIXES | {".tif", ".tiff", ".gif", ".avif"}
REPOSITORY_BUDGET = 1_000_000_000  # GitHub's recommendation for a repository
WARN_AT = 0.8
PRIVATE = (
    "carries the {what} it was taken with: run invoke strip-photos before committing it "
    "(it removes that from every photo). A photo already pushed to GitHub keeps it in the "
    "repository's history: ask a developer to rewrite the history, or leave the repository "
    "private"
)


def photos_in(content: Path) -> list[Path]:
    found = []
    for folder, subfolders, files in os.walk(content):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        found += [
            Path(folder) / n for n in sorted(files) if Path(n).suffix.lower() in IMAGE_SUFFIXES
        ]
    return found


def private_photos(content: Path) -> dict[Path, str]:
    """{photo: what private data it carries} for every photo in content/."""
    import plugins.gallery.runner  # noqa: F401  (registers the HEIC/HEIF opener)

    found = {}
    for path in photos_in(content):
        try:
            with Image.open(path) as image:
                what = private_data(image)
        except (OSError, UnidentifiedImageError, ValueError):
            continue  # a damaged photo is the photo check's to name
        if what:
            found[path] = what
    return found


def strip(path: Path) -> bool:
    """`path` rewritten without its metadata; True if it could be."""
    data = path.read_bytes()
    with Image.open(path) as image:
        orientation = image.getexif().get(ORIENTATION, 1)
        kind = image.format
    clean = without_metadata(data, orientation)
    if clean is None and kind in ("HEIF", "TIFF", "AVIF", "GIF"):
        clean = re_encoded(path, kind)
    if clean is None:
        return False
    write_atomically(path, clean)
    return True


def re_encoded(path: Path, kind: str) -> bytes:
    """HEIC, TIFF, AVIF, GIF: saved again in their own format, with no metadata."""
    import io

    out = io.BytesIO()
    with Image.open(path) as image:
        image.load()
        options = {"quality": 90} if kind in ("HEIF", "AVIF") else {}
        image.info.pop("exif", None)
        image.info.pop("xmp", None)
        image.save(out, format=kind, **options)
    return out.getvalue()


def repository_size(root: Path) -> int | None:
    """Bytes the repository's history takes (git's packs and loose objects)."""
    try:
        done = subprocess.run(["git", "count-objects", "-v"], cwd=root, capture_output=True,
                              text=True, check=False)  # fmt: skip
    except OSError:
        return None
    if done.returncode != 0:
        return None
    counts = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    return (int(counts.get("size", 0)) + int(counts.get("size-pack", 0))) * 1024
