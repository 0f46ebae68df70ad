"""Booth QR codes (segno): qr.svg beside each product page, and qr.png for print."""

import io
from pathlib import Path

import segno
from markupsafe import Markup

from plugins.core.files import write_if_changed

PRINT_SCALE = 20  # modules of 20 px: about 5 cm wide at 300 dpi for a short address


def code_files(address: str) -> dict[str, bytes]:
    """{file name: bytes}: the same address always gives the same bytes."""
    code = segno.make(address, error="m", micro=False)
    svg, png = io.BytesIO(), io.BytesIO()
    code.save(svg, kind="svg", scale=4, border=4, dark="#1f1a17", title=address)
    code.save(png, kind="png", scale=PRINT_SCALE, border=4)
    return {"qr.svg": svg.getvalue(), "qr.png": png.getvalue()}


def inline_code(address: str) -> Markup:
    """The code as an <svg> inside a page (the printable edition's way back to the site)."""
    code = segno.make(address, error="m", micro=False)
    return Markup(code.svg_inline(scale=4, border=2, dark="#000", omitsize=True))


def write_codes(address: str, folder: Path) -> None:
    for name, data in code_files(address).items():
        write_if_changed(folder / name, data)
