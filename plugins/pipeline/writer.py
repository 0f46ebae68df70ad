"""Pelican's writer, with every page and feed written beside its place and renamed into it:
a build stopped at any moment leaves each file whole, old or new, never cut short. A page
whose bytes are already those in output/ is left alone (a warm build of 2,500 pages spent
0.6 s renaming files into places that already held them)."""

import io
import os
from functools import cached_property
from pathlib import Path

from plugins.core.files import write_if_changed
from plugins.core.pelican_seams import SeamWriter
from plugins.core.problems import WriterMistake
from plugins.core.state import state_of
from plugins.social import card_lines

from .head import HeadedTemplate

WRITTEN_TWICE = (
    "{file} would be written twice, by {first} and by {second}: one would replace the other "
    "(give one of them another Slug)"
)


class WrittenTwice(WriterMistake):
    """Two pages would go to one file of output/: said with both their sources."""


def source_of(kwargs: dict, name: str, content: str) -> str:
    """What a page is written from (its file, as the writer knows it), else its template."""
    for value in kwargs.values():
        texts = getattr(value, "texts", None)  # an edition or a product
        path = getattr(value, "source_path", None) or getattr(value, "folder", None)
        if texts:
            return next(iter(texts.values())).shown
        if path:
            return os.path.relpath(path, os.path.dirname(os.path.abspath(content)))
    return f"the {name} page"


class WholeFile:
    """`with WholeFile(path) as file: file.write(text)`: path gets the text, or nothing."""

    def __init__(self, path: str, encoding: str):
        self.path, self.encoding = path, encoding

    def __enter__(self):
        self.text = io.StringIO()
        return self.text

    def __exit__(self, kind, error, trace):
        if kind is None:
            write_if_changed(Path(self.path), self.text.getvalue().encode(self.encoding))
        return False


class WholeFileWriter(SeamWriter):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.writers: dict[str, str] = {}  # file → the source it was written from
        self.writing = "a page"

    def write_file(self, name, template, context, *args, **kwargs):
        template_name = getattr(template, "name", "") or str(name)
        self.writing = source_of(kwargs, template_name, self.settings["PATH"])
        return super().write_file(name, self.wrap(template), context, *args, **kwargs)

    @cached_property
    def card_below(self) -> list[str]:
        """The lines under a page card's title in this run's language."""
        return card_lines(state_of(self.settings), self.settings["DEFAULT_LANG"])

    def wrap(self, template):
        """The template as this writer renders it: each page given its head first."""
        return HeadedTemplate(template, self.settings, self.card_below)

    def written_twice(self, path: str) -> Exception:
        shown = os.path.relpath(path, os.path.dirname(self.output_path))
        first = self.writers.get(path, "a page")
        return WrittenTwice(WRITTEN_TWICE.format(file=shown, first=first, second=self.writing))

    def open_file(self, path: str, encoding: str):
        self.writers[path] = self.writing
        return WholeFile(path, encoding)
