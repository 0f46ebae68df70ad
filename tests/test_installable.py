"""The site installs as an app in each language: a manifest made from the settings, icons
drawn at build time, and a service worker whose list of kept files is the edition's."""

import json
import re

from PIL import Image


def test_a_manifest_per_language_with_icons_made_at_build_time(minimal_site):
    for root, lang, name in (("", "th", "OTOP City ขอนแก่น"), ("en/", "en", "OTOP City Khon Kaen")):
        data = json.loads((minimal_site / root / "manifest.webmanifest").read_text("utf-8"))
        assert (data["lang"], data["name"], data["display"]) == (lang, name, "standalone")
        assert data["start_url"] == f"/{root}" and data["theme_color"].startswith("#")
        purposes = {(icon["sizes"], icon["purpose"]) for icon in data["icons"]}
        assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= purposes
        for icon in data["icons"]:
            with Image.open(minimal_site / icon["src"].lstrip("/")) as image:
                assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
        head = (minimal_site / root / "index.html").read_text("utf-8")
        assert f'<link rel="manifest" href="/{root}manifest.webmanifest">' in head


def test_the_worker_keeps_the_editions_pages_and_is_light(minimal_site):
    worker = (minimal_site / "sw.js").read_text("utf-8")
    kept = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker)[1])
    for lang in ("", "/en"):
        for path in ("/", "/offline/", "/editions/27/", "/editions/27/venue/", "/products/",
                     "/editions/27/booths/", "/products/silk/", "/pages/visit/"):  # fmt: skip
            assert f"{lang}{path}" in kept
    assert not any("/news/" in address or "/galleries/" in address for address in kept)
    size = sum((minimal_site / a.lstrip("/")).stat().st_size for a in kept if not a.endswith("/"))
    pages = sum((minimal_site / a.lstrip("/") / "index.html").stat().st_size
                for a in kept if a.endswith("/"))  # fmt: skip
    assert size + pages <= 2_000_000
    assert re.search(r'const VERSION = "[0-9a-f]{16}";', worker)
