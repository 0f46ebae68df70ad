"""`make bench` (preview): from a save to the change being visible in the running preview.

Copies the project with the sample content plus N generated bilingual press releases into
bench-work/, starts `invoke livereload` on a free port, waits for the first build, then
saves a change N times (a line appended to one press release, 1.5 s after the last was
shown), each time timing from the save until the served page shows it (as a page in the
browser sees it: the build's number changes on /__preview/status, which the page's script
hears at once, then the page is loaded again), then a rule appended to the stylesheet.
Prints the median and the slowest save, and the stylesheet's, at each size.
Usage: python tests/bench_preview.py [--articles 1000 5000] [--saves 5]
"""

import argparse
import http.client
import json
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import ROOT, WORK, make_corpus

INVOKE = Path(sys.executable).parent / "invoke"
PROJECT_FILES = ["tasks.py", "pelicanconf.py", "publishconf.py", "babel.cfg"]
PROJECT_FOLDERS = ["plugins", "office", "theme"]


def make_project(articles: int) -> Path:
    project = WORK / f"preview-{articles}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, project / name)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, project / name, ignore=ignore)
    shutil.copytree(ROOT / "content", project / "content")
    if articles:
        shutil.copytree(
            make_corpus(articles) / "news", project / "content/news", dirs_exist_ok=True
        )
    return project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (OSError, http.client.HTTPException):
        return ""


def build_number(base: str) -> int:
    return json.loads(fetch(f"{base}/__preview/status") or '{"number": 0}')["number"]


def wait_until(condition, seconds: float, step: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if condition():
            return time.perf_counter() - start
        time.sleep(step)
    raise TimeoutError("the preview did not show the change")


def save_latencies(project: Path, saves: int) -> list[float]:
    port = free_port()
    command = [str(INVOKE), "livereload", "--port", str(port)]
    log = (project / "preview.log").open("w")  # what the preview said, to read after a run
    server = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT)

    base = f"http://127.0.0.1:{port}"
    page = f"{base}/news/opening-ceremony/"
    news = project / "content/news/opening-ceremony.md"
    try:
        wait_until(lambda: build_number(base) > 0, 600, 0.2)
        time.sleep(1)
        latencies = []
        for number in range(saves):
            marker = f"bench-save-{number}-{time.time_ns()}"
            before = build_number(base)
            news.write_text(news.read_text(encoding="utf-8") + f"\n{marker}\n", "utf-8")
            shown = lambda m=marker, b=before: build_number(base) > b and m in fetch(page)  # noqa: E731
            latencies.append(wait_until(shown, 60, 0.01))
            time.sleep(1.5)
        return [*latencies, css_latency(project, base)]
    finally:
        server.terminate()
        server.wait(timeout=20)


def css_latency(project: Path, base: str) -> float:
    """From a rule appended to a layer of the stylesheet until the served one has it."""
    page = fetch(f"{base}/")
    link = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    rule = f".bench-{time.time_ns()} {{ color: rebeccapurple }}"
    layer = project / "theme/css/components.css"
    layer.write_text(layer.read_text(encoding="utf-8") + rule + "\n", "utf-8")
    return wait_until(lambda: rule in fetch(f"{base}{link}"), 60, 0.01)


def measure(articles: int, saves: int) -> tuple[float, float, float]:
    """The median and the slowest of the saves, and the stylesheet's."""
    *latencies, css = save_latencies(make_project(articles), saves)
    return statistics.median(latencies), max(latencies), css


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--saves", type=int, default=5)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    print("\nPreview: save → change visible, in seconds (targets: median <= 0.25, slowest")
    print("<= 0.5, the stylesheet <= 1)")
    print(f"{'':34} {'median':>7} {'slowest':>8} {'stylesheet':>11}")
    for articles in (0, *args.articles):
        median, slowest, css = measure(articles, args.saves)
        label = f"sample site + {articles} articles" if articles else "sample site"
        print(f"{label:34} {median:7.2f} {slowest:8.2f} {css:11.2f}")


if __name__ == "__main__":
    main()
