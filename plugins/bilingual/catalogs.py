"""Compile the theme's gettext catalogs (``theme/translations/<lang>/LC_MESSAGES/messages.po``)
at build time, so a stale or missing ``.mo`` can never reach the site."""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "messages"


class CatalogError(Exception):
    pass


def catalog_path(theme: str, lang: str) -> Path:
    return Path(theme) / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalogs(theme: str, languages: list[str], locale_dir: Path) -> Path:
    for lang in languages:
        source = catalog_path(theme, lang)
        if not source.exists():
            raise CatalogError(
                f"{source}: the {lang} interface catalog is missing "
                f"(run: invoke translations --init {lang})"
            )
        with source.open("rb") as po_file:
            catalog = read_po(po_file, locale=lang)
        target = locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as mo_file:
            write_mo(mo_file, catalog)
    return locale_dir
