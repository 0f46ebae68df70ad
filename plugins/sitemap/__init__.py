"""sitemap.xml (every page, its language versions as xhtml:link hreflang, lastmod) and
robots.txt pointing to it; and absolute addresses inside the feeds' articles.

The sitemap is read off the written pages themselves (their canonical and hreflang links),
so it lists exactly what was published, in every language, and nothing that is not."""

import re
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape

from pelican import signals

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
MODIFIED = re.compile(r'<meta property="article:modified_time" content="([^"]+)">')
NOINDEX = '<meta name="robots" content="noindex">'
HEAD_SIZE = 8192


def page_entry(html: str) -> str | None:
    canonical = CANONICAL.search(html)
    if canonical is None or NOINDEX in html:
        return None
    lines = [f"<url><loc>{escape(canonical[1])}</loc>"]
    modified = MODIFIED.search(html)
    if modified:
        lines.append(f"<lastmod>{escape(modified[1])}</lastmod>")
    for lang, href in ALTERNATE.findall(html):
        if href.startswith("http"):
            lines.append(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>')
    return "".join(lines) + "</url>"


def write_sitemap(output: Path, site: str) -> None:
    entries = []
    for page in sorted(output.rglob("*.html")):
        if page.is_relative_to(output / "pagefind"):
            continue
        with page.open(encoding="utf-8", errors="ignore") as file:
            head = file.read(HEAD_SIZE)  # all the sitemap needs is in <head>
        entry = page_entry(head)
        entries += [entry] if entry else []
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    (output / "sitemap.xml").write_text(head + "\n".join(entries) + "\n</urlset>\n", "utf-8")
    closed = "Disallow: /drafts/\nDisallow: /en/drafts/\n"
    robots = f"User-agent: *\nAllow: /\n{closed}\nSitemap: {site}/sitemap.xml\n"
    (output / "robots.txt").write_text(robots, encoding="utf-8")


def site_address(settings: dict) -> str:
    root = settings["SITEURL"]
    return root if root.startswith("http") else settings.get("FEED_DOMAIN", "") + root


def after_build(pelican):
    settings = pelican.settings
    if settings["DEFAULT_LANG"] not in settings.get("I18N_SUBSITES", {}):
        write_sitemap(Path(settings["OUTPUT_PATH"]), site_address(settings).rstrip("/"))


ROOT_RELATIVE = re.compile(r'(\s(?:src|href|srcset)=")/(?!/)')


def absolute_feed_addresses(context, feed):
    """Feed readers open an article away from the site: its links must be whole."""
    site = site_address(context).rstrip("/")
    feed.feed["link"] = urljoin(f"{site}/", feed.feed["link"])
    for item in feed.items:
        item["link"] = urljoin(f"{site}/", item["link"])
        for key in ("description", "content"):
            if item.get(key):
                item[key] = ROOT_RELATIVE.sub(rf"\1{site}/", item[key])


def register():
    signals.finalized.connect(after_build)
    signals.feed_generated.connect(absolute_feed_addresses)
