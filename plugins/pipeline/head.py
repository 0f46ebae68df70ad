"""Each page's head, decided in Python before the page is rendered: its canonical address,
its versions in other languages, when it last changed, whether search engines should skip
it, the picture link previews show and its own sharing card.

The writer gives every page its ``head`` (templates only print it); the sitemap collects
the heads of the pages written, on Pelican's ``content_written``. Nothing of this is
computed inside a template, so nothing a template renders changes the build's state.
"""

from dataclasses import dataclass

from markupsafe import Markup

from plugins.bilingual.links import page_versions, versions
from plugins.core.addresses import path_of_output
from plugins.core.state import state_of
from plugins.fair.helpers import main_photo, photo_address
from plugins.sitemap import last_change
from plugins.social import page_card

NOT_INDEXED = {"404.html", "offline.html", "booths.html"}  # pages only for who is there
WITHOUT_VERSIONS = {"404.html", "offline.html"}  # the same file answers in every language


@dataclass(frozen=True)
class Head:
    canonical: str  # the page's whole address
    versions: dict[str, str]  # language → the address of this page in it
    lastmod: str | None  # when it last changed, where it has a date
    noindex: bool  # kept out of search engines and the sitemap
    image: str  # what link previews show: its photo, else its own card, else the fair's
    card: str | None  # its own sharing card, when it has one and no photo


def page_head(template: str, context: dict, settings: dict, card_below: list[str]) -> Head:
    """The head of the page `template` renders with `context` in the run of `settings`."""
    state, lang = state_of(settings), settings["DEFAULT_LANG"]
    path = path_of_output(context["output_file"])
    gallery = shown_gallery(template, context, lang)
    photo, title = picture_and_title(template, context, state, gallery)
    wants_card = title is not None and not photo and state.card_maker is not None
    card = page_card(state, card_below, title) if wants_card else None
    fair_card = f"{state.theme_static_dir}/{settings['SOCIAL_CARD'][lang]}"
    return Head(
        canonical=state.addresses.absolute(lang, path),
        versions=page_versions_of(template, context, state, settings, path),
        lastmod=last_change(template, context, gallery),
        noindex=template in NOT_INDEXED or is_draft(context),
        image=photo or card or state.addresses.absolute(state.main_lang, fair_card),
        card=card,
    )


def page_versions_of(template, context, state, settings, path) -> dict[str, str]:
    if template in WITHOUT_VERSIONS:
        return {}
    content = context.get("article") or context.get("page")
    if template in ("article.html", "page.html"):
        return versions(state.addresses, state.index, settings, content)
    return page_versions(state.addresses, path)


def is_draft(context: dict) -> bool:
    return any(getattr(context.get(key), "status", "") == "draft" for key in ("article", "page"))


def shown_gallery(template: str, context: dict, lang: str):
    """The gallery a gallery's page is, or the one a product's page shows."""
    if template == "gallery.html":
        return context["gallery"]
    if template == "product.html":
        named = context["product"].text(lang, "gallery")
        return context.get("galleries_by_slug", {}).get(named)
    return None


def picture_and_title(template, context, state, gallery) -> tuple[str | None, str | None]:
    """The page's own photo for link previews, and the title of its own card, if any."""
    lang = context["DEFAULT_LANG"]
    if template == "article.html":
        article = context["article"]
        return photo_address(state, article.lead_photo), Markup(article.title).striptags()
    if template == "page.html":
        return None, Markup(context["page"].title).striptags()
    if template == "product.html":
        product = context["product"]
        return photo_address(state, main_photo(product, gallery)), product.text(lang, "title")
    if template == "edition.html":
        return None, context["edition"].text(lang, "title")
    if template == "gallery.html":
        return photo_address(state, gallery.cover), None
    return None, None


class HeadedTemplate:
    """A template whose every page is given its ``head`` first (into the page's context,
    which Pelican then hands to ``content_written``)."""

    def __init__(self, template, settings: dict, card_below: list[str]):
        self.template, self.settings, self.card_below = template, settings, card_below

    def render(self, context: dict) -> str:
        name = getattr(self.template, "name", "")
        context["head"] = page_head(name, context, self.settings, self.card_below)
        return self.template.render(context)
