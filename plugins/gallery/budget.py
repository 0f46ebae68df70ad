"""How much the built site weighs, against GitHub Pages' limit (SITE_SIZE_BUDGET, 1 GB by
default): the whole of output/, and the photos of each edition and each gallery.

Written by the build to CACHE_PATH/site-size.json, where `make check` reads it to report
and warn at 80 %, and `make github` to refuse a site over the budget.
"""

import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from plugins.core.files import write_if_changed
from plugins.core.state import OfflineKept, OutputFiles

REPORT = "site-size.json"
WEIGHTS = "page-weights.json"  # each page's weight, by the size and time it had
GIGABYTE = 1_000_000_000
MEGABYTE = 1_000_000
TAG = re.compile(r"<(img|script|source|link)\b([^>]*)>")
SOURCE = re.compile(r'\bsrc="([^"]+)"')
LINKED = re.compile(r'\brel="(?:stylesheet|preload|modulepreload|icon)"[^>]*?\bhref="([^"]+)"')


def loaded_as_it_opens(html: str) -> list[str]:
    """What a page loads as it opens: images (not those loading="lazy", fetched only when
    scrolled to: a gallery of 50 photos opens with its first few), scripts, its
    stylesheet, preloads, its icon."""
    found = []
    for tag, attributes in TAG.findall(html):
        if tag == "img" and 'loading="lazy"' in attributes:
            continue
        address = (LINKED if tag == "link" else SOURCE).search(attributes)
        found += [address[1]] if address else []
    return found


def files_bytes(output: Path, paths) -> int:
    return sum((output / path).stat().st_size for path in paths if (output / path).is_file())


def folder_bytes(folder: Path) -> int:
    return sum(
        os.stat(os.path.join(where, name)).st_size
        for where, _, files in os.walk(folder)
        for name in files
    )


def local_file(output: Path, page: Path, address: str, own: str) -> Path | None:
    parts = urlsplit(address)
    if (parts.scheme or parts.netloc) and f"{parts.scheme}://{parts.netloc}" != own:
        return None  # another site's
    path = parts.path
    return output / path.lstrip("/") if path.startswith("/") else page.parent / path


def page_weight(
    output: Path, page: Path, sizes: dict[str, list[int]], own: str
) -> tuple[int, list]:
    """(bytes a page costs as it opens, its largest parts [(file, bytes)]): the page itself
    (with what is drawn in it, as a venue map) and every file of this site it loads."""
    parts = {str(page.relative_to(output)): page.stat().st_size}
    for address in loaded_as_it_opens(page.read_text(encoding="utf-8", errors="replace")):
        path = local_file(output, page, address, own)

        size = sizes.get(os.path.normpath(path), [0])[0] if path else 0
        if size:
            parts[os.path.relpath(path, output)] = size
    largest = sorted(parts.items(), key=lambda part: -part[1])[:3]
    return sum(parts.values()), largest


def heavy_pages(state, files: OutputFiles, budget: int) -> list[dict]:
    """Pages that cost more than `budget` bytes as they open, heaviest first. A page keeps
    its weight while its size and time are those it was weighed with."""
    output = Path(state.output_path)
    cache = Path(state.cache_path) / WEIGHTS
    try:
        earlier = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        earlier = {}
    own = "{0.scheme}://{0.netloc}".format(urlsplit(state.addresses.site()))
    editor = os.path.join(output, state.addresses.path("EDITOR"))  # a tool, not a reader's page
    weights = {}
    for path, stamp in files.items():
        if path.endswith(".html") and not path.startswith(editor):
            known = earlier.get(path)
            weights[path] = (
                known
                if known and known[0] == stamp
                else [stamp, *page_weight(output, Path(path), files, own)]
            )
    write_if_changed(cache, json.dumps(weights).encode("utf-8"))
    over = [{"page": os.path.relpath(p, output), "bytes": w[1], "largest": w[2]}
            for p, w in weights.items() if w[1] > budget]  # fmt: skip
    return sorted(over, key=lambda page: -page["bytes"])


def size_report(state, settings: dict, offline: OfflineKept, listed: OutputFiles) -> dict:
    from .generator import edition_of

    output, fair = Path(state.output_path), state.fair
    editions: dict[str, int] = {}
    galleries = []
    for gallery in state.galleries.galleries:
        size = sum(files_bytes(output, photo.cache_files) for photo in gallery.photos)
        number = edition_of(gallery, fair) if fair else None
        galleries.append({"name": gallery.slug, "bytes": size, "edition": number})
        key = str(number) if number else "none"
        editions[key] = editions.get(key, 0) + size
    for product in fair.products if fair else []:
        size = sum(files_bytes(output, photo.cache_files) for photo in product.photos)
        editions[str(product.edition)] = editions.get(str(product.edition), 0) + size
    return {
        "total": sum(size for size, _ in listed.values()) if listed else folder_bytes(output),
        "budget": settings.get("SITE_SIZE_BUDGET", GIGABYTE),
        "editions": editions,
        "galleries": sorted(galleries, key=lambda g: -g["bytes"]),
        "offline": offline.total,
        "offline_budget": offline.budget,
        "offline_largest": offline.largest,
        "page_budget": settings.get("PAGE_BUDGET", MEGABYTE),
        "heavy_pages": heavy_pages(state, listed, settings.get("PAGE_BUDGET", MEGABYTE)),
    }


def write_size_report(
    state, settings: dict, offline: OfflineKept, output_files: OutputFiles
) -> None:
    """`offline` and `output_files`: what the offline step and the last guard made."""
    report = size_report(state, settings, offline, output_files)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    write_if_changed(Path(state.cache_path) / REPORT, text.encode("utf-8"))


def read_size_report(cache_path: Path) -> dict | None:
    try:
        return json.loads((cache_path / REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
