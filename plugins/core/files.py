"""Writing output files: complete or absent, and untouched when already right."""

import os
import tempfile
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
