"""Template helpers for the fair's pages: JSON-LD builders and prices."""

from functools import partial

from babel.numbers import format_decimal
from bilingual.links import absolute_address

from . import structured


def baht(price: tuple[float, float], lang: str) -> str:
    low, high = (format_decimal(value, format="#,##0.##", locale=lang) for value in price)
    amount = low if low == high else f"{low}–{high}"
    return f"{amount} บาท" if lang == "th" else f"{amount} baht"


def organiser(settings: dict) -> dict:
    return structured.organisation(
        settings["ORGANISER"], absolute_address(settings, settings["DEFAULT_LANG"], "")
    )


def event_data(settings: dict, edition) -> dict:
    lang = settings["DEFAULT_LANG"]
    return structured.event(
        edition, lang, absolute_address(settings, lang, edition.path), organiser(settings)
    )


def product_data(settings: dict, product, gallery) -> dict:
    lang = settings["DEFAULT_LANG"]
    image = None
    if gallery and gallery.cover:
        image = absolute_address(settings, settings["MAIN_LANG"], gallery.cover.largest()[2])
    return structured.product(product, lang, absolute_address(settings, lang, product.path), image)


def news_data(settings: dict, article, gallery) -> dict:
    lang = settings["DEFAULT_LANG"]
    url = absolute_address(settings, lang, settings["ARTICLE_URL"].format(slug=article.slug))
    image = None
    if gallery and gallery.cover:
        image = absolute_address(settings, settings["MAIN_LANG"], gallery.cover.largest()[2])
    return structured.news_article(article, lang, url, organiser(settings), image)


def add_template_helpers(generator):
    settings = generator.settings
    generator.env.filters["baht"] = baht
    generator.env.globals.update(
        schema_breadcrumbs=structured.breadcrumbs,
        schema_event=partial(event_data, settings),
        schema_product=partial(product_data, settings),
        schema_news=partial(news_data, settings),
    )
