"""Template helpers for the fair's pages: JSON-LD builders and prices."""

from functools import partial

from babel.numbers import format_decimal

from plugins.core.state import state_of

from . import structured


def baht(price: tuple[float, float], lang: str) -> str:
    low, high = (format_decimal(value, format="#,##0.##", locale=lang) for value in price)
    amount = low if low == high else f"{low}–{high}"
    return f"{amount} บาท" if lang == "th" else f"{amount} baht"


def organiser(settings: dict, addresses) -> dict:
    return structured.organisation(
        settings["ORGANISER"], addresses.absolute(settings["DEFAULT_LANG"], "")
    )


def cover_address(state, gallery) -> str | None:
    if gallery and gallery.cover:
        return state.addresses.absolute(state.main_lang, gallery.cover.share()[2])
    return None


def event_data(settings: dict, state, edition) -> dict:
    lang, addresses = settings["DEFAULT_LANG"], state.addresses
    page = addresses.absolute(lang, edition.path)
    return structured.event(edition, lang, page, organiser(settings, addresses))


def product_data(settings: dict, state, product, gallery) -> dict:
    lang = settings["DEFAULT_LANG"]
    page = state.addresses.absolute(lang, product.path)
    return structured.product(product, lang, page, cover_address(state, gallery))


def news_data(settings: dict, state, article, gallery) -> dict:
    lang, addresses = settings["DEFAULT_LANG"], state.addresses
    url = addresses.absolute(lang, settings["ARTICLE_URL"].format(slug=article.slug))
    image = cover_address(state, gallery)
    return structured.news_article(article, lang, url, organiser(settings, addresses), image)


def add_template_helpers(generator):
    settings, state = generator.settings, state_of(generator.settings)
    generator.env.filters["baht"] = baht
    generator.env.globals.update(
        schema_breadcrumbs=structured.breadcrumbs,
        schema_event=partial(event_data, settings, state),
        schema_product=partial(product_data, settings, state),
        schema_news=partial(news_data, settings, state),
    )
