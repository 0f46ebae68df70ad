"""Card images for sharing (1200×630, Sarabun, Thai shaped by raqm): a card per page
without a photo of its own (its title, the fair's name and dates), and the fair's card per
language for the rest. Made after the build in a process pool, once: they are kept in
CACHE_PATH/social/ by their text and linked into output/. SOCIAL_PAGE_CARDS = False leaves
the per-page cards out (the site card is then used everywhere). Pages ask for their card
while they are written (``page_card``, kept in the build state); ``plugins.build`` calls
``write_cards`` once every language is written."""

import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from pelican import signals

from plugins.core.state import state_of
from plugins.thai_dates.formatting import format_range

from .cards import make_card

VERSION = "1"  # change it when the card's look changes


def card_text(state, sitename: str, lang: str) -> tuple[str, list[str]]:
    editions = state.fair.editions
    if not editions:
        return sitename, []
    edition = editions[0]
    dates = format_range(edition.start, edition.end, lang)
    return edition.text(lang, "title"), [dates, edition.text(lang, "venue")]


def card_for(state, sitename: str, lang: str, fonts: Path) -> Path:
    title, lines = card_text(state, sitename, lang)
    key = card_key(title, lines)
    cached = Path(state.cache_path) / "social" / f"{key}.jpg"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        make_card(title, lines, fonts).save(cached, "JPEG", quality=85, optimize=True)
    return cached


def card_key(title: str, lines: list[str]) -> str:
    return hashlib.sha256("\n".join([VERSION, title, *lines]).encode()).hexdigest()[:16]


def page_card(state, settings: dict, title: str) -> str:
    """Template helper: the address of this page's card, which is made after the build."""
    heading = settings["SITENAME"]
    _, lines = card_text(state, heading, settings["DEFAULT_LANG"])
    key = card_key(title, [heading, *lines])
    state.cards_wanted[key] = (title, [heading, *lines])
    path = f"{state.theme_static_dir}/social/{key}.jpg"
    return state.addresses.absolute(state.main_lang, path)


def make_one(fonts: Path, cache: Path, item) -> str:
    key, (title, lines) = item
    target = cache / f"{key}.jpg"
    if not target.exists():
        make_card(title, lines, fonts).save(target, "JPEG", quality=85, optimize=True)
    return key


def make_page_cards(state, fonts: Path, output: Path) -> None:
    cache = Path(state.cache_path) / "social"
    cache.mkdir(parents=True, exist_ok=True)
    wanted = state.cards_wanted
    missing = [(k, v) for k, v in wanted.items() if not (cache / f"{k}.jpg").exists()]
    if len(missing) > 8:
        with ProcessPoolExecutor(os.cpu_count()) as pool:
            list(pool.map(partial(make_one, fonts, cache), missing, chunksize=16))
    else:
        [make_one(fonts, cache, item) for item in missing]
    folder = output / "social"
    folder.mkdir(parents=True, exist_ok=True)
    for key in wanted:
        link(cache / f"{key}.jpg", folder / f"{key}.jpg")


def link(source: Path, target: Path) -> None:
    """The cached file at `target`; left alone when it is that file already."""
    if target.exists() and os.path.samefile(source, target):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def add_helper(generator):
    settings = generator.settings
    enabled = settings.get("SOCIAL_PAGE_CARDS", True)
    state = state_of(settings)
    generator.env.globals["page_card"] = partial(page_card, state, settings) if enabled else None


def write_cards(state, settings: dict) -> None:
    """The fair's card per language, then each page's card, linked into output/."""
    fonts = Path(settings["THEME"]) / "static" / "fonts"
    theme_output = Path(state.output_path) / state.theme_static_dir
    for lang, name in settings["SOCIAL_CARD"].items():
        sitename = settings.get("I18N_SUBSITES", {}).get(lang, {}).get("SITENAME")
        card = card_for(state, sitename or settings["SITENAME"], lang, fonts)
        link(card, theme_output / name)
    if state.cards_wanted:
        make_page_cards(state, fonts, theme_output)


HANDLERS = {signals.generator_init: add_helper}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
