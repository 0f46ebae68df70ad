"""Slug rules on their own: ASCII, readable, romanized from Thai."""

import pytest

from plugins.content_rules.slugs import (
    ascii_slug,
    is_clean_slug,
    name_slug,
    slug_for_text,
    slug_from_file_stem,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ข่าว", "khao"),
        ("ขอนแก่น", "khonkaen"),
        ("ผ้าไหมมัดหมี่", "phamai-matmi"),
        ("พิธีเปิดงาน OTOP City ขอนแก่น ครั้งที่ 27", "phithi-poetngan-otop-city-khonkaen-khrang-thi-27"),
        ("Opening Day: OTOP City!", "opening-day-otop-city"),
        ("Café & Crafts", "cafe-crafts"),
    ],
)
def test_slug_for_text_is_readable_ascii(text, expected):
    assert slug_for_text(text) == expected


@pytest.mark.parametrize(
    "text",
    ["ข่าว ประชาสัมพันธ์!!", "  ", "ๆๆๆ", "2567", "ก-ข--ค", "Ünïcödé — ดี", "a" * 300, "ผ้า/ไหม?"],
)
def test_any_title_gives_a_clean_slug_or_none(text):
    slug = slug_for_text(text)
    assert slug == "" or is_clean_slug(slug), slug


def test_long_titles_are_cut_at_a_word():
    slug = ascii_slug("word " * 40)
    assert len(slug) <= 60 and not slug.endswith("-") and slug.endswith("word")


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("opening-day", "opening-day"),
        ("Opening_Day", "opening-day"),
        ("ข่าวเปิดงาน", None),
        ("a--b", None),
    ],
)
def test_file_names_give_slugs_only_when_already_ascii(stem, expected):
    assert slug_from_file_stem(stem) == expected


def test_the_sites_own_names_come_before_romanization():
    assert name_slug("ข่าว", {"ข่าว": "news"}) == "news"
    assert name_slug("ของฝาก", {}) == "khongfak"
    assert is_clean_slug(name_slug("ตลาดนัดชุมชน", {}))
