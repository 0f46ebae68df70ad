"""Offline at the venue, in Debian's chromium: after one visit, with the site's server gone,
the current edition's practical pages open in both languages, the catalogue's filter works,
an unvisited page gives the site's own offline page, and a new build is seen once online."""

import functools
import http.server
import shutil
import threading
import time

import pytest
from conftest import SITES, QuietHandler, build_site
from test_browser import CHROMIUM, CHROMIUM_FLAGS, refused_by_the_policy, run_axe

# One phone's story, in order (online, offline, online again): on one test worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline")]

EDITION = "editions/27/"
PAGES = [
    ("", ".fair"),
    (EDITION, "#programme"),
    (f"{EDITION}venue/", ".venue__map svg"),
    ("products/", ".product-card"),
    ("products/chonnabot-mudmee-silk/", ".photos img"),
    ("products/naem-khon-kaen/", ".photos img"),
    (f"{EDITION}booths/", ".booth"),
    ("pages/visit/", "main h1"),
]
NOTE = {"th": "สำเนาที่เก็บไว้ในเครื่อง เมื่อ", "en": "Offline copy from"}
KEPT_CACHES = "caches.keys().then(k => k.filter(n => n.includes('|kept|')))"  # one a version
OFFLINE_TITLE = {"th": "ไม่ได้เชื่อมต่ออินเทอร์เน็ต", "en": "You are offline"}


SLOW = threading.Event()  # set: pages take longer than the worker waits for them
SLOW_SECONDS = 15


class MaybeSlowHandler(QuietHandler):
    def do_GET(self):
        if SLOW.is_set() and self.path.split("?")[0].endswith("/"):  # pages, not files
            time.sleep(SLOW_SECONDS)
        super().do_GET()


class Server:
    """The built site on a fixed port, stopped and started again as a network comes and goes."""

    def __init__(self, output):
        self.output, self.port, self.server = output, 0, None

    def start(self):
        if self.server is not None:
            return f"http://127.0.0.1:{self.port}"
        handler = functools.partial(MaybeSlowHandler, directory=str(self.output))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@pytest.fixture(scope="module")
def venue(tmp_path_factory):
    root = tmp_path_factory.mktemp("offline")
    content, output = root / "content", root / "output"
    shutil.copytree(SITES / "sample" / "content", content)  # never the office's live content
    server = Server(output)
    output.mkdir()
    origin = server.start()
    build = functools.partial(build_site, content, output, SITEURL=origin, FEED_DOMAIN=origin)
    build()
    yield server, origin, content, build
    server.stop()


@pytest.fixture(scope="module")
def phone(venue):
    """One phone for the whole story: visited once online, then offline, then online."""
    from playwright.sync_api import sync_playwright

    _, origin, _, _ = venue
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
        page = context.new_page()
        refused = refused_by_the_policy(page)
        page.goto(f"{origin}/news/opening-ceremony/")  # one visit, to a news page
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        kept_as_read(page)  # the worker keeps the open page after it takes control
        yield page
        assert refused == [], refused
        chromium.close()


def kept_as_read(page, seconds=30):
    """Wait until the worker has stored the page that was open when it took control."""
    deadline = time.monotonic() + seconds
    while not page.evaluate("caches.match(location.href).then(found => Boolean(found))"):
        assert time.monotonic() < deadline, "the worker never kept the page of the first visit"
        page.wait_for_timeout(100)


@pytest.fixture
def gone_offline(venue, phone):
    """The phone, after its first visit, with no network (whichever test runs first)."""
    venue[0].stop()
    return phone


@pytest.fixture
def online(venue, phone):
    venue[0].start()
    return phone


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("path", "shows"), PAGES)
def test_the_fairs_pages_open_offline(venue, gone_offline, lang, path, shows):
    _, origin, _, _ = venue
    page = gone_offline
    prefix = "" if lang == "th" else "en/"
    page.goto(f"{origin}/{prefix}{path}")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(shows).count() > 0
    note = page.locator(".offline-note")
    note.wait_for(state="visible")
    assert note.inner_text().startswith(NOTE[lang])
    if path.startswith("products/") and path != "products/":
        image = page.locator(".photos img").first
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )


def test_the_catalogue_filter_works_offline(venue, gone_offline):
    _, origin, _, _ = venue
    page = gone_offline
    page.goto(f"{origin}/en/products/")
    cards = page.locator(".product-card:visible")
    every = cards.count()
    page.locator("select").first.select_option(index=1)
    page.wait_for_timeout(100)
    assert 0 < cards.count() < every


def test_a_page_read_before_opens_as_it_was(venue, gone_offline):
    _, origin, _, _ = venue
    page = gone_offline
    page.goto(f"{origin}/news/opening-ceremony/")
    assert "รองผู้ว่า" in page.locator("h1").inner_text()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_unvisited_page_gives_the_sites_offline_page(venue, gone_offline, lang):
    _, origin, _, _ = venue
    page = gone_offline
    prefix = "" if lang == "th" else "en/"
    page.goto(f"{origin}/{prefix}galleries/opening-day/")
    assert page.locator("h1").inner_text() == OFFLINE_TITLE[lang]
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(f'.offline-list a[href$="/{prefix}{EDITION}"]').count() == 1
    result = run_axe(page)
    assert [v["id"] for v in result["violations"]] == []


def test_online_again_a_changed_programme_is_seen(venue, online):
    _, origin, content, build = venue
    page = online
    first_version = page.evaluate(KEPT_CACHES)
    edition = content / "editions/27.md"  # the programme is its Programme: list
    text = edition.read_text(encoding="utf-8")
    assert "Title: พิธีเปิดงาน" in text
    edition.write_text(
        text.replace("Title: พิธีเปิดงาน", "Title: พิธีเปิดงานรอบใหม่", 1), encoding="utf-8"
    )
    build()
    page.goto(f"{origin}/{EDITION}")
    assert "พิธีเปิดงานรอบใหม่" in page.locator("main").inner_text()
    assert page.locator(".offline-note").is_hidden()
    page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
    for _ in range(50):  # the new version installs, and the old one is deleted
        names = page.evaluate(KEPT_CACHES)
        if len(names) == 1 and names != first_version:
            break
        page.wait_for_timeout(200)
    assert len(names) == 1 and names != first_version


def test_on_a_network_too_slow_the_kept_copy_shows_after_four_seconds(venue, online):
    """The server answers pages after 15 s: the worker shows its copy after its 4 s."""
    _, origin, _, _ = venue
    page = online
    SLOW.set()
    try:
        started = time.monotonic()
        # a query of its own: past the browser's HTTP cache, not past the worker's copy
        page.goto(f"{origin}/en/{EDITION}?slowly", timeout=30000)
        waited = time.monotonic() - started
        page.locator(".offline-note").wait_for(state="visible")
    finally:
        SLOW.clear()
    assert 3.5 < waited < SLOW_SECONDS - 3, waited  # the worker's 4 s, and a loaded machine
    assert page.locator("#programme").count() == 1
