"""The app's icons, drawn at build time from the site's colours and font: 192 and 512 px,
and a maskable 512 px one whose mark stays inside the circle a phone may cut it to."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

BRAND, WHITE = (122, 31, 92), (255, 255, 255)
ICONS = {"icon-192.png": (192, 0.62), "icon-512.png": (512, 0.62), "maskable-512.png": (512, 0.44)}


def icon(size: int, share: float, font_file: Path) -> bytes:
    """The brand colour, and "OTOP" in white over `share` of its width."""
    image = Image.new("RGB", (size, size), BRAND)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_file), max(8, round(size * share / 2.6)))
    left, top, right, bottom = draw.textbbox((0, 0), "OTOP", font=font)
    position = ((size - (right - left)) / 2 - left, (size - (bottom - top)) / 2 - top)
    draw.text(position, "OTOP", font=font, fill=WHITE)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def icons(font_file: Path) -> dict[str, bytes]:
    return {name: icon(size, share, font_file) for name, (size, share) in ICONS.items()}
