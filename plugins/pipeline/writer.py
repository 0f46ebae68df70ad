"""Pelican's writer, with every page and feed written beside its place and renamed into it:
a build stopped at any moment leaves each file whole, old or new, never cut short."""

import os

from pelican.writers import FileOverwriteFailedError, Writer


class WholeFile:
    """`with WholeFile(path) as file: file.write(text)`: path gets the text, or nothing."""

    def __init__(self, path: str, encoding: str):
        self.path, self.encoding = path, encoding

    def __enter__(self):
        """A fixed name beside the target: one build at a time writes here (the build lock),
        and a name left by a stopped build is simply written over by the next."""
        folder, name = os.path.split(self.path)
        self.temporary = os.path.join(folder, f".writing-{name}")
        self.file = open(self.temporary, "w", encoding=self.encoding)
        return self.file

    def __exit__(self, kind, error, trace):
        self.file.close()
        if kind is None:
            os.replace(self.temporary, self.path)
        else:
            os.unlink(self.temporary)
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
