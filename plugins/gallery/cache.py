"""A manifest of every photo made, keyed on the photo's bytes and the settings.

Size and modification time are only a fast path to skip hashing a file again: a fresh
clone or a checkout gives every photo a new time, and then it is hashed, not re-encoded.
Encoded files live in CACHE_PATH/gallery/, so deleting output/ loses none of them.
"""

import hashlib
import json
import os
from pathlib import Path

from plugins.core.files import write_atomically

from .plan import Rendition, Result, Spec

MANIFEST = "manifest.json"


class Manifest:
    def __init__(self, cache_dir: Path):
        self.cache_dir = cache_dir
        self.entries = self._load()

    def _load(self) -> dict:
        try:
            saved = json.loads((self.cache_dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return saved.get("photos", {})

    def digest(self, path: Path) -> str:
        stat = path.stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
        entry = self.entries.get(str(path))
        if entry and entry["stamp"] == stamp:
            return entry["digest"]
        hashed = hashlib.sha256()
        with path.open("rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                hashed.update(block)
        return hashed.hexdigest()

    def fresh(self, path: Path, digest: str, spec: Spec) -> Result | None:
        """The earlier result for this photo, if its bytes and settings are unchanged
        and every file made from it is still there."""
        entry = self.entries.get(str(path))
        if not entry or entry["digest"] != digest or entry["spec"] != spec.key:
            return None
        renditions = tuple(Rendition(*values) for values in entry["renditions"])
        if not all((self.cache_dir / r.file).exists() for r in renditions):
            return None
        size = (entry["width"], entry["height"])
        return Result(str(path), digest, True, *size, renditions, spec=spec.key)

    def save(self, results: list[Result]) -> None:
        photos = {}
        for result in results:
            if result.ok:
                stat = os.stat(result.source)
                photos[result.source] = {
                    "stamp": [stat.st_size, stat.st_mtime_ns],
                    "digest": result.digest,
                    "spec": result.spec,
                    "width": result.width,
                    "height": result.height,
                    "renditions": [list(vars(r).values()) for r in result.renditions],
                }
        self.entries = photos
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"photos": photos}, ensure_ascii=False)
        write_atomically(self.cache_dir / MANIFEST, text.encode("utf-8"))

    def prune(self) -> int:
        """Delete encoded files no photo needs any more (source gone, settings changed)."""
        kept = {r[3] for entry in self.entries.values() for r in entry["renditions"]}
        removed = 0
        for file in self.cache_dir.iterdir():
            if file.name != MANIFEST and file.name not in kept:
                file.unlink()
                removed += 1
        return removed
