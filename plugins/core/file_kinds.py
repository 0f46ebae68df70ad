"""What a file is, by its bytes, never by its name: a JPEG called x.jfif, x.jpe or
x.jpg.orig is a photo, and an "image" called logo.png holding HTML is not.

The site publishes from content/ only what a reader needs, decided here: photos (through the
photo pipeline, never as they are), PDF documents, and SVG drawings drawn inline as an
edition's venue map (cleaned by an allow-list, never published as a file). Anything else
(HTML, XML, SVG elsewhere, scripts, unknown bytes) is a problem naming the file.
"""

from pathlib import Path

PHOTO_KINDS = {"jpeg", "png", "webp", "heif", "avif", "tiff", "bmp"}  # not GIF: see REFUSED
DOCUMENT_KINDS = {"pdf"}
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis"}
TEXT_MARKUP = (b"<svg", b"<html", b"<!doctype", b"<?xml", b"<script", b"<body", b"<head")


def kind_of_bytes(head: bytes) -> str:
    """jpeg, png, webp, gif, heif, avif, tiff, bmp, pdf, svg, markup, or other."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return (
            "avif" if brand in (b"avif", b"avis") else "heif" if brand in HEIF_BRANDS else "other"
        )
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"BM") and len(head) > 14:
        return "bmp"
    if head.startswith(b"%PDF-"):
        return "pdf"
    return markup_kind(head)


def markup_kind(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text[:4096]:
        return "svg"
    return "markup" if text.startswith(b"<") or any(m in text for m in TEXT_MARKUP) else "other"


def kind_of(path: Path) -> str:
    try:
        with path.open("rb") as file:
            return kind_of_bytes(file.read(4096))
    except OSError:
        return "other"


def is_photo_file(path: Path) -> bool:
    return kind_of(path) in PHOTO_KINDS


def meant_as_photo(path: Path, photo_suffixes: set[str]) -> bool:
    """A photo by its bytes, or a file named as one whose bytes are no known kind (empty,
    cut short, a letter saved as .jpg): the photo pipeline then says what is wrong with it."""
    kind = kind_of(path)
    return kind in PHOTO_KINDS or (kind == "other" and path.suffix.lower() in photo_suffixes)


PUBLISH_PHOTO, PUBLISH_AS_IS, NOT_PUBLISHED = "photo", "as is", "not published"
REFUSED = {
    "gif": (
        "is a GIF, which the site does not take (save it as JPEG or PNG; an animation would "
        "lose its movement)"
    ),
    "svg": (
        "is an SVG drawing, which the site publishes only as an edition's Map (drawn in the "
        "page, cleaned): name it in Map:, or save the picture as PNG or JPEG"
    ),
    "markup": (
        "is a web page or other markup, which the site never publishes from content/ (it "
        "could run a script on the site's address): remove it"
    ),
    "other": (
        "is not a photo, a PDF document or a venue map, the only files the site publishes "
        "from content/: remove it, or save it as one of those"
    ),
}


def verdict(kind: str, is_map: bool) -> tuple[str, str | None]:
    """(what happens to a static file of this kind, the problem if it is refused)."""
    if kind in PHOTO_KINDS:
        return PUBLISH_PHOTO, None  # through the photo pipeline, never as it is
    if kind in DOCUMENT_KINDS:
        return PUBLISH_AS_IS, None
    if kind == "svg" and is_map:
        return NOT_PUBLISHED, None  # drawn in the edition's pages instead
    return NOT_PUBLISHED, REFUSED.get(kind, REFUSED["other"])
