"""sitemap.xml (every page, its language versions as xhtml:link hreflang, lastmod) and
robots.txt pointing to it; and absolute addresses inside the feeds' articles.

Each page written (Pelican's ``content_written``) is noted in the build state from the head
the writer gave it (``plugins.pipeline.head``: its canonical address, language versions,
last change, whether search engines skip it); ``plugins.pipeline`` calls ``write_sitemap``
once every language is written.
"""

import re
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from feedgenerator import Atom1Feed, Rss201rev2Feed
from pelican import signals

from plugins.core.files import write_if_changed
from plugins.core.state import state_of

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def remember_page(path: str, context: dict) -> None:
    """A page was written: note it for the sitemap, from its head, unless it is hidden."""
    head = context.get("head")
    if head is None or head.noindex:
        return
    state = state_of(context)
    whole = {lang: state.addresses.whole(href) for lang, href in head.versions.items()}
    if len(whole) > 1:
        whole["x-default"] = whole[state.main_lang]
    state.pages.append({"loc": head.canonical, "lastmod": head.lastmod, "versions": whole})


def page_entry(page: dict) -> str:
    lines = [f"<url><loc>{escape(page['loc'])}</loc>"]
    if page["lastmod"]:
        lines.append(f"<lastmod>{escape(page['lastmod'])}</lastmod>")
    for lang, href in sorted(page["versions"].items()):
        lines.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>')
    return "".join(lines) + "</url>"


def sitemap_text(pages: list[dict]) -> str:
    unique = {page["loc"]: page for page in pages}
    entries = [page_entry(unique[loc]) for loc in sorted(unique)]
    return HEAD + "\n".join(entries) + "\n</urlset>\n"


def robots_text(site: str, languages: list[str], draft_path: str, closed: list[str]) -> str:
    """Drafts in every language, and the folders in `closed` (the editor), not crawled."""
    drafts = [f"{lang + '/' if index else ''}{draft_path}" for index, lang in enumerate(languages)]
    lines = "".join(f"Disallow: /{path}\n" for path in [*drafts, *closed])
    return f"User-agent: *\nAllow: /\n{lines}\nSitemap: {site}/sitemap.xml\n"


def write_sitemap(state) -> None:
    output, site = Path(state.output_path), state.addresses.site()
    write_if_changed(output / "sitemap.xml", sitemap_text(state.pages).encode("utf-8"))
    robots = robots_text(site, state.languages, "drafts/", [state.addresses.path("EDITOR")])
    write_if_changed(output / "robots.txt", robots.encode("utf-8"))


ROOT_RELATIVE = re.compile(r'(\s(?:src|href|srcset)=")/(?!/)')


def describe_feed(context, feed):
    """Each language's feed names itself (not the Thai feed), says its language and what it
    is (a reader may otherwise move an English subscriber to the Thai feed)."""
    lang = context["DEFAULT_LANG"]
    path = context["FEED_RSS"] if isinstance(feed, Rss201rev2Feed) else context["FEED_ATOM"]
    feed.feed["feed_url"] = state_of(context).addresses.absolute(lang, path)
    feed.feed["language"] = lang
    feed.feed["description"] = feed.feed.get("description") or context.get("SITESUBTITLE", "")


class MarkedAtom(Atom1Feed):
    """Atom whose entries may say their own language (xml:lang), when not the feed's."""

    def item_attributes(self, item):
        marked = {"xml:lang": item["lang"]} if item.get("lang") else {}
        return {**super().item_attributes(item), **marked}


class MarkedRss(Rss201rev2Feed):
    def item_attributes(self, item):
        marked = {"xml:lang": item["lang"]} if item.get("lang") else {}
        return {**super().item_attributes(item), **marked}


MARKED = {Atom1Feed: MarkedAtom, Rss201rev2Feed: MarkedRss}


def language_of_link(roots: dict[str, str], link: str) -> str:
    """The language whose site holds `link`: the longest root it starts with."""
    found = [lang for lang, root in roots.items() if link.startswith(root.rstrip("/") + "/")]
    return max(found, key=lambda lang: len(roots[lang]), default="")


def mark_other_languages(context, feed) -> None:
    """An English feed lists Thai news not yet translated: each such entry (its title,
    text and terms) says it is Thai, and a reader's software reads it as Thai."""
    addresses, here = state_of(context).addresses, context["DEFAULT_LANG"]
    roots = {lang: addresses.whole(addresses.address(lang, "")) for lang in addresses.roots}
    feed.__class__ = MARKED.get(type(feed), type(feed))  # only adds item_attributes
    for item in feed.items:
        lang = language_of_link(roots, item["link"])
        if lang and lang != here:
            item["lang"] = lang


def absolute_feed_addresses(context, feed):
    """Feed readers open an article away from the site: its links must be whole."""
    describe_feed(context, feed)
    site = state_of(context).addresses.absolute(context["DEFAULT_LANG"], "").rstrip("/")
    feed.feed["link"] = urljoin(f"{site}/", feed.feed["link"])
    for item in feed.items:
        item["link"] = urljoin(f"{site}/", item["link"])
        for key in ("description", "content"):
            if item.get(key):
                item[key] = ROOT_RELATIVE.sub(rf"\1{site}/", item[key])
    mark_other_languages(context, feed)


LISTS_EVERY_ARTICLE = {
    "home.html",
    "archives.html",
}  # direct templates whose change is the newest news


def last_change(template: str, context: dict, gallery=None) -> str | None:
    """When the page last changed, where it has a date: a news item's or page's own
    (Modified first), a listing's newest entry, the day of the gallery it shows; else None."""
    for key in ("article", "page"):
        item = context.get(key)
        if item is not None and getattr(item, "date", None):
            return (getattr(item, "modified", None) or item.date).isoformat()
    listing = context.get("articles_page")
    entries = listing.object_list if listing else None
    if entries is None and template in LISTS_EVERY_ARTICLE:
        entries = context.get("articles")
    if entries:
        return max(getattr(a, "modified", None) or a.date for a in entries).isoformat()
    return gallery.date.isoformat() if getattr(gallery, "date", None) else None


HANDLERS = {
    signals.content_written: remember_page,
    signals.feed_generated: absolute_feed_addresses,
}


def register():
    for signal, handler in HANDLERS.items():
        signal.connect(handler)
