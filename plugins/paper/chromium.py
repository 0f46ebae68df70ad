"""Chromium's own PDF: Thai shaped and its text layer exact (ทำ, หมอลำ, พื้นบ้าน), fonts
embedded and subset, tagged. Measured against WeasyPrint 70, whose text layer turns อำเภอ
into อาเภอ (../shared/notes/toolchain.md, and tests/test_paper.py reads ours back)."""

import shutil
import subprocess
from functools import cache
from pathlib import Path

from plugins.core.problems import WriterMistake

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-pdf-header-footer", "--export-tagged-pdf", "--allow-file-access-from-files",
         "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000"]  # fmt: skip
SECONDS = 120


class NoBrowser(WriterMistake):
    """The printable edition needs Chromium; a site without its PDF is not published."""


def find_browser(chosen: str = "") -> str:
    for name in (chosen,) if chosen else NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise NoBrowser(
        "the printable programme (PDF) is made with Chromium, and this computer has none: "
        "run make html (it installs Debian's chromium), or apt-get install chromium"
    )


@cache
def browser_version(browser: str) -> str:
    done = subprocess.run([browser, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or browser


def print_pdf(browser: str, page: Path, pdf: Path, profile: Path) -> subprocess.Popen:
    """Start printing `page` to `pdf` (A4 from the page's @page rule); the caller waits."""
    command = [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
               page.resolve().as_uri()]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
