"""Which booths stand in which zone of the venue map, from the edition's `Booths:` list
(both languages in the item, as the programme's), so that "booth B07" finds its zone:

    Booths:
      - Zone: ผ้า เครื่องแต่งกาย
        Zone_en: Textiles and clothing
        Codes: A01-A20, A25

A product whose booth is in no zone of its edition is a problem of the product's file."""

import re
from dataclasses import dataclass

from plugins.core.problems import Problem

CODE = re.compile(r"([A-Za-z]*)(\d+)")
SHAPE = "a zone is Zone, Zone_en and Codes (e.g. Codes: A01-A20, A25)"
BAD_CODES = 'Booths: "{codes}" is not a list of booth codes (write them as A01-A20, A25)'
IN_NO_ZONE = (
    'Booth "{booth}" is in no zone of edition {edition}\'s map (add it to Codes: of a zone in '
    "{file}, or correct the booth)"
)


@dataclass(frozen=True)
class Zone:
    number: int  # its place in the list, from 1: the venue page's #zone-1
    names: dict[str, str]  # lang → name
    written: str  # the codes as the office wrote them
    spans: tuple[tuple[str, int, int], ...]  # (letters, first, last)

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names["th"]

    def holds(self, booth: str) -> bool:
        found = CODE.fullmatch(booth.strip())
        if not found:
            return False
        letters, number = found[1].upper(), int(found[2])
        return any(letters == own and low <= number <= high for own, low, high in self.spans)


def read_spans(codes: str) -> tuple[tuple[str, int, int], ...] | None:
    """'A01-A20, A25' → (('A', 1, 20), ('A', 25, 25)); None when a part is no code."""
    spans = []
    for part in re.split(r"[,\s]+(?![-–])(?<![-–]\s)", codes.strip()):
        ends = [CODE.fullmatch(end.strip()) for end in re.split(r"\s*[-–]\s*", part) if end]
        if not ends or len(ends) > 2 or not all(ends):
            return None
        first, last = ends[0], ends[-1]
        letters = first[1].upper()
        if (last[1] or first[1]).upper() != letters or int(last[2]) < int(first[2]):
            return None
        spans.append((letters, int(first[2]), int(last[2])))
    return tuple(spans) or None


def zones_of(text) -> tuple[list[Zone], list[Problem]]:
    zones, problems = [], []
    for number, item in enumerate(text.matter.items("booths")):
        item = {str(k).lower(): str(v) for k, v in item.items()} if isinstance(item, dict) else {}
        spans = read_spans(item.get("codes", ""))
        if not item.get("zone") or spans is None:
            said = BAD_CODES.format(codes=item.get("codes", "")) if item.get("zone") else SHAPE
            problems.append(text.problem("booths", said, number))
            continue
        names = {"th": item["zone"], **({"en": item["zone_en"]} if item.get("zone_en") else {})}
        zones.append(Zone(number + 1, names, item["codes"], spans))
    return zones, problems


def booth_problems(fair, main: str) -> list[Problem]:
    """Products whose booth is in no zone of their edition, where the edition has zones."""
    problems = []
    for product in fair.products:
        edition = fair.edition(product.edition)
        if edition and edition.zones and not edition.zone_of(product.booth):
            message = IN_NO_ZONE.format(booth=product.booth, edition=edition.number,
                                        file=edition.texts[main].shown)  # fmt: skip
            problems.append(product.texts[main].problem("Booth", message))
    return problems
