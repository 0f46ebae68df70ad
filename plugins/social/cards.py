"""Card images (1200×630) for LINE, Facebook and X, with Thai set by raqm.

The Sarabun files are split by script (a Thai face and a Latin one), and Pillow does not
fall back from one font to another, so a line is cut into runs of Thai and of other
letters, each drawn with its own face. Raqm shapes each run: without it, tone marks and
vowels above and below Thai letters land in the wrong places.
"""

import re
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)
BRAND, WHITE, SOFT = (122, 31, 92), (255, 255, 255), (246, 233, 241)
THAI_RUN = re.compile(r"([\u0e00-\u0e7f]+(?:\s+[\u0e00-\u0e7f]+)*)")


class Faces:
    def __init__(self, fonts: Path, size: int, weight: int = 700):
        layout = ImageFont.Layout.RAQM
        self.thai = ImageFont.truetype(
            str(fonts / f"sarabun-thai-{weight}-normal.woff2"), size, layout_engine=layout
        )
        self.latin = ImageFont.truetype(
            str(fonts / f"sarabun-latin-{weight}-normal.woff2"), size, layout_engine=layout
        )

    def runs(self, text: str):
        for part in THAI_RUN.split(text):
            if part:
                yield part, self.thai if THAI_RUN.fullmatch(part) else self.latin

    def width(self, text: str) -> float:
        return sum(face.getlength(part) for part, face in self.runs(text))


def words(text: str) -> list[str]:
    """Pieces a line may break between: Thai is written without spaces, so Thai runs are
    cut into words (pythainlp), other text at its spaces; spaces stay with their word."""
    from pythainlp.tokenize import word_tokenize

    pieces = []
    for part in THAI_RUN.split(text):
        pieces += (
            word_tokenize(part) if THAI_RUN.fullmatch(part) else re.findall(r"\S+\s*|\s+", part)
        )
    return [piece for piece in pieces if piece]


def wrap(text: str, faces: Faces, width: int) -> list[str]:
    lines, line = [], ""
    for word in words(text):
        if faces.width(line + word) <= width or not line.strip():
            line += word
        else:
            lines.append(line.strip())
            line = word.lstrip()
    lines.append(line.strip())
    return [cut(one, faces, width) for one in lines if one]


def cut(line: str, faces: Faces, width: int) -> str:
    while faces.width(line) > width and len(line) > 1:
        line = line[:-2] + "…"
    return line


def draw_text(
    draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, faces: Faces, fill
) -> None:
    x, y = xy
    for part, face in faces.runs(text):
        draw.text((x, y), part, font=face, fill=fill, language="th" if face is faces.thai else "en")
        x += face.getlength(part)


@cache
def faces(fonts: Path, size: int, weight: int = 700) -> Faces:
    return Faces(fonts, size, weight)


@cache
def background(lines_below: tuple[str, ...], top: int, fonts: Path) -> Image.Image:
    """What cards with the same lines below share: drawn once, copied for each title."""
    card = Image.new("RGB", SIZE, BRAND)
    draw = ImageDraw.Draw(card)
    draw.rectangle([0, SIZE[1] - 24, SIZE[0], SIZE[1]], fill=SOFT)
    small = faces(fonts, 34, weight=400)
    for number, line in enumerate(lines_below[:3]):
        draw_text(draw, (80, top + 54 * number), line, small, SOFT)
    return card


def make_card(title: str, lines_below: list[str], fonts: Path) -> Image.Image:
    big = faces(fonts, 64)
    title_lines = wrap(title, big, SIZE[0] - 160)[:3]
    top = max(90 + 96 * len(title_lines) + 30, 400)
    card = background(tuple(lines_below), top, fonts).copy()
    draw = ImageDraw.Draw(card)
    for number, line in enumerate(title_lines):
        draw_text(draw, (80, 90 + 96 * number), line, big, WHITE)
    return card
