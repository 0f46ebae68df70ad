"""Card images for sharing: the fair's card per language (its name, dates and venue,
set in Sarabun with Thai shaped by raqm), made once and kept in CACHE_PATH/social/."""

import hashlib
import shutil
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
    key = hashlib.sha256("\n".join([VERSION, title, *lines]).encode()).hexdigest()[:16]
    cached = Path(settings["CACHE_PATH"]) / "social" / f"{key}.jpg"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        make_card(title, lines, fonts).save(cached, "JPEG", quality=85, optimize=True)
    return cached


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


def register():
    signals.finalized.connect(write_cards)
