"""Photos that Pelican copies as they are ({static} and {attach} images in the writers' pages,
anything under content/images/) leave without what cameras and phones write into them:
GPS position, camera make, model and serial number, XMP, IPTC, comments.

The pixels are not touched (no re-encoding, no loss): only those parts of the file are left
out. A JPEG keeps its orientation (a minimal EXIF with that one tag) and its colour profile.
"""

import struct
from pathlib import Path

from PIL import Image

from plugins.core.files import write_atomically

ORIENTATION = 0x0112
JPEG_DROPPED = {0xE1, 0xED, 0xFE}  # APP1 (EXIF, XMP), APP13 (IPTC), COM
PNG_DROPPED = {b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME"}
WEBP_DROPPED = {b"EXIF", b"XMP "}
WEBP_EXIF_AND_XMP_FLAGS = 0x08 | 0x04
STANDALONE = {0x01, *range(0xD0, 0xD8)}  # markers without a length


def orientation_segment(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    data = exif.tobytes()
    if not data.startswith(b"Exif\x00\x00"):
        data = b"Exif\x00\x00" + data
    return b"\xff\xe1" + struct.pack(">H", len(data) + 2) + data


def jpeg_without_metadata(data: bytes, orientation: int) -> bytes:
    """The JPEG's segments up to the image data, less the dropped ones; then the rest."""
    kept, position = [data[:2]], 2
    if orientation not in (0, 1):
        kept.append(orientation_segment(orientation))
    while position < len(data) - 1 and data[position] == 0xFF:
        marker = data[position + 1]
        if marker in STANDALONE:
            kept.append(data[position : position + 2])
            position += 2
            continue
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        segment = data[position : position + 2 + length]
        if marker == 0xDA:  # start of scan: the image data follows to the end
            kept.append(data[position:])
            return b"".join(kept)
        if marker not in JPEG_DROPPED:
            kept.append(segment)
        position += 2 + length
    kept.append(data[position:])
    return b"".join(kept)


def png_without_metadata(data: bytes) -> bytes:
    kept, position = [data[:8]], 8
    while position < len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        kind = data[position + 4 : position + 8]
        chunk = data[position : position + 12 + length]
        if kind not in PNG_DROPPED:
            kept.append(chunk)
        position += 12 + length
    return b"".join(kept)


def webp_without_metadata(data: bytes) -> bytes:
    chunks, position = [], 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        size = struct.unpack("<I", data[position + 4 : position + 8])[0]
        chunk = data[position : position + 8 + size + (size & 1)]
        if kind == b"VP8X":
            flags = chunk[8] & ~WEBP_EXIF_AND_XMP_FLAGS
            chunk = chunk[:8] + bytes([flags]) + chunk[9:]
        if kind not in WEBP_DROPPED:
            chunks.append(chunk)
        position += 8 + size + (size & 1)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def without_metadata(data: bytes, orientation: int = 1) -> bytes | None:
    """The same image without metadata; None for a file that is not a JPEG, PNG or WebP."""
    if data.startswith(b"\xff\xd8"):
        return jpeg_without_metadata(data, orientation)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return png_without_metadata(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return webp_without_metadata(data)
    return None


PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}


def strip_copied_photos(paths: list[str]) -> list[str]:
    """Rewrite each copied photo without its metadata, if it has any; the ones rewritten."""
    rewritten = []
    for name in paths:
        path = Path(name)
        if path.suffix.lower() not in PHOTO_SUFFIXES or not path.is_file():
            continue
        data = path.read_bytes()
        orientation = 1
        if data.startswith(b"\xff\xd8"):
            with Image.open(path) as image:
                orientation = image.getexif().get(ORIENTATION, 1)
        clean = without_metadata(data, orientation)
        if clean is not None and clean != data:
            write_atomically(path, clean)
            rewritten.append(name)
    return rewritten
