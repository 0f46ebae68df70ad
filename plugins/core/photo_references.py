"""How pages name photos, for every plugin that reads pages: which files are photos, and
which file of content/ a reference in a page names."""

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# What a page's reference to a photo may end with (the file itself is judged by its bytes:
# plugins/core/file_kinds.py).
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".heic", ".heif", ".avif",
                  ".tif", ".tiff", ".bmp"}  # fmt: skip

MARKDOWN_IMAGE = re.compile(
    r'!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)|<img\b[^>]*\bsrc="([^"]+)"'
)


def is_photo(name: str) -> bool:
    return Path(name).suffix.lower() in PHOTO_SUFFIXES


def resolve(reference: str, folder: str) -> str | None:
    """The path below content/ a page's reference to a photo names, or None when it is not
    a reference to a file of the site (a web address, an anchor, not a photo).

    ``{static}/images/a.jpg`` and ``/images/a.jpg`` are from content/; ``{attach}a.jpg``,
    ``{static}a.jpg`` and ``a.jpg`` from the page's own `folder` (below content/)."""
    value = reference.strip()
    for marker in ("{static}", "{attach}"):
        value = value.removeprefix(marker)
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith(("{", "#")):
        return None
    path = unquote(parts.path)
    if not is_photo(path):
        return None
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    return posixpath.normpath(joined)


def photo_references(markdown: str) -> list[tuple[int, str]]:
    """(line, reference) of every image a Markdown text shows."""
    found = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        for match in MARKDOWN_IMAGE.finditer(line):
            found.append((number, match[1] or match[2]))
    return found
