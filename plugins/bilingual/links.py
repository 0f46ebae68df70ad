"""Addresses of pages in either language (the roots and patterns: plugins.core.addresses).

i18n_subsites' relative links (``/en/../news/x/``) are not used.
"""

from plugins.core.addresses import Addresses


def own_path(content) -> str:
    """The path of a page in its own language's site, e.g. ``news/opening-day/``.
    Listings ask for it many times; Pelican works it out afresh on each call."""
    if "_own_path" not in content.__dict__:
        kind = "draft" if getattr(content, "status", "") == "draft" else type(content).__name__
        pattern = content.settings[f"{kind.upper()}_URL"]
        content._own_path = pattern.format(**content.url_format)
    return content._own_path


def content_address(addresses: Addresses, content) -> str:
    return addresses.address(content.lang, own_path(content))


def versions(addresses: Addresses, index, settings: dict, content) -> dict[str, str]:
    """Every published language version of a page: {lang: address}, this one first.
    Which files are translations of which is the content index's decision."""
    found = {content.lang: content_address(addresses, content)}
    source = index.find(content.source_path)
    for other in source.group if source else []:
        if other.published and other.lang not in found:
            pattern = settings[f"{other.kind.upper()}_URL"]
            found[other.lang] = addresses.address(other.lang, pattern.format(slug=other.slug))
    return found


def page_versions(addresses: Addresses, path: str) -> dict[str, str]:
    """A listing page exists at the same path in every language."""
    return {lang: addresses.address(lang, path) for lang in addresses.roots}
