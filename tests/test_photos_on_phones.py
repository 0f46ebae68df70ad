"""Photos and type on a phone, in Debian's chromium: a portrait product photo is shown whole,
the catalogue's and a gallery's first photo are fetched first, and a Thai page's digits and
Latin letters come in the site's face from the first paint (no second typeface, no shift)."""

import functools
import http.server
import shutil
import threading

import pytest
from conftest import SITES, QuietHandler, build_site, page
from photos import marked, save_jpeg

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def portrait_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("portrait")
    content, output = root / "content", root / "output"
    shutil.copytree(SITES / "minimal" / "content", content)
    save_jpeg(content / "products/silk.jpg", marked((900, 1600)))  # a phone held upright
    silk = content / "products/silk.md"
    silk.write_text("Photo: silk.jpg\n" + silk.read_text(encoding="utf-8"), encoding="utf-8")
    output.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(output))
    )
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    build_site(content, output, SITEURL=origin, FEED_DOMAIN=origin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield origin, output
    server.shutdown()


def test_a_portrait_product_photo_is_shown_whole(portrait_site):
    from test_browser import small_phone

    origin, _ = portrait_site
    with small_phone(f"{origin}/products/silk/") as phone:
        image = phone.locator(".photos__item--main img")
        image.scroll_into_view_if_needed()
        phone.wait_for_function("img => img.complete && img.naturalWidth > 0",
                                arg=image.element_handle())  # fmt: skip
        shown = image.evaluate(
            "img => ({fit: getComputedStyle(img).objectFit, box: img.clientWidth / img.clientHeight,"
            " photo: img.naturalWidth / img.naturalHeight})"
        )
    assert shown["photo"] < 1  # upright
    whole = shown["fit"] == "contain" or abs(shown["box"] - shown["photo"]) < 0.02
    assert whole, shown  # nothing of the product cut off


def test_the_first_photos_are_fetched_first(portrait_site):
    _, output = portrait_site
    catalogue = page(output, "products/").select(".product-card img")
    assert catalogue[0].get("fetchpriority") == "high" and catalogue[0].get("loading") != "lazy"
    assert all(image.get("fetchpriority") != "high" for image in catalogue[1:])


def test_thai_pages_preload_the_latin_faces_too(portrait_site):
    _, output = portrait_site
    preloaded = [link["href"] for link in page(output, "").select('link[rel="preload"][as="font"]')]
    assert any("latin-400" in href for href in preloaded)
    assert any("thai-400" in href for href in preloaded)


def test_a_gallerys_first_photo_is_fetched_first(served_site):
    _, output = served_site
    photos = page(output, "galleries/opening-day/").select(".gallery img")
    assert len(photos) > 1 and photos[0].get("fetchpriority") == "high"
    assert all(image.get("fetchpriority") != "high" for image in photos[1:])
