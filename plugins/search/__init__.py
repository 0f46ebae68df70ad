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
    memory = "/dev/shm" if Path("/dev/shm").is_dir() else None  # a copy only read once
    with tempfile.TemporaryDirectory(dir=memory) as folder:
        copy = Path(folder) / "site"
        copy_pages_to_index(output, copy)
        command = [sys.executable, "-m", "pagefind", "--site", str(copy), "--output-path",
                   str(output / "pagefind"), "--silent"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"Pagefind could not index the site: {done.stderr.strip()}")


def copy_pages_to_index(output: Path, copy: Path) -> None:
    """The pages marked data-pagefind-body, with Thai word boundaries marked (Node)."""
    node = shutil.which("node")
    if node is not None:
        subprocess.run(
            [node, str(SEGMENTER), str(output), str(copy)], check=True, capture_output=True
        )
        return
    print("search: node is not installed, so Thai words are indexed unsplit", file=sys.stderr)
    for page in output.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-pagefind-body" in text and not page.is_relative_to(output / "pagefind"):
            target = copy / page.relative_to(output)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def register():
    signals.finalized.connect(build_index)
