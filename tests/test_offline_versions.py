"""The offline copy across publishes, as it happens on GitHub Pages: a server that lets the
browser keep every file for 10 minutes (Cache-Control: max-age=600), a page read, a publish,
another page visited online, then the network gone. And two sites on one origin (an edition's
own Pages site beside the main one): neither deletes or serves the other's copies."""

import functools
import http.server
import shutil
import threading

import pytest
from conftest import SITES, QuietHandler, build_site
from test_browser import CHROMIUM, CHROMIUM_FLAGS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("offline-versions")]

EDITION = "editions/27/"
KEPT_CACHES = "caches.keys().then(k => k.filter(n => n.includes('|kept|')))"


class PagesLikeHandler(QuietHandler):
    """As GitHub Pages answers: every file may be kept by the browser for 10 minutes."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


class Server:
    def __init__(self, folder):
        self.folder, self.port, self.server = folder, 0, None

    def start(self) -> str:
        handler = functools.partial(PagesLikeHandler, directory=str(self.folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def site(tmp_path, name: str):
    content = tmp_path / name / "content"
    shutil.copytree(SITES / "sample" / "content", content)
    return content


def publish(content, output, origin: str, **override):
    build_site(content, output, SITEURL=origin, FEED_DOMAIN=origin, SEARCH_INDEX=False,
               EDITOR=False, **override)  # fmt: skip


def controlled(page, url: str) -> None:
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # the worker keeps 0.6 MB before it takes the page: give a loaded machine time
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=90_000)


def new_version_active(page, before: list[str]) -> list[str]:
    for _ in range(100):
        names = page.evaluate(KEPT_CACHES)
        if len(names) == 1 and names != before:
            return names
        page.wait_for_timeout(100)
    raise AssertionError(f"no new version: {names}")


def change_programme(content, old: str, new: str) -> None:
    edition = content / "editions/27.md"
    text = edition.read_text(encoding="utf-8")
    assert old in text
    edition.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_after_a_publish_the_offline_programme_is_the_new_one(browser, tmp_path):
    content, output = site(tmp_path, "one"), tmp_path / "one" / "output"
    output.mkdir()
    server = Server(output)
    origin = server.start()
    publish(content, output, origin)
    page = browser.new_context().new_page()
    controlled(page, f"{origin}/{EDITION}")
    page.reload()  # read with the worker in place: kept as read, and in the browser's cache
    assert "17.30" in page.locator("main").inner_text()
    before = page.evaluate(KEPT_CACHES)
    change_programme(content, "Start: '17.30'", "Start: '18.45'")
    publish(content, output, origin)
    page.goto(f"{origin}/news/opening-ceremony/")  # another page, online: the worker updates
    new_version_active(page, before)
    server.stop()
    page.goto(f"{origin}/{EDITION}")
    programme = page.locator("main").inner_text()
    assert "18.45" in programme and "17.30" not in programme.split("19.30")[0]


def test_a_calendar_kept_offline_stays_a_calendar(browser, tmp_path):
    """An .ics read once must come back as text/calendar: as HTML, a title could run."""
    content, output = site(tmp_path, "ics"), tmp_path / "ics" / "output"
    change_programme(content, "Title: พิธีเปิดงาน", 'Title: <img src=x onerror="window.injected=1">')
    output.mkdir()
    server = Server(output)
    origin = server.start()
    publish(content, output, origin)
    page = browser.new_context(accept_downloads=True).new_page()
    controlled(page, f"{origin}/{EDITION}")
    calendar = f"{origin}/{EDITION}programme.ics"
    frame = "(url) => new Promise(r => { const f = document.createElement('iframe'); f.onload = () => r(f.contentDocument && f.contentDocument.contentType); f.src = url; document.body.append(f); setTimeout(() => r('no load'), 3000); })"
    page.evaluate(frame, calendar)  # read online, through the worker
    server.stop()
    page.goto(f"{origin}/{EDITION}")
    shown = page.evaluate(frame, calendar)
    assert shown != "text/html", shown
    assert page.evaluate("window.injected") is None


def test_two_sites_on_one_origin_keep_their_own_copies(browser, tmp_path):
    main, past = site(tmp_path, "main"), site(tmp_path, "past")
    output = tmp_path / "main" / "output"
    output.mkdir()
    server = Server(output)
    origin = server.start()
    publish(main, output, origin)
    publish(past, output / "edition-27", f"{origin}/edition-27")
    page = browser.new_context().new_page()
    controlled(page, f"{origin}/{EDITION}")
    controlled(page, f"{origin}/edition-27/{EDITION}")
    scopes = "caches.keys().then(k => k.map(n => n.split('|')[1]))"
    assert {f"{origin}/", f"{origin}/edition-27/"} <= set(page.evaluate(scopes))
    before = [n for n in page.evaluate(KEPT_CACHES) if n.split("|")[1] == f"{origin}/"]
    change_programme(main, "Start: '17.30'", "Start: '18.45'")
    publish(main, output, origin)
    page.goto(f"{origin}/news/opening-ceremony/")
    for _ in range(100):  # the main site's new version replaces its own old one only
        kept = page.evaluate(KEPT_CACHES)
        mine = [n for n in kept if n.split("|")[1] == f"{origin}/"]
        if len(mine) == 1 and mine != before:
            break
        page.wait_for_timeout(100)
    assert len(mine) == 1 and mine != before and len(kept) == 2, kept
    assert f"{origin}/edition-27/" in page.evaluate(scopes)
    server.stop()
    page.goto(f"{origin}/edition-27/{EDITION}")
    assert "17.30" in page.locator("main").inner_text()  # its own copy, offline
    page.goto(f"{origin}/{EDITION}")
    assert "18.45" in page.locator("main").inner_text()
