"""What cameras and phones write into photos, found and taken out, in one place.

- ``private_data``: what must never reach the public repository or the site: the GPS
  position (a producer's house), the camera's or lens's serial number.
- ``any_metadata``: what the site never publishes: the above, camera make and model, XMP.
- ``without_metadata``: the same photo without any of it, its pixels untouched (no
  re-encoding): JPEG (keeping only its orientation), PNG and WebP.
"""

import struct

from PIL import Image

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
ORIENTATION = 0x0112
SERIAL_TAGS = {0xA431: "camera's serial number", 0xA435: "lens's serial number",
               0xC62F: "camera's serial number"}  # fmt: skip
CAMERA_TAGS = {0x010F: "camera make", 0x0110: "camera model", **SERIAL_TAGS}
XMP_KEYS = ("xmp", "XML:com.adobe.xmp")
PRIVATE_XMP = {b"GPSLatitude": "GPS position", b"SerialNumber": "camera's serial number"}


def exif_value(exif: Image.Exif, tag: int):
    return exif.get(tag) or exif.get_ifd(EXIF_IFD).get(tag)


def xmp_of(image: Image.Image) -> bytes:
    found = [image.info.get(key) for key in XMP_KEYS]
    return b"".join(
        value if isinstance(value, bytes) else str(value or "").encode() for value in found
    )


def private_data(image: Image.Image) -> str | None:
    """'GPS position', "camera's serial number" … or None."""
    exif = image.getexif()
    if GPS_IFD in exif and exif.get_ifd(GPS_IFD):
        return "GPS position"
    for tag, name in SERIAL_TAGS.items():
        if exif_value(exif, tag):
            return name
    xmp = xmp_of(image)
    return next((name for key, name in PRIVATE_XMP.items() if key in xmp), None)


def any_metadata(image: Image.Image) -> str | None:
    """What a published image must not carry: 'carries a GPS position' … or None."""
    exif = image.getexif()
    if GPS_IFD in exif and exif.get_ifd(GPS_IFD):
        return "carries a GPS position"
    for tag, name in CAMERA_TAGS.items():
        if exif_value(exif, tag):
            return f"carries the {name}"
    if xmp_of(image) or b"<x:xmpmeta" in image.info.get("exif", b""):
        return "carries XMP metadata"
    return None


# ---- Taking it out, losslessly --------------------------------------------------------

JPEG_DROPPED = {0xE1, 0xED, 0xFE}  # APP1 (EXIF, XMP), APP13 (IPTC), COM
PNG_DROPPED = {b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"tIME"}
WEBP_DROPPED = {b"EXIF", b"XMP "}
WEBP_EXIF_AND_XMP_FLAGS = 0x08 | 0x04
STANDALONE = {0x01, *range(0xD0, 0xD8)}  # JPEG markers without a length


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
        if marker == 0xDA:  # start of scan: the image data follows to the end
            kept.append(data[position:])
            return b"".join(kept)
        if marker not in JPEG_DROPPED:
            kept.append(data[position : position + 2 + length])
        position += 2 + length
    kept.append(data[position:])
    return b"".join(kept)


def png_without_metadata(data: bytes) -> bytes:
    kept, position = [data[:8]], 8
    while position < len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        if data[position + 4 : position + 8] not in PNG_DROPPED:
            kept.append(data[position : position + 12 + length])
        position += 12 + length
    return b"".join(kept)


def webp_without_metadata(data: bytes) -> bytes:
    chunks, position = [], 12
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        size = struct.unpack("<I", data[position + 4 : position + 8])[0]
        chunk = data[position : position + 8 + size + (size & 1)]
        if kind == b"VP8X":
            chunk = chunk[:8] + bytes([chunk[8] & ~WEBP_EXIF_AND_XMP_FLAGS]) + chunk[9:]
        if kind not in WEBP_DROPPED:
            chunks.append(chunk)
        position += 8 + size + (size & 1)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def without_metadata(data: bytes, orientation: int = 1) -> bytes | None:
    """The same image without metadata; None for a kind this cannot rewrite losslessly."""
    if data.startswith(b"\xff\xd8"):
        return jpeg_without_metadata(data, orientation)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return png_without_metadata(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return webp_without_metadata(data)
    return None
