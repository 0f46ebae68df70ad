"""Every photo of the site outside the galleries: in press releases (``{static}``,
``{attach}`` or a plain relative path), in ``Photo:`` fields, in content/images/.

Each goes through the galleries' pipeline (upright, sRGB, no metadata, the configured
widths in WebP and one JPEG) and is published once for every language at
``photos/<its folder under content/>/<name>-<width>.webp``. The original is not published.
"""

import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from plugins.core.file_kinds import meant_as_photo
from plugins.core.photo_references import PHOTO_SUFFIXES
from plugins.core.problems import Problem

from .galleries import Photo, photo_slug

PHOTOS_URL = "photos/"  # below the main language's root


@dataclass
class SitePhotos:
    sources: dict[str, Path]  # content-relative path → the file
    photos: dict[str, Photo] = field(default_factory=dict)  # the ones made: path → Photo
    problems: list[Problem] = field(default_factory=list)  # found while making them
    missing: set[Problem] = field(default_factory=set)  # pages naming photos not there
    refused: set[Problem] = field(default_factory=set)  # files of content/ it will not publish
    in_galleries: dict[str, Photo] = field(default_factory=dict)  # a page may name them too

    def find(self, relative: str) -> Photo | None:
        return self.photos.get(relative) or self.in_galleries.get(relative)


TEXT_SUFFIXES = {".md", ".markdown", ".mdown", ".txt"}  # never photos: not opened to see


def find_site_photos(content: Path, gallery_root: Path) -> dict[str, Path]:
    """Photos (by their bytes, whatever their names) anywhere under content/, except in the
    galleries' folder."""
    found = {}
    for folder, folders, files in os.walk(content):
        here = Path(folder)
        folders[:] = [
            name for name in folders if not name.startswith(".") and here / name != gallery_root
        ]
        for name in files:
            path = here / name
            if name.startswith(".") or path.suffix.lower() in TEXT_SUFFIXES:
                continue
            if meant_as_photo(path, PHOTO_SUFFIXES):
                found[path.relative_to(content).as_posix()] = path
    return dict(sorted(found.items()))


def published_prefix(relative: str) -> str:
    """``images/Lead Photo.JPG`` → ``photos/images/lead-photo``."""
    folder = posixpath.dirname(relative)
    return posixpath.join(PHOTOS_URL, folder, photo_slug(posixpath.basename(relative)))


def same_name_problems(sources: dict[str, Path], shown) -> tuple[dict[str, Path], list[Problem]]:
    """lead.jpg and lead.png in one folder would be published under one name: the first
    keeps it, the others are problems."""
    kept, first_with, problems = {}, {}, []
    for relative, path in sources.items():
        prefix = published_prefix(relative)
        if prefix in first_with:
            message = f"would be published under the same name as {first_with[prefix]} (rename one)"
            problems.append(Problem(shown(path), 0, message))
            continue
        first_with[prefix] = posixpath.basename(relative)
        kept[relative] = path
    return kept, problems
