"""Static search that finds Thai words inside running Thai text.

After the last language is written, the built pages are copied, Thai word boundaries
are marked in the copy with zero-width spaces exactly where the browser's
Intl.Segmenter("th") finds them (segment.mjs, run with Node), and Pagefind's extended
build indexes the copy into output/pagefind/, one index per language. A query is split
by the same segmenter in the browser, so ผ้าไหม, ไหม or ท้องถิ่น match inside longer words.
SEARCH_INDEX = False leaves it out (the tests' small sites, the benchmark's generator run).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pelican import signals

SEGMENTER = Path(__file__).with_name("segment.mjs")


def build_index(pelican):
    settings = pelican.settings
    if not settings.get("SEARCH_INDEX", True):
        return
    if settings["DEFAULT_LANG"] in settings.get("I18N_SUBSITES", {}):
        return  # the main site's run ends last: index once, every language then
    index_site(Path(settings["OUTPUT_PATH"]))


def index_site(output: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "site"
        skipped = shutil.ignore_patterns("pagefind", "*.jpg", "*.webp", "*.ics")
        shutil.copytree(output, copy, ignore=skipped)
        mark_thai_words(copy)
        command = [sys.executable, "-m", "pagefind", "--site", str(copy), "--output-path",
                   str(output / "pagefind"), "--silent"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"Pagefind could not index the site: {done.stderr.strip()}")


def mark_thai_words(folder: Path) -> None:
    node = shutil.which("node")
    if node is None:
        print("search: node is not installed, so Thai words are indexed unsplit", file=sys.stderr)
        return
    subprocess.run([node, str(SEGMENTER), str(folder)], check=True, capture_output=True)


def register():
    signals.finalized.connect(build_index)
