"""HTML from the writers' Markdown, cleaned by an allow-list (nh3, Rust's ammonia).

A Markdown extension (listed in MARKDOWN in pelicanconf.py), so everything Markdown makes is
cleaned once, as it is made, and Pelican's content cache keeps the clean text: news, pages,
summaries, and the fair's editions and products. What stays: the tags and attributes of
ordinary text, tables, footnotes and figures; video embeds from YouTube and Facebook, by
address. What goes: scripts, styles and style attributes (the pages' Content-Security-Policy
would refuse them anyway), event handlers, forms, `javascript:` and other non-web links.
Templates may then mark this HTML safe, and only this.
"""

import re
from urllib.parse import urlsplit

import nh3
from markdown import Extension
from markdown.postprocessors import Postprocessor

VERSION = "2"  # change it when the rules below change: cached pages are read again
VIDEO = re.compile(r"^/embed/[A-Za-z0-9_-]{6,20}$")
EMBEDS = {  # video players the office embeds: the host, and the path its players have
    "www.youtube.com": VIDEO,
    "www.youtube-nocookie.com": VIDEO,
    "www.facebook.com": re.compile(r"^/plugins/video\.php$"),
}
TAGS = nh3.ALLOWED_TAGS | {"iframe"}
GENERIC = {"id", "class", "lang", "dir", "title"}
ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading"},
    "*": GENERIC,
}
SCHEMES = {"https", "http", "mailto", "tel"}


def is_embed(address: str) -> bool:
    """A player of EMBEDS, by the parsed address: https, the host itself (no user, port or
    look-alike), and a player's path (no ../, no other page of the host)."""
    parts = urlsplit(address)
    pattern = EMBEDS.get(parts.netloc)
    plain = "\\" not in address and "%" not in parts.path
    return (
        parts.scheme == "https"
        and pattern is not None
        and plain
        and bool(pattern.match(parts.path))
    )


def keep_attribute(tag: str, name: str, value: str) -> str | None:
    """An embed keeps its address only when it is one of EMBEDS."""
    if tag == "iframe" and name == "src":
        return value if is_embed(value) else None
    return value


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=keep_attribute,
        url_schemes=SCHEMES,
        link_rel=None,
    )


class CleanOutput(Postprocessor):
    def run(self, text: str) -> str:
        return sanitize(text)


class SanitizeExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(CleanOutput(md), "sanitize", 0)  # after every other


def makeExtension(**kwargs):
    return SanitizeExtension(**kwargs)
