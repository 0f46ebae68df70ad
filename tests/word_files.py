"""Word files (.docx) shaped as Word writes them, not as a library would: each paragraph in
runs split inside words (Word splits wherever an edit, a spell check or a revision mark fell),
Thai bold written only as the complex-script mark w:bCs, the Thai font and size on every run,
spell-check marks between runs, w:br line breaks, photos inline and in table cells."""

import io
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm
from PIL import Image

THAI_FONT = '<w:rFonts w:ascii="TH SarabunPSK" w:hAnsi="TH SarabunPSK" w:cs="TH SarabunPSK"/>'


def run_xml(text: str, bold: bool = False, revision: int = 0) -> str:
    """One run as Word writes Thai text: bold as w:bCs only, the size as w:sz and w:szCs."""
    marks = "<w:bCs/>" if bold else ""
    return (
        f'<w:r {nsdecls("w")} w:rsidR="00{revision:06X}"><w:rPr>{THAI_FONT}{marks}'
        f'<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def line_break_xml() -> str:
    return f"<w:r {nsdecls('w')}><w:rPr>{THAI_FONT}</w:rPr><w:br/></w:r>"


def spell_mark_xml(kind: str) -> str:
    return f'<w:proofErr {nsdecls("w")} w:type="{kind}"/>'


def split_runs(text: str, every: int = 7, bold: bool = False) -> list[str]:
    """The text in runs of `every` characters, cut inside words, with spell-check marks."""
    parts = [text[at : at + every] for at in range(0, len(text), every)]
    xml = []
    for number, part in enumerate(parts):
        xml.append(run_xml(part, bold=bold, revision=number % 3))
        if number % 4 == 1:
            xml.append(spell_mark_xml("spellStart" if number % 8 == 1 else "spellEnd"))
    return xml


def add_paragraph(document, pieces: list[str], style: str | None = None):
    """A paragraph made of run XML pieces (split_runs, line_break_xml …)."""
    paragraph = document.add_paragraph(style=style)
    for piece in pieces:
        paragraph._p.append(parse_xml(piece))
    return paragraph


def add_photo(paragraph, image_bytes: bytes, width_cm: float = 8):
    paragraph.add_run().add_picture(io.BytesIO(image_bytes), width=Cm(width_cm))


def photo_table(document, photos: list[bytes], captions: list[str]):
    """Photos laid out in a table, one per cell, captions in the row below (as offices do)."""
    table = document.add_table(rows=2, cols=len(photos))
    for column, (photo, caption) in enumerate(zip(photos, captions, strict=True)):
        add_photo(table.cell(0, column).paragraphs[0], photo, width_cm=6)
        table.cell(1, column).paragraphs[0]._p.append(parse_xml(run_xml(caption)))
    return table


def jpeg_bytes(image: Image.Image, exif: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def new_document():
    document = Document()
    document.styles["Normal"].font.name = "TH SarabunPSK"
    return document


def save(document, path: Path) -> Path:
    document.save(path)
    return path
