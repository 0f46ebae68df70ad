"""Front matter, read and written in one place for every file of content/.

The form staff and the browser editor (/admin/) both write is YAML between ``---`` lines:

    ---
    Title: 'ข่าว: วันเปิดงาน'
    Date: 2024-05-28 17:30
    Tags:
      - ผ้าไหม
      - เวที
    ---

    The text…

Every value is read as text (YAML's base schema: ``10.00`` stays ``10.00``, ``2024-05-28``
stays as written); the site's own readers decide what a date, a time or a number is. A list
is a list of texts, or of small tables of texts (a programme's shows, a gallery's photos).
The older head without ``---`` (one ``Key: value`` a line, as Python-Markdown's meta
extension reads it) is still read, with the same line numbers. Keys are matched without
regard to case. Mistakes in the YAML itself are problems with their line, never a traceback.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FENCE = "---"
PLAIN_FIELD = re.compile(r"^(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)$")
PLAIN_CONTINUATION = re.compile(r"^ {4,}|^\t")
YAML_FORM, PLAIN_FORM = "yaml", "plain"


@dataclass(frozen=True)
class Field:
    value: object  # str, list[str] or list[dict[str, str]]
    line: int
    item_lines: tuple[int, ...] = ()  # the line of each item of a list
    part_lines: tuple[dict, ...] = ()  # for a list of tables: {key: line} of each item

    def item_line(self, number: int, part: str = "") -> int:
        if number >= len(self.item_lines):
            return self.line
        parts = self.part_lines[number] if number < len(self.part_lines) else {}
        return parts.get(part, self.item_lines[number])


@dataclass
class FrontMatter:
    path: Path
    fields: dict[str, Field] = field(default_factory=dict)  # lower-case key → Field
    end_line: int = 1  # the line after the last field, where a missing one belongs
    body_offset: int = 0  # lines before the body: body line n is file line body_offset + n
    form: str = PLAIN_FORM
    mistakes: list[tuple[int, str]] = field(default_factory=list)  # (line, what is wrong)
    names: dict[str, str] = field(default_factory=dict)  # lower-case key → key as written

    def get(self, key: str) -> str | None:
        """A field as one text: a list's items joined by ", "; None when it is absent."""
        found = self.fields.get(key.lower())
        if found is None:
            return None
        if isinstance(found.value, list):
            return ", ".join(item for item in found.value if isinstance(item, str))
        return found.value if isinstance(found.value, str) else None

    def items(self, key: str) -> list:
        """A list field's items; a text field is read as a list separated by commas."""
        found = self.fields.get(key.lower())
        if found is None:
            return []
        if isinstance(found.value, list):
            return [item for item in found.value if item not in ("", None)]
        if isinstance(found.value, str):
            return [part.strip() for part in found.value.split(",") if part.strip()]
        return []

    def is_list(self, key: str) -> bool:
        found = self.fields.get(key.lower())
        return found is not None and isinstance(found.value, list)

    def line_of(self, key: str) -> int:
        found = self.fields.get(key.lower())
        return found.line if found else self.end_line

    def item_line(self, key: str, number: int, part: str = "") -> int:
        """The line of a list's item (or of one `part` of an item that is a table)."""
        found = self.fields.get(key.lower())
        return found.item_line(number, part) if found else self.end_line

    def as_written(self) -> dict[str, object]:
        """{Key: value} with each key as the file writes it, in the file's order."""
        return {self.names.get(key, key): found.value for key, found in self.fields.items()}


# ---- Reading -------------------------------------------------------------------------


def read(path: Path) -> tuple[FrontMatter, str]:
    """The front matter of a file and its body (the text after the front matter)."""
    return parse(path, path.read_text(encoding="utf-8-sig"))


def read_front_matter(path: Path) -> FrontMatter:
    return read(path)[0]


def parse(path: Path, text: str) -> tuple[FrontMatter, str]:
    lines = text.splitlines()
    if lines and lines[0].strip() == FENCE:
        return parse_yaml(path, lines)
    return parse_plain(path, lines)


def parse_plain(path: Path, lines: list[str]) -> tuple[FrontMatter, str]:
    """The older head: ``Key: value`` lines up to the first blank line."""
    matter = FrontMatter(path, form=PLAIN_FORM)
    head = 0  # lines of the head read so far
    for number, line in enumerate(lines, start=1):
        match = PLAIN_FIELD.match(line) if line.strip() else None
        if match:
            key = match["key"].lower()
            matter.names[key] = match["key"]
            matter.fields[key] = Field(match["value"].strip(), number)
            matter.mistakes += stray_quote(match["value"].strip(), match["key"], number)
        elif matter.fields and line.strip() and PLAIN_CONTINUATION.match(line):
            last = next(reversed(matter.fields))
            joined = f"{matter.fields[last].value} {line.strip()}".strip()
            matter.fields[last] = Field(joined, matter.fields[last].line)
        else:
            break  # a blank line, or text that is not a field: the body starts
        head = number
    matter.end_line = head + 1
    blank_after = head < len(lines) and head and not lines[head].strip()
    matter.body_offset = head + (1 if blank_after else 0)
    return matter, "\n".join(lines[matter.body_offset :])


def stray_quote(value: str, key: str, line: int) -> list[tuple[int, str]]:
    """`Title: "ขอนแก่น…`: a quote opened and never closed would be published as typed."""
    unpaired = (
        value.count('"') % 2
        or value.count("“") != value.count("”")
        or (value.startswith("'") and value.count("'") % 2)
    )
    if not unpaired:
        return []
    bare = value.strip("\"“”'")
    return [(line, f"{key} has a quote that is not closed (write {key}: {bare}, or close it)")]


def parse_yaml(path: Path, lines: list[str]) -> tuple[FrontMatter, str]:
    matter = FrontMatter(path, form=YAML_FORM)
    closing = next((n for n in range(1, len(lines)) if lines[n].rstrip() in (FENCE, "...")), None)
    if closing is None:
        matter.mistakes.append(
            (1, "the front matter starts with --- but never ends (add a line --- after it)")
        )
        return matter, ""
    head = "\n".join(lines[1:closing])
    matter.end_line = closing + 1
    matter.body_offset = closing + 1
    body_lines = lines[closing + 1 :]
    if body_lines and not body_lines[0].strip():
        matter.body_offset += 1
        body_lines = body_lines[1:]
    try:
        node = yaml.compose(head, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        matter.mistakes.append(yaml_mistake(error))
        return matter, "\n".join(body_lines)
    read_mapping(node, matter)
    return matter, "\n".join(body_lines)


def yaml_mistake(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """A YAML syntax error as a line (below the first ---) and a fix a writer can follow."""
    opened = "quoted scalar" in (error.context or "")  # point at where the quote opens
    mark = (error.context_mark if opened else None) or error.problem_mark or error.context_mark
    line = (mark.line + 2) if mark else 1
    what = error.problem or "cannot be read"
    if "mapping values are not allowed" in what:
        fix = "a value with ': ' in it must be in quotes, e.g. Title: 'ข่าว: วันแรก'"
    elif opened:
        fix = "a quote is opened but not closed: close it, or remove it"
    elif "could not find expected ':'" in what:
        fix = "each line is Key: value, and a value on several lines is indented"
    else:
        fix = "check the quotes and the indentation of this line"
    return line, f"the front matter cannot be read here ({what}; {fix})"


def read_mapping(node, matter: FrontMatter) -> None:
    if node is None:
        return
    if not isinstance(node, yaml.MappingNode):
        matter.mistakes.append(
            (node.start_mark.line + 2, "the front matter is not Key: value lines")
        )
        return
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + 2
        if key.lower() in matter.fields:
            first = matter.fields[key.lower()].line
            matter.mistakes.append(
                (line, f"{key} is written twice (lines {first} and {line}; keep one)")
            )
            continue
        if isinstance(value_node, yaml.ScalarNode):
            matter.mistakes += stray_quote(value_node.value, key, line)
        matter.names[key.lower()] = key
        matter.fields[key.lower()] = field_of(value_node, line)


def field_of(node, line: int) -> Field:
    """Text, a list of texts, or a list of {key: text}: what front matter holds."""
    if not isinstance(node, yaml.SequenceNode):
        return Field(plain(node), line)
    items = node.value
    parts = tuple(
        {key.value.lower(): key.start_mark.line + 2 for key, _ in item.value}
        if isinstance(item, yaml.MappingNode) else {}
        for item in items
    )  # fmt: skip
    return Field(
        [plain(i) for i in items], line, tuple(i.start_mark.line + 2 for i in items), parts
    )


def plain(node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    return {key.value: plain(value) for key, value in node.value}


# ---- Writing -------------------------------------------------------------------------


class Writer(yaml.SafeDumper):
    """YAML as the editor writes it: Thai as it is, one field a line, lists in indented
    blocks, a text quoted only where a reader would take it for a number or a yes/no."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


TIMESTAMP = "tag:yaml.org,2002:timestamp"  # a date stays as written, unquoted
Writer.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != TIMESTAMP]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def text_style(dumper: Writer, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


Writer.add_representer(str, text_style)


def render(fields: dict[str, object], body: str = "") -> str:
    """A whole file: the fields between --- lines, a blank line, then the body. Empty
    optional fields are left out, as the editor leaves them out."""
    kept = {key: value for key, value in fields.items() if value not in ("", None, [])}
    head = yaml.dump(
        kept, Dumper=Writer, allow_unicode=True, sort_keys=False, width=10_000, indent=2
    )
    return (
        f"{FENCE}\n{head}{FENCE}\n\n{body.strip()}\n"
        if body.strip()
        else f"{FENCE}\n{head}{FENCE}\n"
    )


def write_text(path: Path, fields: dict[str, object], body: str = "") -> None:
    path.write_text(render(fields, body), encoding="utf-8")
