"""Card images for sharing (1200×630, Sarabun, Thai shaped by raqm): a card per page
without a photo of its own (its title, the fair's name and dates), and the fair's card per
language for the rest. A page's card is made in a worker process as soon as the page asks
for it, while the other pages are written, once: cards are kept in CACHE_PATH/social/ by
their text and linked into output/. SOCIAL_PAGE_CARDS = False leaves
the per-page cards out (the site card is then used everywhere). A page's card is asked for
when the writer decides its head (``page_card``, from ``plugins.pipeline.head``; kept in the
build state); ``plugins.pipeline`` calls ``write_cards`` once every language is written."""

import hashlib
import os
import shutil
from pathlib import Path

from plugins.thai_dates.formatting import format_range

from .maker import CardMaker, is_made, make_one

VERSION = "2"  # change it when the card's look changes


def card_text(state, sitename: str, lang: str) -> tuple[str, list[str]]:
    editions = state.fair.editions
    if not editions:
        return sitename, []
    edition = editions[0]
    dates = format_range(edition.start, edition.end, lang)
    return edition.text(lang, "title"), [dates, edition.text(lang, "venue")]


def card_for(state, sitename: str, lang: str, fonts: Path) -> Path:
    title, lines = card_text(state, sitename, lang)
    cache = Path(state.cache_path) / "social"
    cache.mkdir(parents=True, exist_ok=True)
    return cache / f"{make_one(fonts, cache, card_key(title, lines), title, lines)}.jpg"


def card_key(title: str, lines: list[str]) -> str:
    return hashlib.sha256("\n".join([VERSION, title, *lines]).encode()).hexdigest()[:16]


def page_card(state, below: list[str], title: str) -> str:
    """The address of a page's card, made while the site is written (`below`: the lines
    under its title, the same on every page of a language)."""
    key = card_key(title, below)
    if key not in state.cards_wanted:
        state.cards_wanted[key] = (title, below)
        state.card_maker.want(key, title, below)
    path = f"{state.theme_static_dir}/social/{key}.jpg"
    return state.addresses.absolute(state.main_lang, path)


def card_maker(settings: dict, state) -> CardMaker | None:
    """For the build state, when pages have cards of their own (SOCIAL_PAGE_CARDS): starts
    on the cards the news and pages will ask for, so that they are made while the site is."""
    if not settings.get("SOCIAL_PAGE_CARDS", True):
        return None
    fonts = Path(settings["THEME"]) / "static" / "fonts"
    maker = CardMaker(Path(state.cache_path) / "social", fonts)
    for title, lang in expected_card_titles(state):
        heading = state.site_names[lang]
        lines = [heading, *card_text(state, heading, lang)[1]]
        maker.want(card_key(title, lines), title, lines)
    return maker


def expected_card_titles(state) -> list[tuple[str, str]]:
    """(title, language) of the published news and pages without a gallery photo: a
    head start only; the pages themselves ask for the cards they show."""
    return [
        (source.matter.get("title"), source.lang)
        for source in state.index.sources.values()
        if source.published and source.matter.get("title") and not source.matter.get("gallery")
    ]


def make_page_cards(state, output: Path) -> None:
    state.card_maker.finish()
    cache = state.card_maker.cache
    folder = output / "social"
    folder.mkdir(parents=True, exist_ok=True)
    for key in state.cards_wanted:
        link(cache / f"{key}.jpg", folder / f"{key}.jpg")


def link(source: Path, target: Path) -> None:
    """The cached file at `target`; left alone when it is that file already."""
    if target.exists() and os.path.samefile(source, target) and is_made(target):
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def card_lines(state, lang: str) -> list[str]:
    """The lines under a page card's title, the same on every page of a language."""
    heading = state.site_names[lang]
    return [heading, *card_text(state, heading, lang)[1]]


def write_cards(state, settings: dict) -> None:
    """The fair's card per language, then each page's card, linked into output/."""
    fonts = Path(settings["THEME"]) / "static" / "fonts"
    theme_output = Path(state.output_path) / state.theme_static_dir
    for lang, name in settings["SOCIAL_CARD"].items():
        card = card_for(state, state.site_names[lang], lang, fonts)

        link(card, theme_output / name)
    if state.card_maker is not None:
        make_page_cards(state, theme_output)


def register():
    """Nothing to connect: the build's steps (plugins.pipeline) call this plugin."""
