"""Shared test helpers: build real sites from small content trees into temp folders.

``build_site(content, output)`` reads the project's own pelicanconf.py, as
``make html`` does, with the paths pointed at the test's folders.
"""

import functools
import http.server
import os
import re
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

from office.server import QuietHandler
from plugins.core.pelican_seams import forget_unfinished_build

ROOT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
# Every test build, and every copy of the project a test makes, uses this checkout's editor
# bundle (built once by make html): none builds it again.
os.environ.setdefault("EDITOR_CACHE", str(ROOT / "cache" / "editor"))


def make_settings(content: Path, output: Path, **override) -> dict:
    paths = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
        "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT)],
        "SEARCH_INDEX": False,  # the served site below turns it on
        "PRINTED_EDITIONS": False,  # the tests of the printed edition (test_paper.py) turn it on
    }
    return read_settings(str(ROOT / "pelicanconf.py"), override={**paths, **override})


def new_pelican(settings: dict) -> Pelican:
    """A Pelican for a new site. i18n_subsites keeps the main site's settings in a module
    global until a build finishes; a test build that stopped on purpose leaves it set."""
    forget_unfinished_build()

    return Pelican(settings)


def build_site(content: Path, output: Path, **override) -> Path:
    new_pelican(make_settings(content, output, **override)).run()
    return output


def page(output: Path, path: str) -> BeautifulSoup:
    """The parsed HTML of a built page, by its address: '', 'news/x/', 'en/news/x/'."""
    file = output / path / "index.html" if not path.endswith(".html") else output / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html5lib")


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory) -> Path:
    """The tests' own small bilingual site, built once for the whole run."""
    output = tmp_path_factory.mktemp("minimal") / "output"
    return build_site(SITES / "minimal" / "content", output)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The frozen copy of the sample content (tests/sites/sample: never the office's live
    content/, which changes every year) built as for publishing, with SITEURL set to a free
    localhost port, and served there: (origin, output folder)."""
    output = tmp_path_factory.mktemp("served") / "output"
    output.mkdir()
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    sample = SITES / "sample" / "content"
    build_site(
        sample, output, SITEURL=origin, FEED_DOMAIN=origin, SEARCH_INDEX=True, PRINTED_EDITIONS=True
    )

    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield origin, output
    server.shutdown()


THAI = re.compile(r"[\u0e00-\u0e7f]")
STAFF_LINE = re.compile(
    r"^(?P<head>.*?(?:\d: |\.md: |/: |\.\w+: |error    |warning  )|(?=ไม่ได้ทำ: ))(?P<thai>.*?) · (?P<english>.*)$"
)


def english(said: str) -> str:
    """Printed problems as their English halves: what staff read is `ไทย · English`; these
    tests compare the English (the Thai of each is the catalog's, tested on its own)."""
    lines = []
    for line in said.splitlines():
        found = STAFF_LINE.match(line)
        lines.append(
            found["head"] + found["english"] if found and THAI.search(found["thai"]) else line
        )
    return "\n".join(lines) + ("\n" if said.endswith("\n") else "")
