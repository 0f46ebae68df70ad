"""The preview's builds: a whole build kept in memory, and the small update after a save.

A whole build is a normal Pelican build, with two things noted on the way: the generators
of each language's run (kept for the next update), and, for every page written, the
sources whose link it shows (a listing shows a title and a summary with a link), and the
writer's call that wrote it. After a save of one press release or page whose front matter
is unchanged but for its Summary, ``refresh`` reads that file again into the same content
object and makes again only the calls that wrote the pages showing it, its own included, and
the feeds; of those calls' files, only those pages are written. So a save costs the pages
that show it, not the site. Anything else is a whole build.

"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.settings import read_settings

from plugins import theme_assets
from plugins.core.front_matter import read_front_matter
from plugins.core.pelican_seams import (
    forget_rendered,
    forget_unfinished_build,
    set_summary,
    set_text,
    text_of,
)
from plugins.core.state import state_of
from plugins.pipeline.writer import WholeFileWriter

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
CONTENT_LISTS = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles",
                 "hidden_translations", "pages", "hidden_pages", "draft_pages")  # fmt: skip
LINK_FILTER = "link"  # plugins.bilingual: every link to a page goes through it


@dataclass
class Run:
    """One language's run of the last whole build."""

    settings: dict
    generators: list
    output_path: str


@dataclass(frozen=True)
class WriterCall:
    """One call of a language run's writer (`write_file` or `write_feed`), to make again."""

    output_path: str  # the writer's: its language run's
    settings: dict
    method: str
    args: tuple
    kwargs: dict


@dataclass
class Noted:
    runs: list[Run] = field(default_factory=list)
    shows: dict[str, set[str]] = field(default_factory=dict)  # output file → sources shown
    writing: str = ""  # the output file being rendered now
    written_by: dict[str, WriterCall] = field(default_factory=dict)  # output file → its call
    calling: WriterCall | None = None  # the writer's call being made now


class PreviewWriter(WholeFileWriter):
    """Pelican's writer, noting what each page shows; with `only`, it writes those files
    alone (the others are neither rendered nor written)."""

    noted: Noted = None  # set by IncrementalSite
    only: set[str] | None = None

    def write_file(self, name, template, context, *args, **kwargs):
        self.note_call("write_file", (name, template, context, *args), kwargs)
        try:
            return super().write_file(name, template, context, *args, **kwargs)
        finally:
            self.noted.calling = None

    def wrap(self, template):
        """Noted first: a page that is not wanted is not rendered, nor given its head."""
        return NotingTemplate(super().wrap(template), self)

    def write_feed(self, *args, **kwargs):
        self.note_call("write_feed", args, kwargs)
        try:
            return super().write_feed(*args, **kwargs)
        finally:
            self.noted.calling = None

    def note_call(self, method: str, args: tuple, kwargs: dict) -> None:
        """In a whole build, the call that writes the next files, to be made again later."""
        if self.only is None:
            call = WriterCall(self.output_path, self.settings, method, args, kwargs)
            self.noted.calling = call

    def wanted(self, path: str) -> bool:
        return self.only is None or path in self.only

    def open_file(self, path: str, encoding: str):
        path = os.path.abspath(path)
        if self.only is None and self.noted.calling is not None:
            self.noted.written_by[path] = self.noted.calling
        if self.wanted(path):
            return super().open_file(path, encoding)
        return open(os.devnull, "w", encoding=encoding)


class NotingTemplate:
    def __init__(self, template, writer: PreviewWriter):
        self.template, self.writer = template, writer

    def render(self, context) -> str:
        path = os.path.abspath(os.path.join(self.writer.output_path, context["output_file"]))
        if not self.writer.wanted(path):
            return ""
        noted = self.writer.noted
        noted.writing = path
        noted.shows[path] = set()
        try:
            return self.template.render(context)
        finally:
            noted.writing = ""


def noting_link(link, noted: Noted):
    def noted_link(content):
        if noted.writing:
            noted.shows[noted.writing].add(content.source_path)
        return link(content)

    return noted_link


def listing_facts(path: Path) -> dict[str, str]:
    """What a page's front matter says that listings, addresses and feeds depend on:
    everything but its Summary (shown only beside its link, which is noted)."""
    matter = read_front_matter(path)
    return {key: found.value for key, found in matter.fields.items() if key != "summary"}


class IncrementalSite:
    def __init__(self, config: Path, overrides: dict):
        self.config, self.overrides = config, overrides
        self.noted = Noted()
        self.facts: dict[str, dict] = {}
        self.last_problems: list = []
        PreviewWriter.noted = self.noted  # one preview per process
        self.writer = PreviewWriter
        # A class named by its module, so that Pelican's content cache can keep the settings.
        self.overrides = {**overrides, "PIPELINE_WRITER": PreviewWriter}
        signals.all_generators_finalized.connect(self.note_run)

    # ---- signals, during a whole build
    def note_run(self, generators):
        settings = generators[0].settings
        self.noted.runs.append(Run(settings, generators, generators[0].output_path))
        for generator in generators:
            filters = getattr(generator, "env", None) and generator.env.filters
            if filters and LINK_FILTER in filters:
                filters[LINK_FILTER] = noting_link(filters[LINK_FILTER], self.noted)

    # ---- what to do
    def left_out(self) -> list[str]:
        """What the last whole build published without (photos it could not use)."""
        return [str(problem) for problem in self.last_problems]

    def update(self, changed: set[Path] | None) -> str:
        if self.restyle(changed):
            return "wrote the stylesheet again"
        source = self.one_unchanged_source(changed)
        if source is None:
            self.build()
            return "rebuilt"
        written = self.refresh(source)
        return f"updated {len(written)} pages for {source.name}"

    def restyle(self, changed: set[Path] | None) -> bool:
        """Only layers of the stylesheet changed: join and write it again, nothing else (in
        the preview its name does not change with its text)."""
        if not changed or not self.noted.runs:
            return False
        settings = self.noted.runs[0].settings
        if settings.get("PREVIEW") is not True:
            return False
        if not all(theme_assets.is_layer(path, settings) for path in changed):
            return False
        theme_assets.write(state_of(settings), theme_assets.stylesheet(settings))
        return True  # in the preview, the stylesheet keeps its name

    def one_unchanged_source(self, changed: set[Path] | None) -> Path | None:

        if not changed or len(changed) != 1 or not self.noted.runs:
            return None
        path = next(iter(changed)).resolve()
        if path.suffix not in MARKDOWN_SUFFIXES or str(path) not in self.facts:
            return None
        try:
            return path if listing_facts(path) == self.facts[str(path)] else None
        except (OSError, UnicodeDecodeError):
            return None

    # ---- a whole build
    def build(self) -> None:
        forget_rendered()
        self.noted.runs.clear()
        self.noted.shows.clear()
        self.noted.written_by.clear()

        self.facts = {}
        forget_unfinished_build()
        settings = read_settings(str(self.config), override=self.overrides)
        self.last_problems = []
        Pelican(settings).run()
        state = state_of(settings)
        self.last_problems = state.galleries.problems
        self.facts = {path: listing_facts(Path(path)) for path in state.index.sources}

    # ---- one source again
    def pages_showing(self, source: Path) -> set[str]:
        shown = {page for page, sources in self.noted.shows.items() if str(source) in sources}
        return shown | self.feeds()

    def feeds(self) -> set[str]:
        return {
            os.path.abspath(os.path.join(run.output_path, run.settings[key]))
            for run in self.noted.runs
            for key in ("FEED_ATOM", "FEED_RSS")
            if run.settings.get(key)
        }

    def read_again(self, source: Path) -> tuple[set[str], bool]:
        """Read `source` again into its content objects: their own pages, and whether a
        summary changed (listings show it; a title cannot change here)."""
        own_pages, summary_changed = set(), False
        for run in self.noted.runs:
            for generator, content in contents_from(run.generators, str(source)):
                before = content.summary
                read_again(generator, content)
                summary_changed |= content.summary != before
                if content.save_as:
                    own_pages.add(os.path.abspath(os.path.join(run.output_path, content.save_as)))
        return own_pages, summary_changed

    def refresh(self, source: Path) -> set[str]:
        """Write again what shows `source`: with its summary unchanged, only its own pages
        (the one place its whole text is shown) and the feeds. The files written."""
        own_pages, summary_changed = self.read_again(source)
        only = self.pages_showing(source) if summary_changed else own_pages | self.feeds()

        writers = {}  # one per language run, as in the whole build
        for call in self.calls_writing(only):
            writer = writers.get(call.output_path)
            if writer is None:
                writer = writers[call.output_path] = self.writer(call.output_path, call.settings)
                writer.only = only
            getattr(writer, call.method)(*call.args, **call.kwargs)
        return only

    def calls_writing(self, files: set[str]) -> list[WriterCall]:
        """The writer's calls of the last whole build that wrote `files`, in their order."""
        calls = {}
        for path, call in self.noted.written_by.items():
            if path in files:
                calls.setdefault(id(call), call)
        return list(calls.values())


def contents_from(generators, source_path: str):
    """(generator, content object) for every object read from `source_path`."""
    seen = set()
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                if content.source_path == source_path and id(content) not in seen:
                    seen.add(id(content))
                    yield generator, content


def read_again(generator, content) -> None:
    """The text and summary of `content` as its file says now; all else stays."""
    fresh = generator.readers.read_file(
        base_path=generator.path,
        path=os.path.relpath(content.source_path, generator.path),
        content_class=type(content),
        context=generator.context,
    )
    set_text(content, text_of(fresh))
    set_summary(content, fresh.metadata.get("summary"))

    forget_rendered(content)

    content.refresh_metadata_intersite_links()
