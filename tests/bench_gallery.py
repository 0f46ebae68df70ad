"""`make bench`, gallery part: our photo pipeline against its floor and eleventy-img.

Generates N phone-like 12-megapixel JPEGs (noisy and textured, 3–6 MB, some turned by
EXIF orientation 6 or 8), then makes the configured widths in WebP and JPEG with
  ours:    the gallery plugin's pipeline (hashing, cache, process pool), cache empty;
  floor:   a bare Pillow script doing the same decode, orientation, resizes and encodes
           with the same settings over the same process pool;
  eleventy-img (sharp), the same widths, formats and qualities;
and times a warm rebuild of a whole site with 500 photos where nothing changed.
Usage: python tests/bench_gallery.py [--photos 24] [--warm-photos 500]
"""

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageOps

from plugins.gallery.cache import Manifest
from plugins.gallery.plan import Job, Spec
from plugins.gallery.runner import run_all
from plugins.gallery.settings import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent

SHARED_MEMORY = Path("/dev/shm")
WORK = (SHARED_MEMORY if SHARED_MEMORY.is_dir() else ROOT) / "bench-work" / "gallery"
WORKERS = os.cpu_count() or 1
WIDTHS = DEFAULTS["GALLERY_WIDTHS"]
FORMATS = DEFAULTS["GALLERY_FORMATS"]


def phone_photo(number: int) -> bytes:
    """4000×3000, textured like a real scene: noise over a gradient, ~4 MB at q92."""
    size = (4000, 3000)
    noise = Image.merge("RGB", [Image.effect_noise(size, 38 + number % 5) for _ in range(3)])
    gradient = Image.linear_gradient("L").resize(size).convert("RGB")
    scene = Image.blend(gradient, noise, 0.36)
    exif = Image.Exif()
    exif[0x0112] = {0: 6, 1: 8}.get(number % 4, 1)
    exif[0x8825] = {1: "N", 2: (16.0, 26.0, 4.0), 3: "E", 4: (102.0, 50.0, 6.0)}
    buffer = io.BytesIO()
    scene.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


def make_corpus(count: int) -> list[Path]:
    folder = WORK / f"photos-{count}"
    if not folder.exists():
        folder.mkdir(parents=True)
        for number in range(count):
            (folder / f"IMG_{number:04d}.jpg").write_bytes(phone_photo(number))
    return sorted(folder.glob("*.jpg"))


# ---- the floor: bare Pillow, same work, same pool --------------------------------


def floor_one(job: tuple[str, str]) -> int:
    source, output = job
    with Image.open(source) as image:
        image.draft("RGB", (max(WIDTHS), max(WIDTHS)))
        image = ImageOps.exif_transpose(image).convert("RGB")
    jpeg_widths = DEFAULTS["GALLERY_ONLY_AT"]["jpeg"]
    for width in sorted({*WIDTHS, *jpeg_widths}, reverse=True):
        if width < image.width:
            image = image.resize(
                (width, round(image.height * width / image.width)),
                Image.Resampling.LANCZOS,
                reducing_gap=3.0,
            )
        stem = Path(output) / f"{Path(source).stem}-{width}"
        if width in WIDTHS:
            image.save(f"{stem}.webp", "WEBP", **FORMATS["webp"])
        if width in jpeg_widths:
            image.save(f"{stem}.jpg", "JPEG", **FORMATS["jpeg"])
    return 1


def run_floor(photos: list[Path], output: Path) -> float:
    fresh_folder(output)
    start = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        list(pool.map(floor_one, [(str(p), str(output)) for p in photos]))
    return time.perf_counter() - start


# ---- ours: the plugin's pipeline, from hashing to files in the cache ---------------


def run_ours(photos: list[Path], cache: Path) -> float:
    fresh_folder(cache)
    settings = {**DEFAULTS}
    start = time.perf_counter()
    spec = Spec.from_settings(settings)
    manifest = Manifest(cache)
    jobs = [Job(str(p), manifest.digest(p), str(cache), spec) for p in photos]
    results = run_all(jobs, WORKERS, show_progress=False)
    manifest.save(results)
    elapsed = time.perf_counter() - start
    assert all(result.ok for result in results), [r.reason for r in results if not r.ok]
    return elapsed


def run_eleventy(photos: list[Path], output: Path) -> float | None:
    if not (ROOT / "node_modules/@11ty/eleventy-img").exists():
        return None
    fresh_folder(output)
    from plugins.search import pinned_node

    command = [
        pinned_node(),
        str(ROOT / "tests/bench_eleventy.mjs"),
        str(output),
        *map(str, photos),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def fresh_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


# ---- warm rebuild of a whole site with many photos ----------------------------------


def warm_site(photos: list[Path], count: int) -> float:
    """A site whose gallery holds `count` photos (hard links to the corpus), built once,
    then timed when built again with nothing changed."""
    site = WORK / f"site-{count}"
    gallery = site / "content/galleries/fair"
    if not gallery.exists():
        gallery.mkdir(parents=True)
        (site / "content/news").mkdir()
        (gallery / "index.md").write_text("Title: งาน\nDate: 2024-05-28\n", encoding="utf-8")
        for number in range(count):
            os.link(photos[number % len(photos)], gallery / f"photo-{number:04d}.jpg")
    command = [
        str(Path(sys.executable).parent / "pelican"),
        str(site / "content"),
        "-o",
        str(site / "output"),
    ]
    command += ["-s", str(ROOT / "pelicanconf.py"), "-q", "-e", f'CACHE_PATH="{site / "cache"}"']
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


LARGE_PHOTOS = {  # name: (mode, width, height): the largest each format may be
    "poster.png": ("RGBA", 8000, 6250),
    "phone.png": ("RGB", 8064, 6048),
    "camera.jpg": ("RGB", 16000, 12000),
}
MAKE_LARGE = """
import sys
from PIL import Image
name, mode, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
Image.effect_noise((width, height), 40).convert(mode).save(name, quality=90)
"""


MAKE_ALL = """
import glob, os, resource, sys, threading, time
from pathlib import Path
from plugins.gallery.cache import Manifest
from plugins.gallery.plan import Job, Spec
from plugins.gallery.runner import run_all
from plugins.gallery.settings import DEFAULTS

def resident_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0

def together_kb():
    me = os.getpid()
    children = []
    for path in glob.glob(f"/proc/{me}/task/*/children"):
        with open(path) as listed:
            children += listed.read().split()
    return resident_kb(me) + sum(resident_kb(child) for child in children)

peak, done = [0], threading.Event()
def sample():
    while not done.is_set():
        peak[0] = max(peak[0], together_kb())
        time.sleep(0.01)

folder, workers = Path(sys.argv[1]), int(sys.argv[2])
spec = Spec.from_settings({**DEFAULTS})
(folder / "cache").mkdir(exist_ok=True)
manifest = Manifest(folder / "cache")
jobs = [Job(str(p), manifest.digest(p), str(folder / "cache"), spec) for p in sorted(folder.glob("*.*"))]
sampler = threading.Thread(target=sample); sampler.start()
results = run_all(jobs, workers, show_progress=False)
done.set(); sampler.join()
assert all(r.ok for r in results), [r.reason for r in results if not r.ok]
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, peak[0])
"""


def peak_memory_with_large_photos() -> tuple[float, float]:
    """(MB of the largest worker, MB of the workers and their parent together at their
    highest, sampled every 10 ms) making the largest photos allowed, as a build makes them."""
    folder = WORK / "large"
    fresh_folder(folder)
    for name, (mode, width, height) in LARGE_PHOTOS.items():
        command = [
            sys.executable,
            "-c",
            MAKE_LARGE,
            str(folder / name),
            mode,
            str(width),
            str(height),
        ]
        subprocess.run(command, check=True)
    command = [sys.executable, "-c", MAKE_ALL, str(folder), str(WORKERS)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    worker, together = (int(number) / 1024 for number in done.stdout.split())
    return worker, together


# ---- formats: bytes and milliseconds per photo ---------------------------------------

FORMAT_CHOICES = {
    "WebP + JPEG, every width (before)": {"webp": WIDTHS, "jpeg": WIDTHS},
    "WebP every width + one JPEG (chosen)": {"webp": WIDTHS, "jpeg": [1200]},
    "AVIF every width + one JPEG": {"avif": WIDTHS, "jpeg": [1200]},
    "past editions (GALLERY_PAST_WIDTHS 480, 960)": {"webp": [480, 960], "jpeg": [1200]},
}
OPTIONS = {**FORMATS, "avif": {"quality": 60, "speed": 8}}


def format_costs(photos: list[Path]) -> dict[str, tuple[float, float]]:
    """{choice: (KB per photo, encoding ms per photo)}, decoding and resizing left out."""
    costs = {name: [0, 0.0] for name in FORMAT_CHOICES}
    for photo in photos:
        with Image.open(photo) as image:
            image.draft("RGB", (max(WIDTHS), max(WIDTHS)))
            upright = ImageOps.exif_transpose(image)
        sized = {}
        for width in sorted({*WIDTHS, 1200}):
            height = round(upright.height * width / upright.width)
            sized[width] = upright.resize((width, height), Image.Resampling.LANCZOS)
        for name, choice in FORMAT_CHOICES.items():
            for kind, widths in choice.items():
                for width in widths:
                    buffer = io.BytesIO()
                    started = time.perf_counter()
                    sized[width].save(buffer, kind.upper(), **OPTIONS[kind])
                    costs[name][1] += time.perf_counter() - started
                    costs[name][0] += buffer.tell()
    count = len(photos)
    return {
        name: (size / 1024 / count, seconds * 1000 / count)
        for name, (size, seconds) in costs.items()
    }


def print_format_costs(photos: list[Path]) -> None:
    print(f"\nformats, {len(photos)} photos: KB and encoding ms per photo (one core)")
    for name, (kilobytes, milliseconds) in format_costs(photos).items():
        print(f"  {name:46}{kilobytes:8.0f} KB {milliseconds:8.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=24)
    parser.add_argument("--warm-photos", type=int, default=500)
    args = parser.parse_args()
    photos = make_corpus(args.photos)
    megabytes = statistics.mean(p.stat().st_size for p in photos) / 1e6
    print(f"\n{len(photos)} photos of 12 megapixels ({megabytes:.1f} MB each), {WORKERS} workers,")
    print(
        f"widths {WIDTHS} × WebP q{FORMATS['webp']['quality']}, "
        f"JPEG q{FORMATS['jpeg']['quality']} at {DEFAULTS['GALLERY_ONLY_AT']['jpeg']}"
    )
    ours = run_ours(photos, WORK / "ours") / len(photos)
    floor = run_floor(photos, WORK / "floor") / len(photos)
    eleventy = run_eleventy(photos, WORK / "eleventy")
    print(f"{'':14}{'ms/photo':>9}  ours/this  target")
    print(f"{'ours':14}{ours * 1000:9.0f}")
    print(f"{'Pillow floor':14}{floor * 1000:9.0f}  {ours / floor:8.2f}x  <= 1.1x")
    if eleventy is not None:
        per_photo = eleventy / len(photos)
        print(f"{'eleventy-img':14}{per_photo * 1000:9.0f}  {ours / per_photo:8.2f}x  <= 0.65x")
    print_format_costs(photos[:6])
    warm = warm_site(photos, args.warm_photos)
    print(f"warm rebuild, {args.warm_photos} photos, nothing changed: {warm:.2f} s  (< 2 s)")
    worker, together = peak_memory_with_large_photos()
    sizes = ", ".join(f"{n} {w * h / 1e6:.0f} MP" for n, (_, w, h) in LARGE_PHOTOS.items())
    print(
        f"peak memory, {WORKERS} workers on the largest photos allowed ({sizes}): "
        f"{worker:.0f} MB in the largest worker, {together:.0f} MB together (<= 1536 MB)"
    )


if __name__ == "__main__":
    main()
