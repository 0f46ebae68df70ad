"""The browser editor at /admin/: Sveltia CMS over the same files in git, so that the office
can write, illustrate and publish with only a browser and a GitHub account.

A step of ``plugins.pipeline`` (after every language is written): the bundle (built once,
see bundle.py) is linked into output/admin/ beside the page, its stylesheet and the
configuration made from the site's settings. The repository the editor saves to is
EDITOR_REPOSITORY, else the GitHub remote of the site's git checkout. Kept out of the
sitemap, the search index, the feeds and the offline copy; robots.txt closes it.
"""

import re
import subprocess
from pathlib import Path

import yaml

from plugins.core.files import write_if_changed

from .bundle import editor_bundle, entry_script, link_into
from .config import editor_config
from .page import editor_css, editor_page

GITHUB_REMOTE = re.compile(r"github\.com[:/]+([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")
UNKNOWN_REPOSITORY = "owner/repository"  # make check says how to set it


def defaults(settings: dict) -> dict:
    settings.setdefault("EDITOR", True)
    settings.setdefault("EDITOR_CACHE", str(Path(settings["CACHE_PATH"]) / "editor"))
    return settings


def repository_of(settings: dict) -> str:
    """owner/name on GitHub: EDITOR_REPOSITORY, else the git remote `origin`'s address."""
    if settings.get("EDITOR_REPOSITORY"):
        return settings["EDITOR_REPOSITORY"]
    try:
        done = subprocess.run(["git", "remote", "get-url", "origin"], cwd=settings["PATH"],
                              capture_output=True, text=True, check=False)  # fmt: skip
    except OSError:  # no git on this machine: make check says how to name the repository
        return UNKNOWN_REPOSITORY
    found = GITHUB_REMOTE.search(done.stdout.strip()) if done.returncode == 0 else None
    return f"{found[1]}/{found[2]}" if found else UNKNOWN_REPOSITORY


def editor_files(state, settings: dict, entry: str) -> dict[str, bytes]:
    tokens = Path(settings["THEME"]) / "css" / "tokens.css"
    title = f"แก้ไขเว็บไซต์ · {settings['SITENAME']}"
    config = editor_config(settings, repository_of(settings))
    texts = {
        "index.html": editor_page(title, state.theme_root, state.stylesheet.name, entry),
        "editor.css": editor_css(tokens.read_text(encoding="utf-8"), state.theme_root),
        "config.yml": yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000),
    }
    return {name: text.encode("utf-8") for name, text in texts.items()}


def write_editor(state, settings: dict) -> None:
    settings = defaults(settings)
    bundle = editor_bundle(Path(settings["EDITOR_CACHE"]))
    folder = Path(state.output_path) / state.addresses.path("EDITOR")
    placed = link_into(bundle, folder)
    for name, data in editor_files(state, settings, entry_script(bundle)).items():
        write_if_changed(folder / name, data)
        placed.add(folder / name)
    for path in folder.rglob("*"):  # an earlier bundle's files
        if path.is_file() and path not in placed:
            path.unlink()


def wanted(settings: dict) -> bool:
    return bool(settings.get("EDITOR", True))
