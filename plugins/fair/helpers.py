"""Template helpers for the fair's pages: JSON-LD builders and prices."""

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from . import structured


def baht(price: tuple[float, float], lang: str) -> str:
    low, high = (format_decimal(value, format="#,##0.##", locale=lang) for value in price)
    amount = low if low == high else f"{low}–{high}"
    return f"{amount} บาท" if lang == "th" else f"{amount} baht"


def organiser(settings: dict, addresses) -> dict:
    return structured.organisation(
        settings["ORGANISER"], addresses.absolute(settings["DEFAULT_LANG"], "")
    )


def photo_address(state, photo) -> str | None:
    """The whole address of a photo's JPEG, which link previews and search engines take."""
    return state.addresses.absolute(state.main_lang, photo.share().path) if photo else None


def main_photo(item, gallery):
    """An edition's or product's own photo, else its gallery's cover."""
    return item.photo or (gallery.cover if gallery else None)


def event_data(settings: dict, state, edition) -> dict:
    lang, addresses = settings["DEFAULT_LANG"], state.addresses
    page = addresses.absolute(lang, edition.path)
    newest = state.galleries.galleries[:1]
    image = photo_address(state, main_photo(edition, newest[0] if newest else None))
    return structured.event(edition, lang, page, organiser(settings, addresses), image)


def product_data(settings: dict, state, product, gallery) -> dict:
    lang = settings["DEFAULT_LANG"]
    page = state.addresses.absolute(lang, product.path)
    image = photo_address(state, main_photo(product, gallery))
    return structured.product(product, lang, page, image)


def news_data(settings: dict, state, article, gallery, card: str | None = None) -> dict:
    """`card`: the page's sharing card, the image of news that has no photo at all."""
    lang, addresses = settings["DEFAULT_LANG"], state.addresses
    url = addresses.absolute(lang, settings["ARTICLE_URL"].format(slug=article.slug))
    image = photo_address(state, getattr(article, "lead_photo", None)) or card
    return structured.news_article(article, lang, url, organiser(settings, addresses), image)


def text_of(page_lang: str, item, key: str) -> Markup:
    """A field as the page shows it: marked with its language where it is not the page's
    (a product not yet translated shows its Thai title on the English page)."""
    text, lang = item.text(page_lang, key) or "", item.lang_of(page_lang, key)
    if lang == page_lang or not text:
        return escape(text)
    return Markup('<span lang="{}">{}</span>').format(lang, text)


def paper_path(edition) -> str:
    """The printable edition's address below a language's root (plugins.paper makes it)."""
    from plugins.paper import file_name

    return f"{edition.path}{file_name(edition.number)}"
