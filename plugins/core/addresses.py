"""Every address of the site, from one place.

Every language has its own root (Thai ``SITEURL``, English ``SITEURL/en``) and the same
paths below it. The paths of the site's own kinds of page (galleries, editions, products)
come from their ``*_URL`` settings; templates and plugins ask here instead of writing them.
"""

from dataclasses import dataclass, field
from functools import cached_property
from posixpath import join
from urllib.parse import urljoin, urlsplit

# The fair's and the galleries' addresses; each may be changed in pelicanconf.py.
PATH_DEFAULTS = {
    "GALLERY_URL": "galleries/{slug}/",
    "GALLERIES_URL": "galleries/",
    "EDITION_URL": "editions/{number}/",
    "EDITIONS_URL": "editions/",
    "PRODUCT_URL": "products/{slug}/",
    "PRODUCTS_URL": "products/",
    "PRODUCT_CHOICE_URL": "products/{kind}/{value}/",
    "EDITOR_URL": "admin/",  # the browser editor: once, under the main language's root
}


def site_languages(settings: dict) -> list[str]:
    """The main language first, then each i18n_subsites language."""
    return [settings["DEFAULT_LANG"], *settings.get("I18N_SUBSITES", {})]


def site_names(settings: dict) -> dict[str, str]:
    """The site's name in each language (SITENAME, or a language's own in I18N_SUBSITES)."""
    subsites = settings.get("I18N_SUBSITES", {})
    return {
        lang: subsites.get(lang, {}).get("SITENAME") or settings["SITENAME"]
        for lang in site_languages(settings)
    }


def site_roots(settings: dict) -> dict[str, str]:

    main = settings["SITEURL"].rstrip("/")
    roots = {settings["DEFAULT_LANG"]: main}
    for lang, overrides in settings.get("I18N_SUBSITES", {}).items():
        roots[lang] = overrides.get("SITEURL", f"{main}/{lang}")
    return roots


def save_as(path: str) -> str:
    """``news/x/`` → ``news/x/index.html``: the file behind an address."""
    return f"{path}index.html" if path.endswith("/") or not path else path


def path_of_output(output_file: str) -> str:
    """``news/page/2/index.html`` → ``news/page/2/``; ``index.html`` → ``''``."""
    if output_file == "index.html":
        return ""
    return output_file.removesuffix("index.html")


@dataclass(frozen=True)
class Addresses:
    roots: dict[str, str]  # lang → the root of its site, main language first
    base: str  # what makes a root-relative address whole ('' when SITEURL is absolute)
    patterns: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: dict) -> "Addresses":
        roots = site_roots(settings)
        main = roots[settings["DEFAULT_LANG"]]
        absolute = main.startswith(("http://", "https://"))
        base = "" if absolute else settings.get("FEED_DOMAIN", "")
        patterns = {key: settings.get(key, value) for key, value in PATH_DEFAULTS.items()}
        return cls(roots, base, patterns)

    def path(self, name: str, /, **values) -> str:
        """``path("PRODUCT", slug="x")`` → ``products/x/``."""
        return self.patterns[f"{name}_URL"].format(**values)

    def address(self, lang: str, path: str) -> str:
        """`''` → `/`, `news/x/` → `/en/news/x/`: called for every link of every page."""
        return f"{self.roots[lang]}/{path.lstrip('/')}"

    def absolute(self, lang: str, path: str) -> str:
        """A full address, as canonical links, sharing, calendars and structured data need:
        the site's own when SITEURL is absolute (publishing), else the preview server's."""
        return join(f"{self.base}{self.roots[lang]}/", path)

    def whole(self, href: str) -> str:
        """`/en/news/x/` → `http://localhost:8000/en/news/x/`; a whole address unchanged.
        Called for every alternate link of every page: plain string work where it can."""
        if href.startswith(("http://", "https://")):
            return href
        if href.startswith("/") and not href.startswith("//"):
            return f"{self.host}{href}"
        return urljoin(f"{self.site()}/", href)

    @cached_property
    def host(self) -> str:
        """What goes before a root-relative address: scheme and host."""
        parts = urlsplit(self.site())
        return f"{parts.scheme}://{parts.netloc}"

    def site(self) -> str:
        """The main language's whole root, without a trailing slash."""
        return self.absolute(next(iter(self.roots)), "").rstrip("/")
