"""Glue between the i18n_subsites plugin and our theme (reads the build state).

- the theme's gettext catalogs, compiled fresh for each build (``compiled_catalogs``,
  called by plugins.pipeline; a missing one stops the build, it does not fall back);
- template helpers over the build state's addresses: ``content | link``,
  ``versions(content)``, ``address(lang, path)``, ``absolute(lang, path)``,
  ``path_of("PRODUCT", slug=…)``, ``output_file | page_path``, ``category | label(lang)``,
  and the globals ``SITE_ROOTS``, ``MAIN_LANG``, ``MAIN_THEME_STATIC_DIR``;
- each language's run reads only its own files, plus the originals not yet translated;
- a page with no translation is listed in the other language too, marked as such and
  linked to its own language's address (no dead link, no copy of it under /en/).
"""

import os
from functools import partial
from pathlib import Path
from urllib.parse import quote

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from plugins.core.addresses import path_of_output
from plugins.core.pelican_seams import read_only
from plugins.core.state import state_of

from .catalogs import compile_catalogs
from .links import content_address, page_versions, versions


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


def rendered_once(generator):
    """`{{ once("partials/_nav.html") }}`: a partial that is the same on every page of this
    language's site, rendered for the first page and reused for the others."""
    done: dict[str, Markup] = {}

    @pass_context
    def once(context, name: str) -> Markup:
        if name not in done:
            done[name] = Markup(generator.env.get_template(name).render(context.get_all()))
        return done[name]

    return once


def add_template_helpers(generator):
    settings, state = generator.settings, state_of(generator.settings)
    addresses = state.addresses
    generator.env.filters.update(
        link=partial(content_address, addresses),
        page_path=path_of_output,
        label=partial(label, settings),
        urlencode_all=lambda value: quote(str(value), safe=""),
        full=addresses.whole,
    )
    theme_root = state.theme_root
    generator.env.globals.update(
        MAIN_LANG=state.main_lang,
        SITE_ROOTS=addresses.roots,
        MAIN_THEME_STATIC_DIR=state.theme_static_dir,
        versions=partial(versions, addresses, state.index, settings),
        page_versions=partial(page_versions, addresses),
        address=addresses.address,
        absolute=addresses.absolute,
        path_of=addresses.path,
        once=rendered_once(generator),
        words_of=partial(words_of, settings),
        asset=lambda path: f"{theme_root}/{path}",
    )


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
    signals.generator_init: add_template_helpers,
    signals.article_generator_init: read_only_own_language,
    signals.page_generator_init: read_only_own_language,
    signals.article_generator_finalized: list_untranslated_here,
    signals.page_generator_finalized: list_untranslated_here,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
