"""Photos made in the tests, as phones and cameras make them."""

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

RED, BLUE = (220, 20, 20), (20, 40, 200)
GPS_IFD = 0x8825
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-'
    b'rdf-syntax-ns#"><rdf:Description>secret-serial-123</rdf:Description></rdf:RDF></x:xmpmeta>'
)


def marked(size=(1200, 800), mode="RGB") -> Image.Image:
    """Blue, with a red block in the stored top-left corner."""
    image = Image.new("RGB", size, BLUE)
    ImageDraw.Draw(image).rectangle([0, 0, size[0] // 4, size[1] // 4], fill=RED)
    return image.convert(mode)


def camera_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Model X"
    exif[0xA431] = "SERIAL-0042"  # BodySerialNumber
    exif[GPS_IFD] = {1: "N", 2: (16.0, 26.0, 4.0), 3: "E", 4: (102.0, 50.0, 6.0)}
    return exif.tobytes()


def save_jpeg(path: Path, image: Image.Image, orientation: int = 1) -> Path:
    image.save(
        path, "JPEG", quality=92, exif=camera_exif(orientation), xmp=XMP, comment=b"Owner: X"
    )
    return path


def png_claiming_size(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims a huge size (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 16)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )
    return path


def heic_bytes(image: Image.Image, gps: bool = False) -> bytes:
    """An iPhone's HEIC; with `gps`, carrying its position and camera as iPhones do."""
    from pillow_heif import register_heif_opener

    register_heif_opener()
    buffer = io.BytesIO()
    image.save(buffer, "HEIF", quality=80, **({"exif": camera_exif()} if gps else {}))
    return buffer.getvalue()
