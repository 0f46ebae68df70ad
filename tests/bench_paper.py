"""`make bench` part "paper": seconds to print the printable edition (an A4 PDF in each
language, with Chromium) from the sample site, cold (nothing printed before) and warm
(nothing changed: no PDF printed). Target: at most 5 s for both languages on 2 cores."""

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from conftest import SITES, build_site

from plugins.paper import write_papers

RUNS = 3
TARGET = 5.0


def papers_of_a_build(root: Path):
    """Build the sample once with the papers on, and keep what they were made from."""
    import plugins.paper as paper_module

    kept = []
    original = paper_module.write_papers

    def keep(papers, output, cache, browser=""):
        kept.extend(papers)
        return original(papers, output, cache, browser)

    paper_module.write_papers = keep
    try:
        output = root / "output"
        build_site(SITES / "sample" / "content", output, PRINTED_EDITIONS=True)
    finally:
        paper_module.write_papers = original
    return kept, output


def timed(papers, output: Path, cache: Path) -> float:
    started = time.perf_counter()
    write_papers(papers, output, cache)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        papers, output = papers_of_a_build(Path(folder))
        cold, warm = [], []
        for run in range(RUNS):
            cache = Path(folder) / f"cache-{run}"
            cold.append(timed(papers, output, cache))
            warm.append(timed(papers, output, cache))
            shutil.rmtree(cache)
    print(f"\nThe printable edition: {len(papers)} PDFs (both languages), median of {RUNS} runs")
    print(f"  cold (printed)    {statistics.median(cold):6.2f} s   target <= {TARGET} s")
    print(f"  warm (unchanged)  {statistics.median(warm):6.2f} s")
    sys.exit(0)


if __name__ == "__main__":
    main()
