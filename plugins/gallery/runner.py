"""Run the jobs: one module-level function per photo, serially or in a process pool.

A photo that cannot be made becomes a Result with a reason, never an exception.
"""

import fcntl
import os
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from plugins.core.files import write_atomically

from .plan import Job, Rendition, Result, cache_file_name, kinds_by_width
from .transforms import encode, fit_width, oriented_size, prepare

try:
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - pillow-heif is in requirements.txt
    pass


# Only a JPEG can be decoded at a smaller scale; any other format is decoded whole, and a
# 207-megapixel PNG then took 2 GB in a worker. Measured: a 50-megapixel RGBA PNG peaks at
# 0.7 GB in its worker, a 48-megapixel phone HEIC (still accepted) less. Photos decoded whole
# above LARGE are made one at a time, whatever the number of workers.
WHOLE_DECODE_LIMIT = 50_000_000
LARGE = 16_000_000
LARGE_LOCK = ".large-photo.lock"


class PhotoTooLarge(Exception):
    pass


class TooLargeToDecodeWhole(Exception):
    pass


def run_job(job: Job) -> Result:
    try:
        return make_renditions(job)
    except Exception as error:
        return Result(job.source, job.digest, ok=False, reason=describe(error, job))


def make_renditions(job: Job) -> Result:
    if os.path.getsize(job.source) == 0:
        raise EOFError("empty")
    Image.MAX_IMAGE_PIXELS = job.spec.max_pixels  # our limit, in this worker
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(job.source) as image:
            pixel_count = image.width * image.height  # from the header, before anything else
            if pixel_count > job.spec.max_pixels:
                raise PhotoTooLarge(f"{image.width}×{image.height}")
            if image.format != "JPEG" and pixel_count > WHOLE_DECODE_LIMIT:
                raise TooLargeToDecodeWhole(f"{pixel_count / 1e6:.0f}")
            width, height = oriented_size(image)
            wanted = kinds_by_width(width, job.spec)
            whole = image.format != "JPEG" and pixel_count > LARGE
            with one_at_a_time(Path(job.cache_dir) / LARGE_LOCK) if whole else nullcontext():
                pixels = prepare(image, max(wanted))
    renditions = []
    options_of = dict(job.spec.formats)
    for target in sorted(wanted, reverse=True):
        pixels = fit_width(pixels, target)
        for kind in wanted[target]:
            options = options_of[kind]
            name = cache_file_name(job.digest, job.spec, target, kind)
            write_atomically(Path(job.cache_dir) / name, encode(pixels, kind, dict(options)))
            renditions.append(Rendition(pixels.width, pixels.height, kind, name))
    made = tuple(renditions)
    return Result(job.source, job.digest, True, width, height, made, "", len(made), job.spec.key)


@contextmanager
def one_at_a_time(lock: Path):
    """Across the pool's workers: one holder at a time (an advisory lock on a file)."""
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def describe(error: Exception, job: Job) -> str:
    megapixels = job.spec.max_pixels // 1_000_000
    if isinstance(error, EOFError) or (
        isinstance(error, OSError) and "truncated" in str(error).lower()
    ):
        if os.path.getsize(job.source) == 0:
            return "is empty (0 bytes): copy it again from the camera or phone"
        return "is damaged: the file ends early (copy it again from the camera or phone)"
    if isinstance(
        error, PhotoTooLarge | Image.DecompressionBombError | Image.DecompressionBombWarning
    ):
        return f"is larger than {megapixels} megapixels (resize it, or raise GALLERY_MAX_PIXELS)"
    if isinstance(error, TooLargeToDecodeWhole):
        limit = WHOLE_DECODE_LIMIT // 1_000_000
        return (
            f"is {error} megapixels; a photo that is not a JPEG may have at most {limit} "
            "(save it as JPEG, or make it smaller)"
        )
    if isinstance(error, UnidentifiedImageError):
        return (
            "is not a photo that can be read: damaged, or another kind of file named like a photo"
        )
    return f"could not be made into web images ({type(error).__name__}: {error})"


def run_all(jobs: list[Job], workers: int, show_progress: bool) -> list[Result]:
    if not jobs:
        return []
    if workers <= 1 or len(jobs) == 1:
        return [run_job(job) for job in with_progress(jobs, len(jobs), show_progress)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(run_job, jobs, chunksize=1)
        return list(with_progress(done, len(jobs), show_progress))


def with_progress(items, total: int, show: bool):
    if not (show and sys.stderr.isatty()):
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("Photos", total=total)
        for item in items:
            yield item
            progress.advance(task)
