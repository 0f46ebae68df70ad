"""Pelican's Markdown reader, reading Date and Modified as the office writes them
(plugins/core/staff_dates.py): 2567-05-28, 28/05/2567, 28 พ.ค. 2567 17.30 น. …"""

from pelican.readers import MarkdownReader

from plugins.core.staff_dates import read_date

VERSION = 1  # change it when what this reader makes of a file changes
DATE_FIELDS = {"date", "modified"}


class StaffMarkdownReader(MarkdownReader):
    def process_metadata(self, name, value):
        if name in DATE_FIELDS and isinstance(value, str):
            reading = read_date(value)
            value = reading.iso() if reading.day else value  # else the check has said so
        return super().process_metadata(name, value)


def use_staff_reader(readers) -> None:
    for suffix, reader in readers.reader_classes.items():
        if reader is MarkdownReader:
            readers.reader_classes[suffix] = StaffMarkdownReader
