"""One build at a time in a folder: a second `make html` waits for the first, and says so,
instead of both writing the same caches and pages."""

import fcntl
import os
import sys
from pathlib import Path

LOCK_FILE = "build.lock"
held: dict[str, int] = {}  # cache folder → the open lock file, while this process builds


def hold_build_lock(cache_path: str) -> None:
    folder = str(Path(cache_path).resolve())
    if folder in held:
        return  # this process holds it already (a preview's next build, after an error)
    Path(folder).mkdir(parents=True, exist_ok=True)
    handle = os.open(os.path.join(folder, LOCK_FILE), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("Another build of this site is running; waiting for it to end…", file=sys.stderr)
        fcntl.flock(handle, fcntl.LOCK_EX)
    held[folder] = handle


def release_build_lock(cache_path: str) -> None:
    handle = held.pop(str(Path(cache_path).resolve()), None)
    if handle is not None:
        fcntl.flock(handle, fcntl.LOCK_UN)
        os.close(handle)
