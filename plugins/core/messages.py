"""Messages to the office in Thai first, with the English beside them, in one place.

Every problem is made in English (what developers, logs and tests read). Its Thai form comes
from one gettext catalog, plugins/core/translations/th/LC_MESSAGES/problems.po, read with
Babel when first needed (nothing to compile: `make check` may run before any build). A
catalog entry's id is an English template with {named} parts; a problem whose English text
fits a template gets the Thai template with the same parts, each part itself translated
when it is a message of the catalog (a reason inside a message, a month's name).

Staff read ``for_staff``: ``ไทย · English``. A problem with no Thai yet is shown in English.
"""

import re
from functools import cache
from pathlib import Path

CATALOG = Path(__file__).parent / "translations" / "th" / "LC_MESSAGES" / "problems.po"
PART = re.compile(r"\{(\w+)\}")
SEPARATOR = " · "
WORDS = {"reason", "message", "error", "fix", "month", "language", "what"}  # parts translated too


def template_pattern(template: str) -> re.Pattern:
    """'Date "{value}" {reason}' → a regex with a group for each named part."""
    pieces, seen, end = [], set(), 0
    for found in PART.finditer(template):
        pieces.append(re.escape(template[end : found.start()]))
        name = found[1]
        pieces.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        end = found.end()
    pieces.append(re.escape(template[end:]))
    return re.compile("^" + "".join(pieces) + "$", re.DOTALL)


@cache
def catalog() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, English template, Thai template), the most specific templates first."""
    from babel.messages.pofile import read_po

    with CATALOG.open("rb") as file:
        entries = [(m.id, m.string) for m in read_po(file) if m.id and m.string]
    literal = lambda template: len(PART.sub("", template))  # noqa: E731
    entries.sort(key=lambda entry: -literal(entry[0]))
    return [(template_pattern(english), english, thai) for english, thai in entries]


@cache
def translated(english: str) -> tuple[str, int]:
    """(Thai, how much of the English the catalog's templates covered): of the templates an
    English message fits, the reading that covers most, its reasons translated too."""
    best = ("", 0)
    for pattern, template, thai in catalog():
        found = pattern.match(english)
        if found:
            parts = found.groupdict()
            inner = {name: translated(value) for name, value in parts.items() if name in WORDS}
            covered = len(PART.sub("", template)) + sum(score for _, score in inner.values())
            if covered > best[1]:
                words = {name: text or parts[name] for name, (text, _) in inner.items()}
                best = (filled(thai, {**parts, **words}), covered)
    return best


def filled(thai: str, parts: dict[str, str]) -> str:
    return PART.sub(lambda part: parts[part[1]], thai)


def thai_of(english: str) -> str:
    """The Thai form of an English message, or '' when the catalog has none."""
    return translated(english)[0]


def for_staff(english: str) -> str:
    """'ไทย · English', or the English alone when it has no Thai yet."""
    thai = thai_of(english)
    return f"{thai}{SEPARATOR}{english}" if thai else english
