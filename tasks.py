"""Tasks for building, previewing, testing and publishing the site (``invoke --list``).

The Makefile targets call these; they expect the project's .venv to be set up
(``make html`` does that).
"""

import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).parent
BIN = Path(sys.executable).parent
SETTINGS = {
    "content": "content",
    "output": "output",
    "config": "pelicanconf.py",
    "publish_config": "publishconf.py",
    "cache": "cache",
    "translations": "theme/translations",
    "port": 8000,
}


def pelican(c, *options, config=SETTINGS["config"]):
    command = [str(BIN / "pelican"), SETTINGS["content"], "-o", SETTINGS["output"], "-s", config]
    c.run(" ".join([*command, *options]), pty=False)


@task
def build(c):
    """Build the site into output/ (Thai at /, English at /en/)."""
    pelican(c)


@task
def clean(c):
    """Remove the built site and the build cache (never content/)."""
    for folder in (SETTINGS["output"], SETTINGS["cache"]):
        shutil.rmtree(ROOT / folder, ignore_errors=True)


@task
def regenerate(c):
    """Rebuild whenever a file changes."""
    pelican(c, "--autoreload")


@task
def serve(c, port=SETTINGS["port"]):
    """Serve output/ at http://localhost:8000."""
    pelican(c, "--listen", "--port", str(port))


@task
def devserver(c, port=SETTINGS["port"]):
    """Rebuild on change and serve at http://localhost:8000."""
    pelican(c, "--autoreload", "--listen", "--port", str(port))


@task
def publish(c):
    """Build the site for publication, with absolute addresses (publishconf.py)."""
    pelican(c, config=SETTINGS["publish_config"])


@task(help={"init": "start a catalog for a new language, e.g. --init=lo"})
def translations(c, init=""):
    """Collect the theme's words into the .po catalogs, to be translated there."""
    folder = SETTINGS["translations"]
    template = f"{folder}/messages.pot"
    pybabel = BIN / "pybabel"
    c.run(
        f"{pybabel} extract --no-location --omit-header -F babel.cfg -o {template} theme/templates"
    )
    if init:
        c.run(f"{pybabel} init -i {template} -d {folder} -l {init}")
    c.run(f"{pybabel} update --no-fuzzy-matching --omit-header -i {template} -d {folder}")


@task(help={"fast": "leave out the browser tests"})
def test(c, fast=False):
    """Run the test suite (all of it, or without the browser with --fast)."""
    marker = '-m "not browser"' if fast else ""
    c.run(f"{BIN / 'pytest'} {marker}", pty=False)


@task
def lint(c):
    """Check formatting and lint with ruff."""
    c.run(f"{BIN / 'ruff'} check .")
    c.run(f"{BIN / 'ruff'} format --check .")


@task
def format(c):
    """Format and fix what ruff can fix."""
    c.run(f"{BIN / 'ruff'} format .")
    c.run(f"{BIN / 'ruff'} check --fix .")


@task(help={"part": "site or gallery (default: both)"})
def bench(c, part=""):
    """Time the site build against plain Pelican, and the photo pipeline against its floor."""
    if part in ("", "site"):
        c.run(f"{sys.executable} tests/bench.py", pty=False)
    if part in ("", "gallery"):
        c.run(f"{sys.executable} tests/bench_gallery.py", pty=False)
