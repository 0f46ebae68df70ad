"""Addresses of pages in either language.

Every language has its own root (Thai ``SITEURL``, English ``SITEURL/en``) and the same
paths below it, so the address of a page in any language is that language's root plus
the page's own path. i18n_subsites' relative links (``/en/../news/x/``) are not used.
"""

from posixpath import join


def site_roots(settings: dict) -> dict[str, str]:
    main = settings["SITEURL"].rstrip("/")
    roots = {settings["DEFAULT_LANG"]: main}
    for lang, overrides in settings.get("I18N_SUBSITES", {}).items():
        roots[lang] = overrides.get("SITEURL", f"{main}/{lang}")
    return roots


def own_path(content) -> str:
    """The path of a page in its own language's site, e.g. ``news/opening-day/``.
    Listings ask for it many times; Pelican works it out afresh on each call."""
    if "_own_path" not in content.__dict__:
        kind = "draft" if getattr(content, "status", "") == "draft" else type(content).__name__
        pattern = content.settings[f"{kind.upper()}_URL"]
        content._own_path = pattern.format(**content.url_format)
    return content._own_path


def address(roots: dict[str, str], lang: str, path: str) -> str:
    """`''` → `/`, `news/x/` → `/en/news/x/`. Paths are relative to a language's root;
    called for every link of every page, so plain string work."""
    return f"{roots[lang]}/{path.lstrip('/')}"


def content_address(roots: dict[str, str], content) -> str:
    return address(roots, content.lang, own_path(content))


def path_of_output(output_file: str) -> str:
    """``news/page/2/index.html`` → ``news/page/2/``; ``index.html`` → ``''``."""
    if output_file == "index.html":
        return ""
    return output_file.removesuffix("index.html")


def versions(roots: dict[str, str], settings: dict, content) -> dict[str, str]:
    """Every published language version of a page: {lang: address}, this one first.
    Which files are translations of which is the content index's decision."""
    found = {content.lang: content_address(roots, content)}
    source = settings["CONTENT_INDEX"].find(content.source_path)
    for other in source.group if source else []:
        if other.published and other.lang not in found:
            pattern = settings[f"{other.kind.upper()}_URL"]
            found[other.lang] = address(roots, other.lang, pattern.format(slug=other.slug))
    return found


def page_versions(roots: dict[str, str], path: str) -> dict[str, str]:
    """A listing page exists at the same path in every language."""
    return {lang: address(roots, lang, path) for lang in roots}


def absolute_address(settings: dict, lang: str, path: str) -> str:
    """A full address, as canonical links, sharing, calendars and structured data need:
    the site's own when SITEURL is absolute (publishing), else the preview server's."""
    root = settings["SITE_ROOTS"][lang]
    base = "" if root.startswith(("http://", "https://")) else settings.get("FEED_DOMAIN", "")
    return join(f"{base}{root}/", path)
