"""A Word file (.docx) as HTML, with its pictures, for `invoke import-release`.

mammoth reads the file (toolchain.md). One trap is measured and handled here: Word marks
Thai text bold and italic with the complex-script marks `w:bCs` and `w:iCs`, often without
`w:b` and `w:i`, and mammoth reads only those two. Each run's complex-script mark is copied
to the plain one before mammoth reads the file; nothing else of the file is changed.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from . import Refused

RUN_PROPERTIES = re.compile(r"<w:rPr>.*?</w:rPr>", re.DOTALL)
BODY_PARTS = re.compile(r"word/(document|footnotes|endnotes)\.xml")
OFF = {"0", "false", "off"}


@dataclass(frozen=True)
class Picture:
    """A picture of the Word file: its bytes, its type and Word's description of it."""

    data: bytes
    content_type: str
    alt: str


@dataclass
class WordFile:
    html: str
    pictures: list[Picture] = field(default_factory=list)  # `src` is "picture-<n>", from 1


def mark_is_on(properties: str, mark: str) -> bool | None:
    """True, False, or None when the run's properties do not say (w:bCs, w:bCs w:val="0")."""
    found = re.search(rf'<w:{mark}(?:\s+w:val="([^"]*)")?\s*/>', properties)
    if not found:
        return None
    return (found.group(1) or "1").lower() not in OFF


def with_plain_marks(properties: str) -> str:
    """A run's properties with w:b and w:i added where only w:bCs and w:iCs say so."""
    added = "".join(
        f"<w:{plain}/>"
        for plain, complex_script in (("b", "bCs"), ("i", "iCs"))
        if mark_is_on(properties, complex_script) and mark_is_on(properties, plain) is None
    )
    return properties.replace("<w:rPr>", "<w:rPr>" + added, 1)


def complex_script_marks_copied(docx: bytes) -> bytes:
    """The Word file with each run's w:bCs and w:iCs also written as w:b and w:i."""
    source, copy = zipfile.ZipFile(io.BytesIO(docx)), io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if BODY_PARTS.fullmatch(item.filename):
                text = data.decode("utf-8")
                data = RUN_PROPERTIES.sub(lambda run: with_plain_marks(run.group(0)), text)
                data = data.encode("utf-8")
            target.writestr(item, data)
    return copy.getvalue()


def read_word_file(name: str, docx: bytes) -> WordFile:
    """The file as HTML; its pictures are kept aside, each named picture-<n> in the HTML."""
    import mammoth

    word = WordFile(html="")

    def keep(image) -> dict[str, str]:
        with image.open() as stream:
            word.pictures.append(Picture(stream.read(), image.content_type, image.alt_text or ""))
        return {"src": f"picture-{len(word.pictures)}", "alt": image.alt_text or ""}

    try:
        marked = complex_script_marks_copied(docx)
        result = mammoth.convert_to_html(
            io.BytesIO(marked), convert_image=mammoth.images.img_element(keep)
        )
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        raise Refused(
            f"{name} is not a Word file that can be read (.docx): open it in Word and save it "
            "again as a Word Document (.docx)"
        ) from None
    word.html = result.value
    return word
