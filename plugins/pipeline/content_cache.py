"""Pelican's content cache keeps what its readers made of each file, checked only against the
file's time: a change to how files are read (Markdown's settings, the HTML cleaning rules,
the libraries' versions) would otherwise leave pages as the old rules made them."""

import hashlib
import json
import sys
from importlib.metadata import version
from pathlib import Path

from plugins.content_rules import reader
from plugins.core import safe_html
from plugins.core.pelican_seams import content_cache_files

KEY_FILE = "content-cache.key"
READING_SETTINGS = ("MARKDOWN", "FORMATTED_FIELDS", "TIMEZONE", "DEFAULT_LANG", "READERS",
                    "SUMMARY_MAX_LENGTH", "SUMMARY_MAX_PARAGRAPHS")  # fmt: skip
LIBRARIES = ("pelican", "markdown", "nh3")


def reading_key(settings: dict) -> str:
    what = {name: settings.get(name) for name in READING_SETTINGS}
    what["libraries"] = {name: version(name) for name in LIBRARIES}
    what["cleaning"] = safe_html.VERSION
    what["reader"] = reader.VERSION
    text = json.dumps(what, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def is_whole_pickle(path: Path) -> bool:
    """A pickle ends with its STOP opcode: a file cut short by a killed build does not."""
    with path.open("rb") as file:
        if file.seek(0, 2) == 0:
            return False
        file.seek(-1, 2)
        return file.read(1) == b"."


def forget_damaged(settings: dict) -> list[Path]:
    """Pelican stops with "EOFError: Ran out of input", naming nothing, on a cache file cut
    short; such a file is a miss instead, made again by this build, with a one-line note."""
    cache = Path(settings["CACHE_PATH"])
    damaged = [path for path in content_cache_files(cache) if not is_whole_pickle(path)]
    for path in damaged:
        path.unlink()
        print(f"{path}: was incomplete (a build was stopped); it is made again", file=sys.stderr)
    return damaged


def forget_if_read_differently(settings: dict) -> bool:
    """Delete the content cache when files would now be read differently; True if it did."""
    cache, key = Path(settings["CACHE_PATH"]), reading_key(settings)
    stamp = cache / KEY_FILE
    if stamp.exists() and stamp.read_text().strip() == key:
        return False
    for stale in content_cache_files(cache):
        stale.unlink()
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(key)
    return True
