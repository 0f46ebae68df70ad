"""Card images for sharing (1200×630, Sarabun, Thai shaped by raqm): a card per page
without a photo of its own (its title, the fair's name and dates), and the fair's card per
language for the rest. Made after the build in a process pool, once: they are kept in
CACHE_PATH/social/ by their text and linked into output/. SOCIAL_PAGE_CARDS = False leaves
the per-page cards out (the site card is then used everywhere)."""

import hashlib
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from pelican import signals

from .cards import make_card

VERSION = "1"  # change it when the card's look changes


def card_text(settings: dict, lang: str) -> tuple[str, list[str]]:
    fair = settings.get("FAIR")
    edition = fair.editions[0] if fair and fair.editions else None
    if edition is None:
        return settings["SITENAME"], []
    from thai_dates.formatting import format_range

    dates = format_range(edition.start, edition.end, lang)
    return edition.text(lang, "title"), [dates, edition.text(lang, "venue")]


def card_for(settings: dict, lang: str, fonts: Path) -> Path:
    title, lines = card_text(settings, lang)
    key = card_key(title, lines)
    cached = Path(settings["CACHE_PATH"]) / "social" / f"{key}.jpg"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        make_card(title, lines, fonts).save(cached, "JPEG", quality=85, optimize=True)
    return cached


WANTED_KEY = "SOCIAL_CARDS_WANTED"


def card_key(title: str, lines: list[str]) -> str:
    return hashlib.sha256("\n".join([VERSION, title, *lines]).encode()).hexdigest()[:16]


def page_card(settings: dict, title: str) -> str:
    """Template helper: the address of this page's card, which is made after the build."""
    lang = settings["DEFAULT_LANG"]
    _, lines = card_text(settings, lang)
    heading = settings["SITENAME"]
    key = card_key(title, [heading, *lines])
    settings[WANTED_KEY][key] = (title, [heading, *lines])
    from bilingual.links import absolute_address

    path = f"{settings['MAIN_THEME_STATIC_DIR']}/social/{key}.jpg"  # subsites say "../theme"
    return absolute_address(settings, settings["MAIN_LANG"], path)


def make_one(fonts: Path, cache: Path, item) -> str:
    key, (title, lines) = item
    target = cache / f"{key}.jpg"
    if not target.exists():
        make_card(title, lines, fonts).save(target, "JPEG", quality=85, optimize=True)
    return key


def make_page_cards(settings: dict, fonts: Path, output: Path) -> None:
    cache = Path(settings["CACHE_PATH"]) / "social"
    cache.mkdir(parents=True, exist_ok=True)
    wanted = settings[WANTED_KEY]
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
    if target.exists():
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def prepare(pelican):
    pelican.settings.setdefault(WANTED_KEY, {})


def add_helper(generator):
    settings = generator.settings
    enabled = settings.get("SOCIAL_PAGE_CARDS", True)
    generator.env.globals["page_card"] = partial(page_card, settings) if enabled else None


def write_cards(pelican):
    settings = pelican.settings
    if settings["DEFAULT_LANG"] in settings.get("I18N_SUBSITES", {}):
        return
    fonts = Path(settings["THEME"]) / "static" / "fonts"
    theme_output = Path(settings["OUTPUT_PATH"]) / settings["THEME_STATIC_DIR"]
    for lang, name in settings["SOCIAL_CARD"].items():
        target = theme_output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(card_for(settings, lang, fonts), target)
    if settings.get(WANTED_KEY):
        make_page_cards(settings, fonts, theme_output)


def register():
    signals.initialized.connect(prepare)
    signals.generator_init.connect(add_helper)
    signals.finalized.connect(write_cards)
