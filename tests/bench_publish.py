"""`make bench`: save → live, the office's loop with the browser editor, as a local stand-in
for the publishing workflow (.github/workflows/publish.yml).

A repository holding the sample site + 1,000 articles + 500 gallery photos is published
once, which fills its cache (every photo and card made, the editor's bundle). Then, as the
workflow does after each save: a fresh clone, one article changed and committed (the save),
the cache and the virtualenv restored as actions/cache restores them, and `make github` to a
local bare repository standing for GitHub. Printed: the seconds of that last step, against
the target (90 s on 2 cores). GitHub's own Pages deployment after the push is not included.
Usage: python tests/bench_publish.py [--articles 1000] [--photos 500] [--runs 3]
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import ROOT, WORK, make_corpus
from PIL import Image, ImageDraw, ImageFilter

TARGET_SECONDS = 90
GALLERY_SIZE = 50  # photos a gallery


def run(command: list[str], folder: Path, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=folder, check=True, capture_output=True, text=True, **options
    )


def git(folder: Path, *arguments: str) -> None:
    run(
        ["git", "-c", "user.name=Office", "-c", "user.email=office@example.org", *arguments], folder
    )


def photo(number: int, path: Path) -> None:
    """A web master as the editor or import-photos makes one: 2400 px wide, textured."""
    rng = random.Random(number)
    image = Image.effect_noise((600, 400), 40).convert("RGB").resize((2400, 1600))
    draw = ImageDraw.Draw(image)
    for _ in range(30):
        x, y = rng.randrange(2400), rng.randrange(1600)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse([x, y, x + rng.randrange(80, 400), y + rng.randrange(80, 400)], fill=colour)
    image.filter(ImageFilter.GaussianBlur(1)).save(path, quality=85)


def make_content(articles: int, photos: int) -> Path:
    """The sample content, the bench's articles and its photos (made once, kept)."""
    content = WORK / f"publish-content-{articles}-{photos}"
    if content.exists():
        return content
    unfinished = content.with_name(content.name + ".partial")
    shutil.rmtree(unfinished, ignore_errors=True)
    shutil.copytree(ROOT / "tests/sites/sample/content", unfinished)
    shutil.copytree(make_corpus(articles) / "news", unfinished / "news", dirs_exist_ok=True)
    for number in range(photos):
        gallery = unfinished / "galleries" / f"day-{number // GALLERY_SIZE:02d}"
        gallery.mkdir(parents=True, exist_ok=True)
        photo(number, gallery / f"photo-{number:04d}.jpg")
    unfinished.rename(content)
    return content


def make_source(content: Path) -> tuple[Path, str]:
    """A repository like the office's: this commit of the project, with `content`."""
    source = WORK / "publish-source"
    shutil.rmtree(source, ignore_errors=True)
    run(["git", "clone", "-q", str(ROOT), str(source)], WORK)
    shutil.rmtree(source / "content")
    shutil.copytree(content, source / "content")
    git(source, "add", "-A")
    git(source, "commit", "-qm", "The bench's site")
    head = run(["git", "rev-parse", "HEAD"], ROOT).stdout.strip()
    return source, f"{head} {content.name}"


def publish_from(clone: Path, origin: Path) -> float:
    """`make github` in `clone` as the publishing workflow runs it (GITHUB_ACTIONS: it
    publishes gh-pages itself), publishing to `origin`; its seconds."""
    git(clone, "remote", "set-url", "origin", str(origin))
    workflow = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": os.devnull}
    start = time.perf_counter()
    try:
        run(["make", "github"], clone, env=workflow)
    except subprocess.CalledProcessError as error:
        sys.exit(f"make github did not publish:\n{(error.stdout + error.stderr)[-3000:]}")
    return time.perf_counter() - start


def checkout(source: Path) -> Path:
    """A clone at one fixed place, as the workflow's checkout is (a virtualenv works only
    where it was made: actions/cache restores it there)."""
    clone = WORK / "publish-clone"
    shutil.rmtree(clone, ignore_errors=True)
    run(["git", "clone", "-q", str(source), str(clone)], WORK)
    return clone


def save(clone: Path) -> None:
    """One article changed and committed, as a save in the editor does."""
    article = clone / "content/news/news-00001.md"
    with article.open("a", encoding="utf-8") as file:
        file.write(f"\nแก้ไขเมื่อ {time.time()}\n")
    git(clone, "commit", "-qam", "A save in the editor")


def prime(source: Path, key: str, saved: dict[str, Path], origin: Path) -> None:
    """A publish of this commit from the last run's caches (every photo, card and the
    editor made the first time), as the workflow's previous run; its caches kept."""
    stamp = WORK / "publish-saved.key"
    if stamp.exists() and stamp.read_text() == key and all(p.exists() for p in saved.values()):
        return
    shutil.rmtree(origin, ignore_errors=True)  # what an earlier commit published is not ours
    run(["git", "init", "-q", "--bare", str(origin)], WORK)
    clone = checkout(source)
    for name, place in saved.items():
        if place.exists():
            run(["cp", "-a", str(place), str(clone / name)], WORK)
    print(
        f"publishing this commit once, from the last caches if any: {publish_from(clone, origin):.1f} s"
    )
    for name, place in saved.items():
        shutil.rmtree(place, ignore_errors=True)
        (clone / name).rename(place)
    stamp.write_text(key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    source, key = make_source(make_content(args.articles, args.photos))
    origin = WORK / "publish-origin.git"
    saved = {name: WORK / f"publish-saved-{name.strip('.')}" for name in ("cache", ".venv")}
    prime(source, key, saved, origin)
    times = []
    for _ in range(args.runs):
        clone = checkout(source)
        save(clone)
        for name, place in saved.items():  # restored, as actions/cache restores them
            run(["cp", "-a", str(place), str(clone / name)], WORK)
        times.append(publish_from(clone, origin))
        git(source, "pull", "-q", "--ff-only", str(clone), "HEAD")  # the next save follows it

    median = statistics.median(times)
    print("\nsave → live (a fresh clone, caches restored, make github to a bare repository):")
    print(
        f"  {args.articles} articles, {args.photos} photos: median {median:.1f} s of {args.runs} "
        f"runs ({', '.join(f'{t:.1f}' for t in times)}), target <= {TARGET_SECONDS} s"
    )


if __name__ == "__main__":
    main()
