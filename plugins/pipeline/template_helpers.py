"""Every name the theme's templates may use besides Pelican's own context, in one list: one
name for one thing, each bound to the language of the run that renders the page. A run
renders only pages of its own language, so no template passes DEFAULT_LANG to a helper.

Values:   MAIN_LANG, SITE_ROOTS (language → its root), MAIN_THEME_STATIC_DIR, CSS_BUNDLE
Globals:  address(path[, lang])       a root-relative address: this page's language, or lang
          path_of(NAME, **parts)      a page's path from its *_URL setting ("PRODUCTS")
          asset(path)                 a file of the theme (one copy, under the main language)
          photo_img(photo, sizes, …)  the <img> of a published photo
          venue_map(file, label)      an edition's map, drawn inline
          edition_paper(edition)      its printable edition's address (PRINTED_EDITIONS only)
          text_of(item, key)          an edition's or product's field, marked with its language
          schema_breadcrumbs, schema_event, schema_product, schema_news: JSON-LD

          shared(partial)             a partial the same on every page of a language's site
          words_of(lang)              the theme's words in another language (404.html only)
Filters:  link                        a page's address (an article, a page)
          whole                       an address made whole (https://…), for feeds and tags
          page_path                   output_file → its path ("news/page/2/")
          label                       a category's or tag's name in this language
          day, weekday_day, times, date_range, iso_date    dates (Buddhist Era in Thai)
          baht                        a price range
          urlencode_all               every reserved character encoded (share links)

Each page's head (canonical, versions, last change, picture) is not a helper: the writer
decides it before the page is rendered (``head.py``) and templates print ``head``.
"""

from functools import partial
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from jinja2 import StrictUndefined
from markupsafe import Markup

from plugins.bilingual import label, words_of
from plugins.bilingual.links import content_address
from plugins.core.addresses import path_of_output
from plugins.core.state import state_of
from plugins.fair import helpers as fair
from plugins.fair import structured
from plugins.fair.maps import venue_map
from plugins.gallery.markup import photo_img
from plugins.thai_dates import formatting as dates


def add_template_helpers(generator) -> None:
    settings, state = generator.settings, state_of(generator.settings)
    generator.env.globals.update(values(state), **globals_for(generator, settings, state))
    generator.env.filters.update(filters_for(settings, state))


def values(state) -> dict:
    return {
        "MAIN_LANG": state.main_lang,
        "SITE_ROOTS": state.addresses.roots,
        "MAIN_THEME_STATIC_DIR": state.theme_static_dir,
        "CSS_BUNDLE": state.stylesheet.name,
    }


def globals_for(generator, settings: dict, state) -> dict:
    here, addresses = settings["DEFAULT_LANG"], state.addresses
    theme_root, photo_root = state.theme_root, addresses.roots[state.main_lang]
    found = {
        "address": lambda path, lang=here: addresses.address(lang, path),
        "path_of": addresses.path,
        "asset": lambda path: f"{theme_root}/{path}",
        "photo_img": partial(photo_img, photo_root),
        "venue_map": partial(venue_map, Path(settings["PATH"])),
        "text_of": partial(fair.text_of, here),
        "schema_breadcrumbs": structured.breadcrumbs,
        "schema_event": partial(fair.event_data, settings, state),
        "schema_product": partial(fair.product_data, settings, state),
        "schema_news": partial(fair.news_data, settings, state),
        "shared": shared_partials(generator),
        "words_of": partial(words_of, settings),
    }
    if settings.get("PRINTED_EDITIONS"):
        found["edition_paper"] = fair.paper_path
    return found


def filters_for(settings: dict, state) -> dict:
    here = settings["DEFAULT_LANG"]
    zone = ZoneInfo(settings.get("TIMEZONE") or "Asia/Bangkok")  # the day where the fair is
    return {
        "link": partial(content_address, state.addresses),
        "whole": state.addresses.whole,
        "page_path": path_of_output,
        "label": lambda name: label(settings, name, here),
        "day": lambda value: dates.format_day(value, here, zone),
        "weekday_day": lambda value: dates.format_weekday(value, here, zone),
        "times": lambda start, end: dates.format_times(start, end, here),
        "date_range": lambda start, end: dates.format_range(start, end, here, zone),
        "iso_date": lambda value: dates.iso_date(value, zone),
        "baht": lambda price: fair.baht(price, here),
        "urlencode_all": lambda value: quote(str(value), safe=""),
    }


def shared_partials(generator):
    """`{{ shared("partials/_nav.html") }}`: a partial that is the same on every page of
    this language's site, rendered once from the site's context, never a page's: a page's
    own value used in it is an error of the build, not repeated on every page."""
    strict = generator.env.overlay(undefined=StrictUndefined)
    done: dict[str, Markup] = {}

    def shared(name: str) -> Markup:
        if name not in done:
            done[name] = Markup(strict.get_template(name).render(generator.context))
        return done[name]

    return shared
