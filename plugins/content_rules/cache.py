"""Parsed front matter, kept between builds in CACHE_PATH.

A file's entry counts only while its size and modification time are the ones it was
read with; anything else (a new clone, an edit, a checkout) reads the file again.
"""

import os
import pickle
import sys
from pathlib import Path

from plugins.core.files import write_atomically
from plugins.core.front_matter import FrontMatter, read_front_matter

CACHE_FILE = "front-matter.pickle"
FORMAT = 2  # change it when FrontMatter changes shape


class FrontMatterCache:
    def __init__(self, cache_path: str):
        self.path = Path(cache_path) / CACHE_FILE
        self.entries = self._load()
        self.changed = False

    def _load(self) -> dict:
        try:
            with self.path.open("rb") as file:
                saved = pickle.load(file)
        except (FileNotFoundError, ImportError):
            return {}  # none yet, or written by code that has since changed: read every file
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
            print(f"{self.path}: was damaged; every file is read again", file=sys.stderr)
            return {}
        return saved.get("entries", {}) if saved.get("format") == FORMAT else {}

    def read(self, path: Path) -> FrontMatter:
        stat = os.stat(path)
        stamp = (stat.st_size, stat.st_mtime_ns)
        entry = self.entries.get(str(path))
        if entry and entry[0] == stamp:
            return entry[1]
        matter = read_front_matter(path)
        self.entries[str(path)] = (stamp, matter)
        self.changed = True
        return matter

    def save(self, kept: set[str]) -> None:
        """Write back, keeping only the files that still exist."""
        if not self.changed and kept == set(self.entries):
            return
        entries = {path: entry for path, entry in self.entries.items() if path in kept}
        data = pickle.dumps({"format": FORMAT, "entries": entries})
        write_atomically(self.path, data)
