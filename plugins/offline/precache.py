"""What a phone keeps on its first visit, to open offline: the current edition's practical
pages in every language, what they need to show (stylesheet, fonts, scripts, icons) and the
smallest thumbnail of each of the edition's products. Pure: addresses and files in, lists out."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

SCRIPTS = "js"
FONTS = "fonts"


@dataclass(frozen=True)
class Kept:
    address: str  # as the browser asks for it: /en/editions/27/
    file: Path  # the file in output/ behind it


def file_of(output: Path, root_path: str, address: str) -> Path:
    """`/en/editions/27/` → output/en/editions/27/index.html (below the site's own path)."""
    path = address.removeprefix(root_path).lstrip("/")
    return output / (path + "index.html" if path.endswith("/") or not path else path)


def page_paths(state, pages: list[str]) -> list[str]:
    """The paths (below a language's root) of the pages kept for offline use."""
    fair, path = state.fair, state.addresses.path
    edition = fair.editions[0] if fair and fair.editions else None
    found = ["", "offline/", *pages]
    if edition:
        found += [edition.path, f"{edition.path}venue/", f"{edition.path}booths/"]
        found += [path("PRODUCTS")]
        found += [p.path for p in fair.products if p.edition == edition.number]
    return found


def thumbnails(state) -> list[str]:
    """The smallest WebP of each product of the current edition, and of its own photo."""
    fair = state.fair
    if not fair or not fair.editions:
        return []
    edition = fair.editions[0]
    photos = [p.photo for p in fair.products if p.edition == edition.number and p.photo]
    photos += [edition.photo] if edition.photo else []
    return [photo.smallest().path for photo in photos]


def theme_files(output: Path, theme: str, stylesheet: str) -> list[str]:
    """The stylesheet, every script and font, and the icons (paths below the main root)."""
    folder = output / theme
    found = [f"{theme}/{stylesheet}"]
    for kind in (SCRIPTS, FONTS, "icons"):
        found += [
            f"{theme}/{kind}/{file.name}"
            for file in sorted((folder / kind).glob("*"))
            if file.suffix in {".js", ".woff2", ".png"}
        ]
    return found


def kept_files(state, output: Path, pages: list[str], stylesheet: str) -> list[Kept]:
    addresses, main = state.addresses, state.main_lang
    main_path = urlsplit(addresses.roots[main]).path
    kept = []
    for lang in state.languages:
        for page in page_paths(state, pages):
            address = urlsplit(addresses.address(lang, page)).path
            kept.append(Kept(address, file_of(output, main_path, address)))
        manifest = urlsplit(addresses.address(lang, "manifest.webmanifest")).path
        kept.append(Kept(manifest, file_of(output, main_path, manifest)))
    shared = theme_files(output, state.theme_static_dir, stylesheet) + thumbnails(state)
    for path in shared:
        address = urlsplit(addresses.address(main, path)).path
        kept.append(Kept(address, file_of(output, main_path, address)))
    return [k for k in dict.fromkeys(kept) if k.file.is_file()]
