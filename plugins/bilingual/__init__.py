"""Glue between the i18n_subsites plugin and our theme (needs content_rules' index).

- the address root of every language (``SITE_ROOTS``) and the theme's gettext catalogs,
  compiled fresh for each build (a missing one stops the build, it does not fall back);
- template helpers: ``content | link``, ``versions(content)``, ``address(lang, path)``,
  ``output_file | page_path``, ``category | label(lang)``;
- each language's run reads only its own files, plus the originals not yet translated;
- a page with no translation is listed in the other language too, marked as such and
  linked to its own language's address (no dead link, no copy of it under /en/).
"""

import os
from functools import partial
from pathlib import Path
from urllib.parse import quote, urljoin

from jinja2 import pass_context
from markupsafe import Markup
from pelican import signals

from .catalogs import compile_catalogs
from .links import (
    absolute_address,
    address,
    content_address,
    page_versions,
    path_of_output,
    site_roots,
    versions,
)

ROOTS_KEY = "SITE_ROOTS"


def prepare_languages(pelican):
    settings = pelican.settings
    if ROOTS_KEY in settings:
        return  # a language subsite: the main site prepared these
    languages = [settings["DEFAULT_LANG"], *settings.get("I18N_SUBSITES", {})]
    settings[ROOTS_KEY] = site_roots(settings)
    settings["MAIN_LANG"] = settings["DEFAULT_LANG"]
    settings["MAIN_THEME_STATIC_DIR"] = settings["THEME_STATIC_DIR"]  # subsites get "../theme"
    settings["THEME_ROOT"] = address(
        settings[ROOTS_KEY], settings["MAIN_LANG"], settings["THEME_STATIC_DIR"]
    )
    locale_dir = Path(settings["CACHE_PATH"]) / "locale"
    settings["I18N_GETTEXT_LOCALEDIR"] = str(
        compile_catalogs(settings["THEME"], languages, locale_dir)
    )


def label(settings: dict, name, lang: str) -> str:
    """A category or tag in the page's language, from CATEGORY_NAMES / TAG_NAMES."""
    for key in ("CATEGORY_NAMES", "TAG_NAMES"):
        names = settings.get(key, {}).get(name.slug)
        if names:
            return names.get(lang, name.name)
    return name.name


def full_address(base: str, href: str) -> str:
    """`/en/news/x/` → `http://localhost:8000/en/news/x/` in a preview; unchanged when
    SITEURL already makes every address whole (publishing)."""
    return href if href.startswith(("http://", "https://")) else urljoin(base, href)


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
    roots = generator.settings[ROOTS_KEY]
    generator.env.filters.update(
        link=partial(content_address, roots),
        page_path=path_of_output,
        label=partial(label, generator.settings),
        urlencode_all=lambda value: quote(str(value), safe=""),
        full=partial(
            full_address, absolute_address(generator.settings, generator.settings["MAIN_LANG"], "")
        ),
    )
    theme_root = generator.settings["THEME_ROOT"]
    generator.env.globals.update(
        versions=partial(versions, roots, generator.settings),
        page_versions=partial(page_versions, roots),
        address=partial(address, roots),
        absolute=partial(absolute_address, generator.settings),
        once=rendered_once(generator),
        asset=lambda path: f"{theme_root}/{path}",
    )


def list_untranslated_here(generator):
    """Keep other-language content in this site's listings, written only at home."""
    here = generator.settings["DEFAULT_LANG"]
    roots = generator.settings[ROOTS_KEY]
    contents = generator.articles if hasattr(generator, "articles") else generator.pages
    for content in contents:
        if content.lang != here:
            content.override_save_as = ""
            content.override_url = content_address(roots, content)


def read_only_own_language(generator):
    """Each language's run reads its own files (and untranslated originals), not every
    file of every language only for Pelican to pair them and i18n_subsites to drop them."""
    settings = generator.settings
    index, lang = settings["CONTENT_INDEX"], settings["DEFAULT_LANG"]
    wanted = index.paths_to_read(lang, settings["MAIN_LANG"])
    wanted = {os.path.relpath(path, generator.path) for path in wanted}  # as get_files names them
    find_files = generator.get_files

    def get_files(paths, exclude=None, extensions=None):
        found = find_files(paths, exclude=exclude, extensions=extensions)
        return {f for f in found if os.path.normpath(f) in wanted}

    generator.get_files = get_files


HANDLERS = {
    signals.initialized: prepare_languages,
    signals.generator_init: add_template_helpers,
    signals.article_generator_init: read_only_own_language,
    signals.page_generator_init: read_only_own_language,
    signals.article_generator_finalized: list_untranslated_here,
    signals.page_generator_finalized: list_untranslated_here,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
