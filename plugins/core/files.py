"""Writing output files: complete or absent, and untouched when already right."""

import fcntl
import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


def process_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = process_umask()  # read once, when nothing else runs yet


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place. The file gets
    the permissions of any file written plainly (mkstemp's own are owner-only)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        os.fchmod(handle, 0o666 & ~UMASK)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write only when the file is missing or different; True when it was written.
    A file left alone keeps its time, so a rebuild does not look like a change."""
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomically(target, data)
    return True


@contextmanager
def exclusive(name: str):
    """One process at a time for `name` (a gallery's import, the editor's bundle): the others
    wait. The lock file is in the system's temporary folder, never in content/."""
    digest = hashlib.sha256(name.encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"otop-city-{digest}.lock"
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


OUTSIDE = (
    "is a link to {target}, outside the site's folder: that file is not in the repository, "
    "yet it would be published (copy the file itself into content/, or remove the link)"
)


def links_outside(content: Path, root: Path) -> list[tuple[Path, Path]]:
    """(link, target) for every symbolic link under content/ whose target is outside `root`
    (the site's folder, held by git): a photo or gallery folder linked from a private place."""
    found, root = [], root.resolve()
    for folder, folders, files in os.walk(content):
        for name in sorted(folders + files):
            path = Path(folder) / name
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                found.append((path, path.resolve()))
    return found
