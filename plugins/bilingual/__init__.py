"""Glue between the i18n_subsites plugin and our theme (reads the build state).

- the theme's gettext catalogs, compiled fresh for each build (``compiled_catalogs``,
  called by plugins.pipeline; a missing one stops the build, it does not fall back);
- what the templates' helpers (listed in plugins/pipeline/template_helpers.py) are made
  of: a page's address (``links.content_address``), its versions (``links.versions``), a
  category's or tag's name (``label``), the theme's words in a language (``words_of``);

- each language's run reads only its own files, plus the originals not yet translated;
- a page with no translation is listed in the other language too, marked as such and
  linked to its own language's address (no dead link, no copy of it under /en/).
"""

import os
from pathlib import Path

from pelican import signals

from plugins.core.pelican_seams import read_only
from plugins.core.state import state_of

from .catalogs import compile_catalogs
from .links import content_address


def compiled_catalogs(settings: dict, languages: list[str]) -> str:
    """The theme's catalogs compiled for this build; the folder, for I18N_GETTEXT_LOCALEDIR."""
    locale_dir = Path(settings["CACHE_PATH"]) / "locale"
    return str(compile_catalogs(settings["THEME"], languages, locale_dir))


def label(settings: dict, name, lang: str) -> str:
    """A category or tag in the page's language, from CATEGORY_NAMES / TAG_NAMES."""
    for key in ("CATEGORY_NAMES", "TAG_NAMES"):
        names = settings.get(key, {}).get(name.slug)
        if names:
            return names.get(lang, name.name)
    return name.name


def words_of(settings: dict, lang: str):
    """The theme's words in `lang`, for the one page written for every language at once:
    404.html, which GitHub Pages serves for a missing address under any language."""
    import gettext

    from .catalogs import DOMAIN

    folder = settings["I18N_GETTEXT_LOCALEDIR"]
    return gettext.translation(DOMAIN, folder, [lang], fallback=True).gettext


def list_untranslated_here(generator):
    """Keep other-language content in this site's listings, written only at home."""
    here = generator.settings["DEFAULT_LANG"]
    addresses = state_of(generator.settings).addresses
    contents = generator.articles if hasattr(generator, "articles") else generator.pages
    for content in contents:
        if content.lang != here:
            content.override_save_as = ""
            content.override_url = content_address(addresses, content)


def read_only_own_language(generator):
    """Each language's run reads its own files (and untranslated originals), not every
    file of every language only for Pelican to pair them and i18n_subsites to drop them."""
    state = state_of(generator.settings)
    wanted = state.index.paths_to_read(generator.settings["DEFAULT_LANG"], state.main_lang)
    read_only(generator, {os.path.relpath(path, generator.path) for path in wanted})


HANDLERS = {
    signals.article_generator_init: read_only_own_language,
    signals.page_generator_init: read_only_own_language,
    signals.article_generator_finalized: list_untranslated_here,
    signals.page_generator_finalized: list_untranslated_here,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
