"""The printable edition: an A4 PDF per edition and language, linked from its page.

Each language's run renders ``paper/edition.html`` (the practical information, the
programme by day, the booth directory with thumbnails, the venue map, a QR code back to
the site) and hands it over as a ``Paper``; once every language is written (and with it
the photos and the stylesheet the paper reads from output/), ``write_papers`` prints
each with Chromium. A paper is made again only when what it reads changes: its HTML,
every file it names, the fonts, or the browser's version (cache/paper/<digest>.pdf)."""

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from plugins.core.files import write_if_changed
from plugins.core.problems import WriterMistake

from .chromium import browser_version, find_browser, print_pdf

LOCAL_FILE = re.compile(r'"(file://[^"]+)"')
LOCAL_IMAGE = re.compile(r'(<img src=")(file://[^"]+)(")')
THUMBNAIL = 240  # pixels: 14 mm at about 400 dpi (Chromium embeds an image as it is given)


@dataclass(frozen=True)
class Paper:
    output_file: str  # below output/: editions/27/otop-city-27.pdf, en/editions/27/…
    html: str


class PaperError(WriterMistake):
    """Chromium could not print a paper: the site is not left without it, silently."""


def file_name(number: int) -> str:
    return f"otop-city-{number}.pdf"


def local_path(url: str) -> Path:
    from urllib.parse import unquote, urlsplit

    return Path(unquote(urlsplit(url).path))


def small_image(source: Path, folder: Path) -> Path:
    """A JPEG of the photo at the size the paper prints it, made once per photo."""
    from PIL import Image

    data = source.read_bytes()
    target = folder / f"{hashlib.sha256(data).hexdigest()[:20]}-{THUMBNAIL}.jpg"
    if not target.exists():
        with Image.open(source) as image:
            image = image.convert("RGB")
            image.thumbnail((THUMBNAIL, THUMBNAIL))
            partial = target.with_suffix(".part")
            image.save(partial, "JPEG", quality=82, optimize=True)
            partial.replace(target)
    return target


def with_small_images(paper: Paper, folder: Path) -> Paper:
    """The paper with each photo it shows replaced by a small JPEG of it."""
    folder.mkdir(parents=True, exist_ok=True)
    swap = lambda found: found[1] + small_image(local_path(found[2]), folder).as_uri() + found[3]  # noqa: E731
    return Paper(paper.output_file, LOCAL_IMAGE.sub(swap, paper.html))


def inputs_digest(paper: Paper, version: str, fonts: list[Path]) -> str:
    """The paper's HTML, the bytes of every file it names and of the fonts, the browser."""
    digest = hashlib.sha256(paper.html.encode() + version.encode())
    named = [local_path(url) for url in LOCAL_FILE.findall(paper.html)]
    for path in [*named, *fonts]:
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()[:24]


def write_papers(papers: list[Paper], output: Path, cache: Path, browser_name: str = "") -> int:
    """Print the papers whose inputs changed (in parallel), copy each into output/.
    Returns how many were printed."""
    browser = find_browser(browser_name)
    fonts = sorted((output / "theme" / "fonts").glob("*.woff2"))
    folder = cache / "paper"
    papers = [with_small_images(paper, folder / "photos") for paper in papers]
    wanted = {paper: folder / f"{inputs_digest(paper, browser_version(browser), fonts)}.pdf"
              for paper in papers}  # fmt: skip
    missing = [(paper, pdf) for paper, pdf in wanted.items() if not pdf.exists()]
    print_all(browser, missing)
    for paper, pdf in wanted.items():
        write_if_changed(output / paper.output_file, pdf.read_bytes())
    return len(missing)


AT_ONCE = 2  # browsers printing at the same time (a build machine has 2 cores)


def print_all(browser: str, jobs: list[tuple[Paper, Path]]) -> None:
    with tempfile.TemporaryDirectory() as work:
        for first in range(0, len(jobs), AT_ONCE):
            running = []
            for number, (paper, pdf) in enumerate(jobs[first : first + AT_ONCE], start=first):
                page = Path(work) / f"paper-{number}.html"
                page.write_text(paper.html, encoding="utf-8")
                partial = pdf.with_suffix(".part")
                process = print_pdf(browser, page, partial, Path(work) / f"profile-{number}")
                running.append((paper, process, partial, pdf))
            for paper, process, partial, pdf in running:
                finish(paper, process, partial, pdf)


def finish(paper: Paper, process, partial: Path, pdf: Path) -> None:
    """Wait for one print; keep the PDF only when it is whole (it starts with %PDF and
    ends with %%EOF), so that a broken one is never copied, nor kept for the next build."""
    from .chromium import SECONDS

    try:
        _, errors = process.communicate(timeout=SECONDS)
    except Exception:
        process.kill()
        raise
    data = partial.read_bytes() if partial.exists() else b""
    if process.returncode != 0 or not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        partial.unlink(missing_ok=True)
        said = errors.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise PaperError(f"Chromium could not print {paper.output_file}: {said[0]}")
    shutil.move(partial, pdf)
