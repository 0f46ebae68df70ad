"""Photos named in a page: ``<img>`` and links in its text, and its ``Photo:`` field.

Each reference to a photo of the site becomes its published files (``srcset``, ``sizes``,
``width``/``height``, lazy below the first); a reference to a photo the site does not have
becomes a problem naming the page, the line and the fix. Every page gets ``lead_photo``:
its ``Photo:``, else its gallery's cover, else its first photo in the text.
"""

import html
import posixpath
import re
from functools import cached_property
from pathlib import Path

from plugins.core.pelican_seams import set_summary, set_text, text_of
from plugins.core.photo_references import PHOTO_SUFFIXES, missing_photo_message, resolve
from plugins.core.problems import Problem, shown_path

from .galleries import Photo
from .markup import LAZY, MAIN, img_tag

IMAGE = re.compile(r"<img\b[^>]*>")
SUFFIXES = "|".join(sorted(suffix.lstrip(".") for suffix in PHOTO_SUFFIXES))
LINK = re.compile(  # links to a photo file only: the others are left as they are
    rf'(<a\b[^>]*?\bhref=")([^"]*\.(?:{SUFFIXES})(?:[?#][^"]*)?)(")', re.IGNORECASE
)
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


class PagePhotos:
    """The photo references of one page (its file in `folder`, below content/), resolved
    against the site's photos."""

    def __init__(self, folder, state, sizes: str):
        """`folder`: the page's folder below content/, or a function giving it (asked only
        when the page names a photo: working it out for every page takes time)."""
        self.folder_of = folder if callable(folder) else lambda: folder
        self.state, self.sizes = state, sizes
        self.root = state.addresses.roots[state.main_lang]
        self.found: list[Photo] = []
        self.missing: list[str] = []

    @cached_property
    def folder(self) -> str:
        return self.folder_of()

    def photo(self, reference: str) -> Photo | bool | None:
        """The Photo, None when `reference` is not to a photo of the site, False when it
        names one that is not there."""
        relative = resolve(html.unescape(reference), self.folder)
        if relative is None:
            return None
        photo = self.state.photos.find(relative)
        if photo is None:
            self.missing.append(html.unescape(reference))
            return False
        return photo

    def image(self, found: re.Match, first_is_main: bool) -> str:
        attributes = dict(ATTRIBUTE.findall(found[0]))
        photo = self.photo(attributes.get("src", ""))
        if not photo:
            return found[0] if photo is None else ""
        self.found.append(photo)
        main = first_is_main and len(self.found) == 1
        return img_tag(photo, self.root, self.sizes, attributes, MAIN if main else LAZY)

    def link(self, found: re.Match) -> str:
        photo = self.photo(found[2])
        if not photo:
            return found[0]
        return f"{found[1]}{html.escape(self.root)}/{html.escape(photo.largest().path)}{found[3]}"

    def rewrite(self, text: str, first_is_main: bool) -> str:
        if "<img" in text:
            text = IMAGE.sub(lambda found: self.image(found, first_is_main), text)
        return LINK.sub(self.link, text) if "<a" in text else text


def place_photos(content, state) -> None:
    """Give `content` (an article or page) its photos' files and its lead photo."""

    def folder() -> str:
        return posixpath.dirname(content.get_relative_source_path() or "")

    page = PagePhotos(folder, state, content.settings["GALLERY_INLINE_SIZES"])
    own = content.metadata.get("photo")
    own_photo = page.photo(own) if own else None
    if own and own_photo is None:
        page.missing.append(own)  # named in Photo:, but not a photo (JPEG, PNG, WebP, HEIC)
    set_text(content, page.rewrite(text_of(content), first_is_main=not own_photo))
    summary = content.metadata.get("summary")
    if summary:
        set_summary(content, page.rewrite(summary, first_is_main=False))

    needs_original = not own_photo or not content.metadata.get("gallery")
    source = original(content, state) if needs_original else None
    content.own_photo = own_photo or original_photo(content, source, state) or None
    content.lead_photo = (
        content.own_photo or gallery_cover(content, source, state) or next(iter(page.found), None)
    )
    state.photos.missing.update(missing_problems(content, page.missing))


def original(content, state):
    """The main-language original of a translation, as the content index read it."""
    source = state.index.find(content.source_path) if state.index else None
    others = source.group if source else []
    return next((o for o in others if o.lang == state.main_lang and o is not source), None)


def original_photo(content, source, state) -> Photo | None:
    """A translation without a Photo: of its own shows its original's (`source`)."""
    name = source.matter.get("photo") if source else None
    if not name:
        return None
    root = Path(content.settings["PATH"]).resolve()
    folder = source.path.resolve().parent.relative_to(root).as_posix()
    relative = resolve(name, folder)
    return state.photos.find(relative) if relative else None


def photos_in_html(text: str, folder: str, state, sizes: str) -> str:
    """HTML made from Markdown outside Pelican's pages (a product's or an edition's text),
    with its photos' published files; the page's main photo is above it."""
    return PagePhotos(folder, state, sizes).rewrite(text, first_is_main=False)


def gallery_cover(content, source, state) -> Photo | None:
    """The cover of the gallery the page (or its original, `source`) names."""
    name = content.metadata.get("gallery") or (source.matter.get("gallery") if source else None)
    gallery = next((g for g in state.galleries.galleries if g.slug == name), None)
    return gallery.cover if gallery else None


def missing_problems(content, references: list[str]) -> set[Problem]:
    if not references:
        return set()
    lines = Path(content.source_path).read_text(encoding="utf-8-sig").splitlines()
    shown = shown_path(content.settings)(content.source_path)
    root = Path(content.settings["PATH"])
    folder = posixpath.dirname(content.get_relative_source_path() or "")
    problems = set()
    for reference in references:
        bare = reference.removeprefix("{static}").removeprefix("{attach}")
        line = next((n for n, text in enumerate(lines, 1) if bare in text), 0)
        problems.add(Problem(shown, line, missing_photo_message(reference, root, folder)))
    return problems
