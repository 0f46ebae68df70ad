"""Booth QR codes (segno): qr.svg beside each product page, and qr.png for print."""

from pathlib import Path

import segno

PRINT_SCALE = 20  # modules of 20 px: about 5 cm wide at 300 dpi for a short address


def write_codes(address: str, folder: Path) -> None:
    code = segno.make(address, error="m", micro=False)
    folder.mkdir(parents=True, exist_ok=True)
    code.save(folder / "qr.svg", scale=4, border=4, dark="#1f1a17", title=address)
    code.save(folder / "qr.png", scale=PRINT_SCALE, border=4)
