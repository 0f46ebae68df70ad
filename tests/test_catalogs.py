"""Every word of the interface has a Thai and an English translation."""

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import ROOT

OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}


def template_messages() -> set[str]:
    found = extract_from_dir(
        str(ROOT / "theme/templates"),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": OPTIONS},
    )
    return {message for _, _, message, _, _ in found}


def catalog(lang: str) -> dict[str, str]:
    with (ROOT / f"theme/translations/{lang}/LC_MESSAGES/messages.po").open("rb") as file:
        return {m.id: m.string for m in read_po(file, locale=lang) if m.id and not m.fuzzy}


def test_templates_have_interface_words():
    assert {"Home", "News", "Latest news", "Page %(number)s of %(count)s"} <= template_messages()


def test_every_interface_word_is_translated_into_thai_and_english():
    words = template_messages()
    for lang in ("th", "en"):
        translated = catalog(lang)
        missing = sorted(word for word in words if not translated.get(word))
        assert missing == [], f"{lang} catalog lacks: {missing} (run: make translations)"


def is_thai(text) -> bool:
    texts = text if isinstance(text, tuple) else (text,)
    return all(any("\u0e00" <= c <= "\u0e7f" for c in one) for one in texts)


def test_thai_catalog_is_thai():
    untranslated = [word for word, text in catalog("th").items() if not is_thai(text)]
    assert untranslated == []
