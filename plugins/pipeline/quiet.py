"""Pelican logs any error that stops it with its whole traceback. For a mistake in the
office's files the message already says what to fix, file and line: the traceback is only
noise, so it is left out (DEBUG=1 in the environment keeps it, for developers)."""

import logging
import os

from plugins.core.problems import WriterMistake


class NoTracebackForWriterMistakes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, WriterMistake) and not os.environ.get("DEBUG"):
            record.exc_info = None
            record.exc_text = None
        return True


FILTER = NoTracebackForWriterMistakes()


def hide_tracebacks_of_writer_mistakes() -> None:
    logger = logging.getLogger("pelican")
    if FILTER not in logger.filters:
        logger.addFilter(FILTER)
