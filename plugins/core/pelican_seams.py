"""Every place where this site leans on a private part of Pelican 4.12 or i18n_subsites 1.0.

Nothing else in ``plugins/`` or ``office/`` names a private attribute of either library.
Each touch says what it relies on; ``tests/test_pelican_seams.py`` holds one contract test
per touch, run against the pinned versions in a real build: an upgrade that renames or
changes what is relied on fails there, loudly, rather than in a page.

Public hooks (signals, settings, ``get_writer``) are used wherever they do the job; these
are the places where none does.
"""

import logging
import os
from pathlib import Path

from pelican.contents import Content
from pelican.plugins.i18n_subsites import i18n_subsites
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger("pelican.writers")  # where Pelican's own writer logs


class SeamChanged(RuntimeError):
    """A private part of Pelican or i18n_subsites is not what this module relies on."""


# ---- 1. The writer's file opening --------------------------------------------------------
# Relies on: Writer.write_file and Writer.write_feed open every file through
# ``self._open_w(path, encoding, override)``, which keeps ``_written_files`` and
# ``_overridden_files``. Pelican has no public hook between rendering and the file, so
# its rules are copied here as they are in 4.12, logs included (contract test:
# ``test_writer_rules_are_pelicans``, which runs both writers through the same writes).


class SeamWriter(Writer):
    """Pelican's writer with two public hooks in place of its private ``_open_w``:
    ``open_file(path, encoding)`` opens a file Pelican's rules let through, and
    ``written_twice(path)`` is the error for a second write without override."""

    def open_file(self, path: str, encoding: str):
        return open(path, "w", encoding=encoding)

    def written_twice(self, path: str) -> Exception:
        return FileOverwriteFailedError(
            f'Failed to overwrite "{path}" as Pelican has already '
            "written to it previously (set `override=True` if intended)"
        )

    def _open_w(self, filename, encoding, override=False):
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files:
            if not override:
                raise self.written_twice(filename)
            logger.info('Overwriting "%s"', filename)
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return self.open_file(filename, encoding)


# ---- 2. The rendered text of a page --------------------------------------------------------
# Relies on: ``Content._content`` is the text its reader made (before Pelican's link
# replacement), ``Content._summary`` the summary that ``refresh_metadata_intersite_links``
# puts back into ``metadata["summary"]`` (which ``get_summary`` returns); ``get_content`` and
# ``get_summary`` are ``pelican.utils.memoized`` functions keeping their results in a
# ``.cache`` dict keyed by ``(content, siteurl)``.


def text_of(content: Content) -> str:
    """The page's HTML as its reader made it."""
    return content._content or ""


def set_text(content: Content, html: str) -> None:
    content._content = html


def set_summary(content: Content, html: str | None) -> None:
    """Give the page this summary; None: the one Pelican makes from its text."""
    if html is not None:
        content.metadata["summary"] = content._summary = html
        return
    content.metadata.pop("summary", None)
    if hasattr(content, "_summary"):
        del content._summary


def forget_rendered(content: Content | None = None) -> None:
    """Pelican keeps every page's rendered text and summary in class-wide caches: forget
    those of `content` (or of every page), so that they are rendered again."""
    for name in ("get_content", "get_summary"):
        cache = getattr(Content.__dict__[name], "cache", None)
        if not isinstance(cache, dict):
            raise SeamChanged(f"Content.{name} keeps no memoized .cache dict any more")
        for key in [key for key in cache if content is None or key[0] is content]:
            del cache[key]


# ---- 3. Which files a language's run reads -------------------------------------------------
# Relies on: the article and page generators find their files through
# ``generator.get_files(paths, exclude=, extensions=)``, which returns paths relative to
# ``generator.path``. IGNORE_FILES cannot say "this language's files only".


def read_only(generator, wanted: set[str]) -> None:
    """From now on `generator` reads only the files of `wanted` (relative to its path)."""
    find_files = generator.get_files

    def get_files(paths, exclude=None, extensions=None):
        found = find_files(paths, exclude=exclude, extensions=extensions)
        return {f for f in found if os.path.normpath(f) in wanted}

    generator.get_files = get_files


# ---- 4. Files Pelican could not read -------------------------------------------------------
# Relies on: a generator that cannot read a file logs ``"Could not process %s"`` with the
# file as its first argument on the ``pelican.generators`` logger, and goes on without it.

SKIPPED_FILE_LOG = ("pelican.generators", "Could not process %s")


def skipped_file(record: logging.LogRecord) -> str | None:
    """The file a log record says Pelican skipped, if it says so."""
    if record.name != SKIPPED_FILE_LOG[0] or record.msg != SKIPPED_FILE_LOG[1]:
        return None
    return str(record.args[0]) if record.args else None


# ---- 5. The content cache's files ----------------------------------------------------------
# Relies on: CACHE_CONTENT keeps one pickle per generator class, named
# ``<GeneratorClass>-Readers``, in CACHE_PATH (a language's run: CACHE_PATH/<lang>).


def content_cache_files(cache_path: str | Path) -> list[Path]:
    cache = Path(cache_path)
    return [*cache.glob("*-Readers"), *cache.glob("*/*-Readers")]


# ---- 6. The state every language's run shares ----------------------------------------------
# Relies on: i18n_subsites makes each language's settings with ``_MAIN_SETTINGS.copy()``
# (shallow), so every language's run holds the one BuildState object under one key; and
# Pelican's content cache pickles the settings that categories and tags keep.


def kept_out_of_content_cache(cls):
    """Pickle instances of `cls` as None: the content cache keeps no build's state."""
    cls.__reduce__ = lambda self: (no_state, ())
    return cls


def no_state() -> None:
    return None


def forget_unfinished_build() -> None:
    """i18n_subsites keeps the main site's settings in a module global until a build ends;
    a build stopped by an error leaves them, and the next build would reuse them."""
    if not hasattr(i18n_subsites, "_MAIN_SETTINGS"):
        raise SeamChanged("i18n_subsites keeps no _MAIN_SETTINGS any more")
    i18n_subsites._MAIN_SETTINGS = None
