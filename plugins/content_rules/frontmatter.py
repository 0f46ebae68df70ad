"""Read the front matter of a Markdown file the way Markdown's meta extension does,
keeping the line number of every field so that errors can point at it."""

import re
from dataclasses import dataclass, field
from pathlib import Path

FIELD_LINE = re.compile(r"^(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
CONTINUATION = re.compile(r"^ {4,}|^\t")
FENCE = {"---", "..."}


@dataclass(frozen=True)
class Field:
    value: str
    line: int


@dataclass
class FrontMatter:
    path: Path
    fields: dict[str, Field] = field(default_factory=dict)
    end_line: int = 1  # the line after the last field, where a missing one belongs

    def get(self, key: str) -> str | None:
        found = self.fields.get(key.lower())
        return found.value if found else None

    def line_of(self, key: str) -> int:
        found = self.fields.get(key.lower())
        return found.line if found else self.end_line


def parse_lines(path: Path, lines: list[str]) -> FrontMatter:
    matter = FrontMatter(path)
    start = 1 if lines and lines[0].strip() == "---" else 0
    last_key = None
    number = start
    for number, line in enumerate(lines[start:], start=start + 1):
        if not line.strip() or (start and line.strip() in FENCE):
            break
        match = FIELD_LINE.match(line)
        if match:
            last_key = match["key"].lower()
            matter.fields[last_key] = Field(match["value"].strip(), number)
        elif last_key and CONTINUATION.match(line):
            previous = matter.fields[last_key]
            joined = f"{previous.value} {line.strip()}".strip()
            matter.fields[last_key] = Field(joined, previous.line)
        else:
            break
    else:
        number += 1
    matter.end_line = max(number, 1)
    return matter


def read_front_matter(path: Path) -> FrontMatter:
    text = path.read_text(encoding="utf-8-sig")
    return parse_lines(path, text.splitlines())
