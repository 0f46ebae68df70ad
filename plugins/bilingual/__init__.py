"""Glue between the i18n_subsites plugin and our theme.

- the address root of every language (``SITE_ROOTS``) and the theme's gettext catalogs,
  compiled fresh for each build (a missing one stops the build, it does not fall back);
- template helpers: ``content | link``, ``versions(content)``, ``address(lang, path)``,
  ``output_file | page_path``, ``category | label(lang)``;
- a page with no translation is listed in the other language too, marked as such and
  linked to its own language's address (no dead link, no copy of it under /en/).
"""

from functools import partial
from pathlib import Path

from pelican import signals

from .catalogs import compile_catalogs
from .links import address, content_address, page_versions, path_of_output, site_roots, versions

ROOTS_KEY = "SITE_ROOTS"


def prepare_languages(pelican):
    settings = pelican.settings
    if ROOTS_KEY in settings:
        return  # a language subsite: the main site prepared these
    languages = [settings["DEFAULT_LANG"], *settings.get("I18N_SUBSITES", {})]
    settings[ROOTS_KEY] = site_roots(settings)
    settings["MAIN_LANG"] = settings["DEFAULT_LANG"]
    share_reader_cache(settings)
    settings["THEME_ROOT"] = address(
        settings[ROOTS_KEY], settings["MAIN_LANG"], settings["THEME_STATIC_DIR"]
    )
    locale_dir = Path(settings["CACHE_PATH"]) / "locale"
    settings["I18N_GETTEXT_LOCALEDIR"] = str(
        compile_catalogs(settings["THEME"], languages, locale_dir)
    )


def share_reader_cache(settings: dict):
    """Every language run reads the same Markdown files: let them share one reader cache,
    so each file is parsed once per build, not once per language."""
    shared = {"CACHE_PATH": settings["CACHE_PATH"], "CACHE_CONTENT": False}  # read, not rewrite
    settings["I18N_SUBSITES"] = {
        lang: {**shared, **overrides}
        for lang, overrides in settings.get("I18N_SUBSITES", {}).items()
    }


def label(settings: dict, name, lang: str) -> str:
    """A category or tag in the page's language, from CATEGORY_NAMES / TAG_NAMES."""
    for key in ("CATEGORY_NAMES", "TAG_NAMES"):
        names = settings.get(key, {}).get(name.slug)
        if names:
            return names.get(lang, name.name)
    return name.name


def add_template_helpers(generator):
    roots = generator.settings[ROOTS_KEY]
    generator.env.filters.update(
        link=partial(content_address, roots),
        page_path=path_of_output,
        label=partial(label, generator.settings),
    )
    theme_root = generator.settings["THEME_ROOT"]
    generator.env.globals.update(
        versions=partial(versions, roots),
        page_versions=partial(page_versions, roots),
        address=partial(address, roots),
        asset=lambda path: f"{theme_root}/{path}",
    )


def list_untranslated_here(generator):
    """Keep other-language content in this site's listings, written only at home."""
    here = generator.settings["DEFAULT_LANG"]
    roots = generator.settings[ROOTS_KEY]
    contents = getattr(generator, "articles", None) or getattr(generator, "pages", [])
    for content in contents:
        if content.lang != here:
            content.override_save_as = ""
            content.override_url = content_address(roots, content)


HANDLERS = {
    signals.initialized: prepare_languages,
    signals.generator_init: add_template_helpers,
    signals.article_generator_finalized: list_untranslated_here,
    signals.page_generator_finalized: list_untranslated_here,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
