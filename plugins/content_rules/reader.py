"""Pelican's Markdown reader, with the front matter read by plugins/core/front_matter.py
(YAML between --- lines, or the older Key: value head) instead of Markdown's meta
extension, and Date and Modified read as the office writes them (plugins/core/staff_dates.py):
2567-05-28, 28/05/2567, 28 พ.ค. 2567 17.30 น. …

The meta extension is not YAML: a title the editor saved quoted ('a: b') would keep its
quotes, and a list of tags would fall into the text. Here every file is read one way.
"""

from pathlib import Path

from markdown import Markdown
from pelican.readers import MarkdownReader

from plugins.core import front_matter
from plugins.core.staff_dates import read_date
from plugins.core.state import state_of

VERSION = 3  # change it when what this reader makes of a file changes
DATE_FIELDS = {"date", "modified"}
LIST_FIELDS = {"tags"}  # Pelican takes these as lists; other lists are joined by commas


class StaffMarkdownReader(MarkdownReader):
    def read(self, source_path):
        self._source_path = source_path
        self._md = Markdown(**self.settings["MARKDOWN"])
        self._md.preprocessors.deregister("meta")  # the front matter is read here, not there
        matter, body = front_matter.read(Path(source_path))
        content = self._md.convert(body)
        metadata = {
            key: self.metadata_value(key, found.value) for key, found in matter.fields.items()
        }
        return content, metadata

    def metadata_value(self, name: str, value):
        if isinstance(value, list) and name not in LIST_FIELDS:
            value = ", ".join(item for item in value if isinstance(item, str))
        if name in self.settings["FORMATTED_FIELDS"]:
            self._md.reset()
            return self.process_metadata(name, self._md.convert(value))
        return self.process_metadata(name, value)

    def process_metadata(self, name, value):
        if name in DATE_FIELDS and isinstance(value, str):
            reading = read_date(value)
            value = reading.iso() if reading.day else value  # else the check has said so
        if name == "category" and isinstance(value, str):
            value = self.category_name(value.strip())
        return super().process_metadata(name, value)

    def category_name(self, written: str) -> str:
        """A category written as its address (`news`, as the editor's list writes it) is
        named in the file's own language (ข่าว, News), as a writer would have named it."""
        names = self.settings.get("CATEGORY_NAMES", {}).get(written)
        if not names:
            return written
        path = getattr(self, "_source_path", None)  # none yet for Pelican's default metadata
        source = state_of(self.settings).index.find(path) if path else None
        return names.get(source.lang if source else self.settings["DEFAULT_LANG"], written)


def use_staff_reader(readers) -> None:
    for suffix, reader in readers.reader_classes.items():
        if reader is MarkdownReader:
            readers.reader_classes[suffix] = StaffMarkdownReader
