"""The galleries as pages: /galleries/<name>/ and /galleries/ in every language.

``plugins.pipeline`` makes the images when a build starts (``build_photos``, into the
cache) and places them in output/ once every language is written (``publish``); each
language's run writes its pages from the build state.
"""

import sys
from dataclasses import replace
from pathlib import Path

from pelican.generators import Generator

from plugins.core.addresses import save_as
from plugins.core.problems import Problem, WriterMistake, in_order, shown_path
from plugins.core.state import state_of

from .cache import Manifest
from .galleries import (
    Gallery,
    GallerySite,
    Photo,
    attach,
    attach_results,
    find_galleries,
    photo_files,
    photo_slug,
    publish_files,
    read_notes,
)
from .plan import Job, Result, Spec
from .site_photos import (
    PHOTOS_URL,
    SitePhotos,
    find_site_photos,
    published_prefix,
    same_name_problems,
)


class GalleryError(WriterMistake):
    """Photos or captions have problems, and GALLERY_STRICT is on (as when publishing)."""


class GalleryGenerator(Generator):
    def generate_context(self):
        galleries = state_of(self.settings).galleries.galleries
        self.context["galleries"] = galleries
        self.context["galleries_by_slug"] = {gallery.slug: gallery for gallery in galleries}

    def generate_output(self, writer):
        state = state_of(self.settings)
        addresses = state.addresses
        template = self.get_template("galleries")
        writer.write_file(save_as(addresses.path("GALLERIES")), template, self.context)
        for gallery in state.galleries.galleries:
            page = self.get_template("gallery")
            writer.write_file(save_as(gallery.path), page, self.context, gallery=gallery)


def publish(state) -> None:
    """Place every photo's files in output/ (once, for every language)."""
    site, photos = state.galleries, state.photos
    every = [photo for gallery in site.galleries for photo in gallery.photos]
    every += photos.photos.values()
    tops = [state.addresses.path("GALLERIES"), PHOTOS_URL]
    publish_files(every, site.cache_dir, Path(state.output_path), tops)


def build_photos(settings: dict, state) -> tuple[GallerySite, SitePhotos]:
    """The galleries, and every other photo of the site, made in one run of the pool."""
    shown, content = shown_path(settings), Path(settings["PATH"])
    galleries, problems = read_galleries(settings, state, shown)
    sources, same_name = same_name_problems(
        find_site_photos(content, content / settings["GALLERY_PATH"]), shown
    )
    photos = SitePhotos(sources, problems=same_name)
    cache_dir = Path(settings["CACHE_PATH"]) / "gallery"
    paths = [p for gallery in galleries for p in photo_files(gallery.folder)[0]] + list(
        sources.values()
    )
    past = past_edition_photos(galleries, state.fair, content)
    results = make_images(settings, paths, cache_dir, past)
    for gallery in galleries:
        failures = attach_results(gallery, results)
        problems += [Problem(shown(f.source), 0, f"{f.reason}; left out") for f in failures]
    photos.problems += attach_site_photos(photos, results, shown)
    photos.in_galleries = gallery_photos_by_path(galleries, content)
    kept = sorted((g for g in galleries if g.photos), key=newest_first)
    encoded = sum(result.encoded for result in results.values())
    site = GallerySite(kept, results, cache_dir, encoded, in_order(problems + photos.problems))
    report(site, len(photos.photos), strict=settings["GALLERY_STRICT"])
    return site, photos


def read_galleries(settings: dict, state, shown) -> tuple[list[Gallery], list[Problem]]:
    """Every gallery folder with its notes, and the problems in them."""
    url = state.addresses.patterns["GALLERY_URL"]
    galleries = find_galleries(Path(settings["PATH"]) / settings["GALLERY_PATH"], url)
    problems = []
    for gallery in galleries:
        problems += read_notes(gallery, state.languages, shown)
        problems += [not_a_photo(shown(path)) for path in photo_files(gallery.folder)[1]]
    slugs = {gallery.slug for gallery in galleries}
    return galleries, problems + unknown_gallery_references(settings, state.index, slugs)


def gallery_photos_by_path(galleries: list[Gallery], content: Path) -> dict[str, Photo]:
    """A page may name a gallery's photo too (Photo: /galleries/opening-day/stage.jpg)."""
    return {
        (gallery.folder / photo.file).relative_to(content).as_posix(): photo
        for gallery in galleries
        for photo in gallery.photos
    }


def attach_site_photos(photos: SitePhotos, results: dict[str, Result], shown) -> list[Problem]:
    problems = []
    for relative, path in photos.sources.items():
        result = results[str(path)]
        if not result.ok:
            problems.append(Problem(shown(path), 0, f"{result.reason}; left out"))
            continue
        photo = Photo(path.name, photo_slug(path.name))
        photos.photos[relative] = attach(photo, result, published_prefix(relative))
    return problems


def newest_first(gallery: Gallery):
    return (gallery.date is None, -(gallery.date.toordinal() if gallery.date else 0), gallery.slug)


def not_a_photo(shown: str) -> Problem:
    return Problem(
        shown, 0, "is not a photo format the site takes (use JPEG, PNG, WebP or HEIC); left out"
    )


def edition_of(gallery: Gallery, fair) -> int | None:
    """The edition a gallery belongs to: its Edition: line, else the newest edition that
    had started by its date; None when it has neither."""
    if gallery.edition or gallery.date is None:
        return gallery.edition
    started = [edition for edition in fair.editions if edition.start <= gallery.date]
    return started[0].number if started else None


def past_edition_photos(galleries: list[Gallery], fair, content: Path) -> set[Path]:
    """The photos of galleries and products of editions before the newest one."""
    if not fair or not fair.editions:
        return set()
    current = fair.editions[0].number
    past = set()
    for gallery in galleries:
        if edition_of(gallery, fair) not in (None, current):
            past.update(photo_files(gallery.folder)[0])
    for product in fair.products:
        if product.edition != current:
            past.update(content / path for path in product.photo_paths)
    return past


def make_images(
    settings: dict, paths: list[Path], cache_dir: Path, past: set[Path] = frozenset()
) -> dict[str, Result]:
    """Results for every photo: from the cache when its bytes and the settings are
    unchanged, else made now in the process pool. Photos in `past` are made with
    GALLERY_PAST_WIDTHS, when it is set."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    spec = Spec.from_settings(settings)
    past_spec = spec.for_past_editions(settings)
    manifest = Manifest(cache_dir)
    results, waiting = {}, {}  # waiting: (digest, spec) → the paths of the same photo
    for path in paths:
        digest, wanted = manifest.digest(path), past_spec if path in past else spec
        earlier = manifest.fresh(path, digest, wanted)
        if earlier:
            results[str(path)] = earlier
        else:
            waiting.setdefault((digest, wanted), []).append(str(path))
    jobs = [Job(same[0], key[0], str(cache_dir), key[1]) for key, same in waiting.items()]
    from .runner import run_all  # Pillow and pillow-heif load only when photos need making

    for job, result in zip(jobs, run_all(jobs, settings["GALLERY_WORKERS"], True), strict=True):
        first, *copies = waiting[(job.digest, job.spec)]  # a photo in two places: made once
        results[first] = result
        results.update({path: replace(result, source=path, encoded=0) for path in copies})
    manifest.save(list(results.values()))
    manifest.prune()
    return results


def unknown_gallery_references(settings: dict, index, slugs: set[str]) -> list[Problem]:
    problems = []
    for source in index.sources.values():
        name = source.matter.get("gallery")
        if name and name not in slugs:
            folder = f"content/{settings['GALLERY_PATH']}/{name}/"
            message = f'Gallery "{name}" has no folder {folder} (check the name)'
            problems.append(Problem(source.shown, source.matter.line_of("gallery"), message))
    return problems


def report(site: GallerySite, others: int, strict: bool) -> None:
    for problem in site.problems:
        print(problem.for_staff(), file=sys.stderr)
    if site.problems or site.encoded:
        photos = sum(len(gallery.photos) for gallery in site.galleries)
        print(
            f"Photos: {photos} published in {len(site.galleries)} galleries and {others} "
            f"elsewhere, {site.encoded} image files made, {len(site.problems)} problems",
            file=sys.stderr,
        )
    if site.problems and strict:
        raise GalleryError(f"{len(site.problems)} photo problems (listed above); stopping")
