"""What Pelican would copy from content/ as it is (STATIC_PATHS, {static} and {attach}
links), judged by each file's bytes (plugins/core/file_kinds.py): a photo goes through the
photo pipeline instead, under any name; a PDF is copied; an SVG that is an edition's venue
map is drawn in its pages, not published; anything else is refused, naming the file."""

import posixpath
from pathlib import Path

from plugins.core.file_kinds import PUBLISH_AS_IS, kind_of, verdict
from plugins.core.problems import Problem


def map_paths(fair) -> set[str]:
    """The venue maps the editions name, as paths below content/."""
    named = (text.get("map") for edition in fair.editions for text in edition.texts.values())
    return {posixpath.normpath(name.lstrip("/")) for name in named if name}


def publishable(statics: list, maps: set[str], shown) -> tuple[list, set[Problem]]:
    """(the files to copy as they are, the problems of the files refused)."""
    kept, refused = [], set()
    for static in statics:
        relative = posixpath.normpath(static.relative_source_path)
        action, problem = verdict(kind_of(Path(static.source_path)), relative in maps)
        if action == PUBLISH_AS_IS:
            kept.append(static)
        elif problem:
            refused.add(Problem(shown(static.source_path), 0, problem))
    return kept, refused
