"""One build: its state made when it starts, its last steps run when every language is written.

When the main language's run starts (``get_generators``, once per run, so a long-lived
preview starts afresh each time), ``start`` makes a new ``BuildState`` in a fixed order:
addresses, catalogs, content index, the fair, the galleries, the stylesheet. A problem
in the content stops the build there, before anything is written, each printed as
``file:line: what is wrong (the fix)``. i18n_subsites runs the other languages inside the
main run, each with a copy of its settings and so the same state. When the main run is
finalized, every language is written: ``finish`` runs ``AFTER_ALL_LANGUAGES`` in order.
"""

import sys

from pelican import signals

from plugins.core.problems import ContentError, in_order
from plugins.core.state import KEY, is_main_run, state_of

from .lock import hold_build_lock, release_build_lock
from .pelican_errors import stop_if_files_were_skipped, watch_for_skipped_files
from .quiet import hide_tracebacks_of_writer_mistakes
from .steps import AFTER_ALL_LANGUAGES, new_state, run_steps
from .template_helpers import add_template_helpers
from .writer import WholeFileWriter


def say_and_stop(error: ContentError):
    for problem in error.problems:
        print(problem.for_staff(), file=sys.stderr)
    raise error


def start(pelican):
    settings = pelican.settings
    if not is_main_run(settings):
        return  # a language run inside the main one: it has the main run's state
    hold_build_lock(settings["CACHE_PATH"])
    watch_for_skipped_files()
    try:
        settings[KEY] = new_state(settings)
    except ContentError as error:
        say_and_stop(error)


def stop_on_skipped_files(generators):
    """After a language's files are read, before anything of it is written: files Pelican
    could not read, and pages naming photos the site does not have."""
    settings = generators[0].settings
    try:
        stop_if_files_were_skipped(settings)
        photos = state_of(settings).photos
        if photos.missing or photos.refused:
            raise ContentError(in_order(list(photos.missing | photos.refused)))
    except ContentError as error:
        say_and_stop(error)


def hand_to_context(generator):
    """Feeds and templates see the generators' shared context; give it the state too, and
    the templates their helpers (one list: template_helpers.py)."""
    generator.context[KEY] = state_of(generator.settings)
    add_template_helpers(generator)


def finish(pelican):
    settings = pelican.settings
    if not is_main_run(settings):
        return
    run_steps(AFTER_ALL_LANGUAGES, state_of(settings), settings)
    release_build_lock(settings["CACHE_PATH"])


def give_writer(pelican):
    """Every run writes whole files; PIPELINE_WRITER may name a subclass (the preview's)."""
    return pelican.settings.get("PIPELINE_WRITER") or WholeFileWriter


HANDLERS = {
    signals.get_generators: start,
    signals.get_writer: give_writer,
    signals.generator_init: hand_to_context,
    signals.all_generators_finalized: stop_on_skipped_files,
    signals.finalized: finish,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
    hide_tracebacks_of_writer_mistakes()
