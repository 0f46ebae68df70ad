"""The fair in the reader's pocket: after one visit, the current edition's practical pages
open without a network (a service worker, /sw.js), and the site installs as an app (a
manifest per language, icons made at build time).

``plugins.pipeline`` calls ``write_offline`` once every language is written: it draws the
icons, writes the manifests, lists what a first visit keeps (``precache.py``) and writes the
worker with that list and a version made of those files' bytes, so each publish that changes
one of them replaces what phones keep. The offline page itself is a direct template.
"""

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from plugins.core.files import write_atomically, write_if_changed
from plugins.core.state import OfflineKept

from .icons import ICONS, icons
from .manifest import manifest
from .precache import file_of, kept_files

WORKER = Path(__file__).with_name("worker.js")


def write_offline(state, settings: dict) -> OfflineKept:
    """OFFLINE_PAGES and OFFLINE_BUDGET are pelicanconf.py's (no second default here)."""
    output = Path(state.output_path)
    theme = output / state.theme_static_dir
    font = Path(settings["THEME"]) / "static" / "fonts" / "sarabun-latin-700-normal.woff2"
    write_icons(theme / "icons", font, Path(state.cache_path) / "icons.key")
    write_manifests(state, settings, output)
    kept = kept_files(state, output, settings["OFFLINE_PAGES"], state.stylesheet.name)
    sizes = sorted(((item.address, item.file.stat().st_size) for item in kept), key=lambda k: -k[1])
    write_if_changed(output / "sw.js", worker(state, kept).encode("utf-8"))
    return OfflineKept(sum(size for _, size in sizes), settings["OFFLINE_BUDGET"], sizes[:5])


def write_icons(folder: Path, font: Path, stamp: Path) -> None:
    """Drawn again only when the font or the icons' sizes change (40 ms saved a build)."""
    key = hashlib.sha256(font.read_bytes() + repr(ICONS).encode()).hexdigest()
    made = all((folder / name).is_file() for name in ICONS)
    if made and stamp.is_file() and stamp.read_text() == key:
        return
    for name, data in icons(font).items():
        write_if_changed(folder / name, data)
    write_atomically(stamp, key.encode())


def write_manifests(state, settings: dict, output: Path) -> None:
    addresses, main = state.addresses, state.main_lang
    icons_at = urlsplit(addresses.address(main, f"{state.theme_static_dir}/icons")).path
    main_path = urlsplit(addresses.roots[main]).path
    for lang in state.languages:
        text = manifest(lang, state.site_names[lang], "OTOP City", addresses.roots[lang], icons_at)

        address = urlsplit(addresses.address(lang, "manifest.webmanifest")).path
        write_if_changed(file_of(output, main_path, address), text.encode("utf-8"))


def worker(state, kept) -> str:
    digest = hashlib.sha256()
    for item in kept:
        digest.update(item.address.encode() + b"\0" + item.file.read_bytes())
    roots = {lang: urlsplit(root).path for lang, root in state.addresses.roots.items()}
    offline = {lang: f"{root}/offline/" for lang, root in roots.items()}
    lines = [
        '"use strict";',
        f"const VERSION = {json.dumps(digest.hexdigest()[:16])};",
        f"const PRECACHE = {json.dumps([item.address for item in kept], ensure_ascii=False)};",
        f"const OFFLINE_PAGES = {json.dumps(offline)};",
        f"const LANGUAGE_ROOTS = {json.dumps(roots)};",
        f"const MAIN_LANG = {json.dumps(state.main_lang)};",
    ]
    return "\n".join(lines) + "\n" + WORKER.read_text(encoding="utf-8")
