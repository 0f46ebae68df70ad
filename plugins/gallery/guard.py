"""The last guard: before a build ends, every raster image in output/ is read back.

One that carries GPS, camera or XMP metadata, or is wider than the largest configured
width (unless full-size photos were asked for), stops the build naming the file: whatever
put it there, the site does not publish it.
"""

import json
import os
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from plugins.core.files import write_if_changed
from plugins.core.photo_metadata import any_metadata
from plugins.core.problems import ContentError, Problem
from plugins.core.state import OutputFiles

RASTER = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif", ".tif", ".tiff"}
SKIPPED = {"pagefind"}  # the search index's own files are not images
CHECKED = "published-images.json"
LINK_PREVIEW_WIDTH = 1200  # sharing cards (plugins/social) and the photos' JPEGs


class UnsafeImage(ContentError):
    """A published image carries metadata or is larger than the site publishes."""


def what_is_wrong(path: Path, widest: int) -> str | None:
    try:
        with Image.open(path) as image:
            found = any_metadata(image)
            if found:
                return found
            if widest and image.width > widest:
                return f"is {image.width} px wide, more than the {widest} px the site publishes"
    except (OSError, UnidentifiedImageError):
        return "is not an image that can be read"
    return None


def output_files(output: Path) -> dict[str, list[int]]:
    """{path: [size, modification time]} of every file under output/ (one walk, which the
    size report reads too)."""
    found = {}
    for folder, _, files in os.walk(output):
        for name in files:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            found[path] = [stat.st_size, stat.st_mtime_ns]
    return found


def published_images(files: dict[str, list[int]], output: Path) -> dict[str, list[int]]:
    """The raster images among `files`, but for the search index's own files."""
    skipped = tuple(os.path.join(output, name) + os.sep for name in SKIPPED)
    return {
        path: stamp
        for path, stamp in files.items()
        if os.path.splitext(path)[1].lower() in RASTER and not path.startswith(skipped)
    }


def earlier_passes(cache: Path) -> dict[str, list[int]]:
    try:
        return json.loads((cache / CHECKED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def widest_published(settings: dict) -> int:
    only_at = [width for widths in settings["GALLERY_ONLY_AT"].values() for width in widths]
    return max(*settings["GALLERY_WIDTHS"], *only_at, LINK_PREVIEW_WIDTH)


def check_published(state, settings: dict) -> OutputFiles:
    """Every image under output/ read back, except those that passed before with the same
    size and time under the same settings (kept in CACHE_PATH/published-images.json).
    Returns every file of output/ as it found them, for the size report."""
    output, cache = Path(state.output_path), Path(state.cache_path)
    widest = 0 if settings["GALLERY_FULL_SIZE"] else widest_published(settings)
    found = output_files(output)
    images, passed = published_images(found, output), earlier_passes(cache)
    if passed.get("widest") != widest:
        passed = {}
    problems, fine = [], {"widest": widest}
    for path, stamp in images.items():
        wrong = None if passed.get(path) == stamp else what_is_wrong(Path(path), widest)
        if wrong:
            fix = "it was not made by the photo pipeline; remove it from output/ and build again"
            shown = str(Path(path).relative_to(output.parent))
            problems.append(Problem(shown, 0, f"{wrong}: {fix}"))
        else:
            fine[path] = stamp
    write_if_changed(cache / CHECKED, json.dumps(fine).encode())
    if problems:
        for problem in problems:
            print(problem)
        raise UnsafeImage(problems)
    return found
