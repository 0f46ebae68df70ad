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


def near_name(folder: Path, name: str) -> str | None:
    """The file of `folder` that `name` surely means: the same but for its capitals or its
    photo extension (IMG_0413.heic for IMG_0413.HEIC), or a close spelling."""
    import difflib

    if not folder.is_dir():
        return None
    files = sorted(path.name for path in folder.iterdir() if path.is_file())
    stem = Path(name).stem.lower()
    for candidate in files:
        if candidate.lower() == name.lower() or (
            Path(candidate).stem.lower() == stem and is_photo(candidate)
        ):
            return candidate
    close = difflib.get_close_matches(name, [f for f in files if is_photo(f)], n=1, cutoff=0.8)
    return close[0] if close else None


def missing_photo_message(reference: str, content: Path, folder: str) -> str:
    """What to say of a page's photo that is not in content/, with the one it surely meant."""
    relative = resolve(reference, folder) or ""
    target = content / relative
    near = near_name(target.parent, target.name) if relative else None
    if near:
        return f'Photo "{reference}" is not in content/ (did you mean {near}?)'
    return (
        f'Photo "{reference}" is not in content/ (check the name; photos go in content/images/, '
        "or beside the page)"
    )
