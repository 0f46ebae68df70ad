"""A problem a writer must fix, as one line: ``content/news/x.md:3: what is wrong (the fix)``."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        """`file:line: message`, or `file: message` for a whole file (line 0), in English."""
        return f"{self.where}: {self.message}"

    def for_staff(self) -> str:
        """`file:line: ไทย · English`: what the office reads (plugins/core/messages.py)."""
        from .messages import for_staff

        return f"{self.where}: {for_staff(self.message)}"


class WriterMistake(Exception):
    """Something the office can fix in its files: already said in plain words, so it is
    shown without a traceback (DEBUG=1 shows one, for developers)."""


class ContentError(WriterMistake):
    """The content has problems a writer must fix; they were printed one per line."""

    def __init__(self, problems):
        self.problems = problems
        count = len(problems)
        super().__init__(f"{count} problem{'s' if count > 1 else ''} in the content (listed above)")


def shown_path(settings: dict):
    """`path → "content/news/x.md"`: a file as the writer knows it, from the folder above PATH."""
    root = Path(settings["PATH"]).resolve().parent
    return lambda path: str(Path(path).resolve().relative_to(root))


def in_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line))
