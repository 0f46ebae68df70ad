"""Pelican skips a file it cannot process, logs "Could not process x.md" and goes on; here
that stops the build instead, naming the file and what was wrong, like our own checks."""

import logging
import sys
from pathlib import Path

from plugins.core.pelican_seams import SKIPPED_FILE_LOG, skipped_file
from plugins.core.problems import ContentError, Problem, in_order


class SkippedFiles(logging.Handler):
    """Notes each file Pelican's generators could not process, with the reason."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.skipped: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        path = skipped_file(record)
        if path is None:
            return
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        reason = str(error) if error else "no reason given"
        self.skipped.append((path, reason))


HANDLER = SkippedFiles()


def watch_for_skipped_files() -> None:
    """From now on, for this build: forget what earlier builds skipped, note what this skips."""
    HANDLER.skipped.clear()
    logger = logging.getLogger(SKIPPED_FILE_LOG[0])

    if HANDLER not in logger.handlers:
        logger.addHandler(HANDLER)


def stop_if_files_were_skipped(settings: dict) -> None:
    if not HANDLER.skipped:
        return
    content = Path(settings["PATH"])
    problems = [
        Problem(
            str((content / path).relative_to(content.parent)),
            0,
            f"Pelican could not read it: {reason} (fix the file; a developer can run "
            "with DEBUG=1 to see more)",
        )
        for path, reason in HANDLER.skipped
    ]
    HANDLER.skipped.clear()
    raise ContentError(in_order(problems))
