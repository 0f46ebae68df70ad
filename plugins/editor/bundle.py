"""The editor's code: Sveltia CMS (the version pinned in bundle/package-lock.json) bundled by
Vite with the pinned Node, once, into EDITOR_CACHE/<key>/, where <key> is a digest of the
bundle's sources and the Node version. A build with an unchanged key only links the files;
a fresh clone with the cache restored (the publishing workflow keeps it) builds nothing.

Two builds at once wait for each other (a lock); a bundle is written in a folder of its own
and renamed into place whole, so a stopped build never leaves half a bundle to be used.
"""

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from plugins.core.files import exclusive
from plugins.core.problems import WriterMistake

SOURCES = Path(__file__).parent / "bundle"
SOURCE_FILES = ("package.json", "package-lock.json", "main.js", "vite.config.mjs")
MANIFEST = ".vite/manifest.json"
SCHEMA = ".vite/sveltia-cms.schema.json"  # the configuration's JSON schema, for the tests
FORMAT = b"2"  # change it when what a bundle folder holds changes


class EditorNotBuilt(WriterMistake):
    """The editor could not be bundled (no registry, a broken install): said in one line."""


def node_and_npm() -> tuple[Path, list[str]]:
    from plugins.search import pinned_node

    node = Path(pinned_node())
    npm = node.parent.parent / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
    return node, [str(node), str(npm)]


def bundle_key(node: Path) -> str:
    digest = hashlib.sha256(FORMAT)
    for name in SOURCE_FILES:
        digest.update((SOURCES / name).read_bytes())
    digest.update(subprocess.run([str(node), "--version"], capture_output=True, check=True).stdout)
    return digest.hexdigest()[:16]


def pinned_version() -> str:
    lock = json.loads((SOURCES / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"]["node_modules/@sveltia/cms"]["version"]


def editor_bundle(cache: Path) -> Path:
    """The folder of the built editor (its manifest in .vite/), built first if need be."""
    node, npm = node_and_npm()
    cache = cache.resolve()
    target = cache / bundle_key(node)
    if (target / MANIFEST).exists():
        return target
    with exclusive(f"editor bundle {cache}"):
        if not (target / MANIFEST).exists():
            build(node, npm, cache, target)
    return target


def run(command: list[str], folder: Path, what: str, **environment) -> None:
    """`command` in `folder`, with the pinned Node (command[0]) first on PATH."""
    path = f"{Path(command[0]).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    environment = {**os.environ, "PATH": path, **environment}
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False,
                          env=environment)  # fmt: skip
    if done.returncode != 0:
        said = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
        first = next((line for line in said if "rror" in line), said[-1] if said else "")
        raise EditorNotBuilt(
            f"The editor (/admin/) could not be built: {what} failed ({first}). "
            "It needs the npm registry once; run make html again when it can be reached."
        )


def build(node: Path, npm: list[str], cache: Path, target: Path) -> None:
    work = cache / "work"  # node_modules stay here between versions: npm ci is then quick
    work.mkdir(parents=True, exist_ok=True)
    for name in SOURCE_FILES:
        shutil.copyfile(SOURCES / name, work / name)
    quiet = ["--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
    run([*npm, "ci", *quiet], work, "npm ci")
    unfinished = cache / f".{target.name}.partial"
    shutil.rmtree(unfinished, ignore_errors=True)
    vite = work / "node_modules" / "vite" / "bin" / "vite.js"
    run([str(node), str(vite), "build"], work, "vite build", EDITOR_OUT=str(unfinished))
    schema = work / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
    shutil.copyfile(schema, unfinished / SCHEMA)
    unfinished.rename(target)
    for old in cache.iterdir():  # earlier versions' bundles
        if old.is_dir() and old not in (target, work):
            shutil.rmtree(old, ignore_errors=True)


def entry_script(bundle: Path) -> str:
    """The bundle's entry file, below the bundle's folder (assets/main-<hash>.js)."""
    manifest = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
    return manifest["main.js"]["file"]


def link_into(bundle: Path, folder: Path) -> set[Path]:
    """The bundle's files in `folder` (hard links; copies across file systems); the set of
    files placed, so that files of an older bundle can be removed."""
    placed = set()
    for source in bundle.rglob("*"):
        if source.is_file() and ".vite" not in source.parts:
            target = folder / source.relative_to(bundle)
            placed.add(target)
            if target.exists() and os.path.samefile(source, target):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
    return placed
