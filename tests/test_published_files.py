"""Only what a reader's page uses is published: no search interface we do not load, no
stylesheet source beside the bundle the pages link."""

from conftest import page

ASSET_KINDS = (".js", ".css", ".mjs")


def published(output):
    return {p.relative_to(output).as_posix(): p for p in output.rglob("*") if p.is_file()}


def test_every_script_and_stylesheet_is_used(minimal_site):
    files = published(minimal_site)
    readable = [p for n, p in files.items() if n.endswith((".html", ".js", ".webmanifest"))]
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in readable)
    assets = [n for n in files if n.endswith(ASSET_KINDS) and not n.startswith("admin/")]
    unused = [n for n in assets if n.rsplit("/", 1)[-1] not in text]
    assert assets and unused == []


def test_the_only_stylesheet_is_the_bundle_the_pages_link(minimal_site):
    files = published(minimal_site)
    sheets = sorted(n for n in files if n.endswith(".css") and not n.startswith("admin/"))
    linked = page(minimal_site, "").select_one('link[rel="stylesheet"]')["href"]
    assert len(sheets) == 1 and linked.endswith(sheets[0])
