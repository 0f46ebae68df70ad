"""Pelican's writer, with every page and feed written beside its place and renamed into it:
a build stopped at any moment leaves each file whole, old or new, never cut short. A page
whose bytes are already those in output/ is left alone (a warm build of 2,500 pages spent
0.6 s renaming files into places that already held them)."""

import io
import os
from pathlib import Path

from pelican.writers import FileOverwriteFailedError, Writer

from plugins.core.files import write_if_changed


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


class WholeFileWriter(Writer):
    def _open_w(self, filename, encoding, override=False):
        """Pelican's own rules for writing a file twice (kept as they are), then a whole file."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it'
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return WholeFile(filename, encoding)
