"""Readable ASCII slugs for Thai and English text.

Pelican alone transliterates Thai letter by letter (ข่าว → ``khaaw``); here Thai
words are cut with pythainlp's tokenizer and romanized with the Royal Institute
system (ข่าว → ``khao``, ผ้าไหมมัดหมี่ → ``phamai-matmi``). It is imported only when a
slug has to be made from Thai text.
"""

import re
import unicodedata

CLEAN_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NOT_SLUG_CHARACTERS = re.compile(r"[^a-z0-9]+")
THAI_LETTER = re.compile(r"[\u0e00-\u0e7f]")
MAX_LENGTH = 60


def is_clean_slug(text: str) -> bool:
    return bool(CLEAN_SLUG.match(text))


def ascii_slug(text: str) -> str:
    """'Opening Day: OTOP City!' → 'opening-day-otop-city'; Thai letters are dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = NOT_SLUG_CHARACTERS.sub("-", folded.lower()).strip("-")
    return _shorten(slug)


def _shorten(slug: str) -> str:
    if len(slug) <= MAX_LENGTH:
        return slug
    return slug[:MAX_LENGTH].rsplit("-", 1)[0]


def romanize(text: str) -> str:
    """Thai words in Royal Institute romanization, one word per hyphen."""
    if not THAI_LETTER.search(text):
        return text
    from pythainlp.tokenize import word_tokenize
    from pythainlp.transliterate import romanize as royin

    words = word_tokenize(text, keep_whitespace=False)
    return " ".join(royin(w, engine="royin") if THAI_LETTER.search(w) else w for w in words)


def slug_for_text(text: str) -> str:
    """The slug of any title or name, Thai or English."""
    return ascii_slug(romanize(text))


def slug_from_file_stem(stem: str) -> str | None:
    """A file named ``opening-day.md`` (or ``Opening_Day.md``) gives ``opening-day``;
    a file named in Thai gives nothing, and the title is used instead."""
    candidate = re.sub(r"[\s_]+", "-", stem.strip().lower())
    return candidate if is_clean_slug(candidate) else None


def name_slug(name: str, known: dict[str, str]) -> str:
    """Slug of a category or tag: the site's own table first, then romanized."""
    return known.get(name) or known.get(name.lower()) or slug_for_text(name) or "other"
