"""How much the built site weighs, against GitHub Pages' limit (SITE_SIZE_BUDGET, 1 GB by
default): the whole of output/, and the photos of each edition and each gallery.

Written by the build to CACHE_PATH/site-size.json, where `make check` reads it to report
and warn at 80 %, and `make github` to refuse a site over the budget.
"""

import json
import os
from pathlib import Path

from plugins.core.files import write_if_changed

REPORT = "site-size.json"
GIGABYTE = 1_000_000_000


def files_bytes(output: Path, paths) -> int:
    return sum((output / path).stat().st_size for path in paths if (output / path).is_file())


def folder_bytes(folder: Path) -> int:
    return sum(
        os.stat(os.path.join(where, name)).st_size
        for where, _, files in os.walk(folder)
        for name in files
    )


def size_report(state, settings: dict) -> dict:
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
    listed = state.output_files  # as the last guard found them, just before
    return {
        "total": sum(size for size, _ in listed.values()) if listed else folder_bytes(output),
        "budget": settings.get("SITE_SIZE_BUDGET", GIGABYTE),
        "editions": editions,
        "galleries": sorted(galleries, key=lambda g: -g["bytes"]),
        "offline": state.offline[0],
        "offline_budget": state.offline[1],
    }


def write_size_report(state, settings: dict) -> None:
    report = size_report(state, settings)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    write_if_changed(Path(state.cache_path) / REPORT, text.encode("utf-8"))


def read_size_report(cache_path: Path) -> dict | None:
    try:
        return json.loads((cache_path / REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
