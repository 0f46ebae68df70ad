"""Contract tests: each private part of Pelican or i18n_subsites that plugins/core/
pelican_seams.py relies on, exercised in a real build against the pinned versions. One of
these failing after an upgrade says which seam moved; fix pelican_seams.py, nothing else."""

import logging
import os
import shutil
from pathlib import Path

import jinja2
import pytest
from conftest import SITES, build_site, make_settings, new_pelican, page, write_tree
from pelican import signals
from pelican.plugins.i18n_subsites import i18n_subsites
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer

from plugins.core import pelican_seams
from plugins.core.problems import ContentError
from plugins.core.state import state_of


def copy_of_minimal(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SITES / "minimal/content", tmp_path / "content"))


class Recorded:
    """Connects `handler` to `signal` for the length of a `with` block."""

    def __init__(self, signal, handler):
        self.signal, self.handler = signal, handler

    def __enter__(self):
        self.signal.connect(self.handler)

    def __exit__(self, *exc):
        self.signal.disconnect(self.handler)


# ---- 1. the writer's file opening ------------------------------------------------------------

WRITES = [("a.html", False), ("a.html", True), ("a.html", False), ("a.html", True),
          ("b.html", False), ("b.html", False), ("c.html", True), ("c.html", False)]  # fmt: skip


def run_writes(writer_class, output: Path, caplog) -> list:
    """Every write of WRITES through `writer_class`: what came of it, what was left on disk,
    and what the writer logged (paths made relative)."""
    settings = {**DEFAULT_CONFIG, "OUTPUT_PATH": str(output)}
    writer = writer_class(str(output), settings=settings)
    outcomes = []
    for number, (name, override) in enumerate(WRITES):
        template = jinja2.Template(f"write {number}")
        caplog.clear()
        try:
            writer.write_file(name, template, {}, override_output=override)
            outcome = "written"
        except Exception as error:  # the kind of error is what is compared
            outcome = type(error).__name__
        logs = [r.getMessage().replace(str(output), "") for r in caplog.records
                if r.name == "pelican.writers" and "Writing" not in r.getMessage()]  # fmt: skip
        files = {p.name: p.read_text() for p in sorted(output.glob("*.html"))}
        outcomes.append((outcome, logs, files))
    return outcomes


def test_writer_rules_are_pelicans(tmp_path, caplog):
    """SeamWriter copies Writer._open_w's rules: same files, same errors, same logs."""
    caplog.set_level(logging.INFO, logger="pelican.writers")
    theirs = run_writes(Writer, tmp_path / "pelican", caplog)
    ours = run_writes(pelican_seams.SeamWriter, tmp_path / "ours", caplog)
    assert ours == theirs
    assert {outcome for outcome, _, _ in theirs} == {"written", "FileOverwriteFailedError"}


def test_every_page_goes_through_the_writers_open_file(tmp_path):
    """Pelican still opens its files through _open_w: an unchanged page is not written again
    (Pelican alone would rewrite it), so its time stays what it was."""
    content = copy_of_minimal(tmp_path)
    output = build_site(content, tmp_path / "output")
    home = output / "index.html"
    os.utime(home, ns=(10**18, 10**18))
    build_site(content, output)
    assert home.stat().st_mtime_ns == 10**18
    assert page(output, "").h1 is not None


# ---- 2. the rendered text of a page --------------------------------------------------------


def first_article(tmp_path: Path):
    found = []
    with Recorded(signals.article_generator_finalized, lambda g: found.extend(g.articles)):
        build_site(copy_of_minimal(tmp_path), tmp_path / "output")
    return found[0]


def test_a_pages_text_and_summary_are_rendered_again_once_forgotten(tmp_path):
    article = first_article(tmp_path)
    before = article.content
    assert before == article.get_content(article.get_siteurl())  # kept by memoized
    pelican_seams.set_text(article, "<p>new text</p>")
    assert article.content == before  # still the remembered one
    pelican_seams.forget_rendered(article)
    assert article.content == "<p>new text</p>"
    assert pelican_seams.text_of(article) == "<p>new text</p>"
    pelican_seams.set_summary(article, "<p>new summary</p>")
    pelican_seams.forget_rendered(article)
    assert article.summary == "<p>new summary</p>"


# ---- 3. which files a language's run reads ---------------------------------------------------


def test_each_language_reads_only_its_own_files(tmp_path):
    read: dict[str, set[str]] = {}

    def note(generator):
        every = [*generator.articles, *generator.translations]
        lang = generator.settings["DEFAULT_LANG"]
        read[lang] = {Path(article.source_path).name for article in every}

    with Recorded(signals.article_generator_finalized, note):
        build_site(copy_of_minimal(tmp_path), tmp_path / "output")
    assert "first-day.en.md" in read["en"] and "first-day.md" not in read["en"]
    assert "first-day.md" in read["th"]


# ---- 4. files Pelican could not read -------------------------------------------------------


def test_a_file_pelican_cannot_read_stops_the_build_by_name(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {"news/x.md": "Title: ข่าว\nDate: 2024-06-01\nModified: เมื่อวาน\n\nข่าว\n"},
    )
    with pytest.raises(ContentError) as stopped:
        build_site(content, tmp_path / "output")
    assert [problem.path for problem in stopped.value.problems] == ["content/news/x.md"]
    assert "Pelican could not read it" in stopped.value.problems[0].message


# ---- 5. the content cache's files ----------------------------------------------------------


def pickles_in(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file() and p.read_bytes()[:1] == b"\x80"}


def test_the_content_caches_files_are_found_by_name(tmp_path):
    build_site(copy_of_minimal(tmp_path), tmp_path / "output")
    cache = tmp_path / "output-cache"
    found = set(pelican_seams.content_cache_files(cache))
    readers = {p for p in pickles_in(cache) if "Generator" in p.name}
    assert found == readers
    assert {p.parent.name for p in found} == {"output-cache", "en"}


# ---- 6. the state every language's run shares ----------------------------------------------


def test_both_languages_share_one_build_state(tmp_path):
    states = {}

    def note(generator):
        states[generator.settings["DEFAULT_LANG"]] = state_of(generator.settings)

    with Recorded(signals.article_generator_init, note):
        build_site(copy_of_minimal(tmp_path), tmp_path / "output")
    assert set(states) == {"th", "en"}
    assert states["th"] is states["en"]


def test_the_content_cache_keeps_no_build_state(tmp_path):
    build_site(copy_of_minimal(tmp_path), tmp_path / "output")
    kept = b"".join(
        p.read_bytes() for p in pelican_seams.content_cache_files(tmp_path / "output-cache")
    )
    assert b"no_state" in kept  # the settings categories keep were pickled, the state as None
    assert b"BuildState" not in kept and b"Addresses" not in kept


def test_a_build_after_a_stopped_one_uses_its_own_settings(tmp_path):
    broken = write_tree(tmp_path / "broken", {"news/x.md": "Title: x\nDate: someday\n\nx\n"})
    with pytest.raises(ContentError):
        new_pelican(make_settings(broken, tmp_path / "first")).run()
    assert i18n_subsites._MAIN_SETTINGS is not None  # what the stopped build left
    output = tmp_path / "second"
    new_pelican(make_settings(copy_of_minimal(tmp_path), output, SITENAME="Second")).run()
    assert page(output, "en/news/first-day/").h1.text.strip()
    assert not (tmp_path / "first/en").exists()
