"""The preview (`invoke livereload`), running as the office runs it, in a temp copy of the
project: every kind of change shows without a restart, a press release edit rewrites only
the pages that show it, and what the preview leaves in output/ is what a clean build makes."""

import filecmp
import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import english
from photos import marked, save_jpeg
from test_office import INVOKE, fetch, free_port, make_project, wait_for

PELICAN = str(Path(sys.executable).parent / "pelican")
PREVIEW = [
    "-e",
    "PREVIEW=true",
    "SEARCH_INDEX=false",
    "SOCIAL_PAGE_CARDS=false",
    "PRINTED_EDITIONS=false",
]  # office/preview.py's PREVIEW_SETTINGS


class Preview:
    def __init__(self, project: Path):
        self.project, self.port = project, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [INVOKE, "livereload", "--port", str(self.port)]
        self.process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)  # fmt: skip

    def status(self) -> dict:
        return json.loads(fetch(f"{self.base}/__preview/status"))

    def page(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(fetch(f"{self.base}/{path}"), "html.parser")

    def after_save(self, change) -> dict:
        """Make the change, then wait for the build it causes; its status."""
        before = self.status()["number"]
        change()
        assert wait_for(lambda: self.status()["number"] > before), "no build after the save"
        return self.status()

    def stop(self) -> str:
        self.process.terminate()
        return self.process.communicate(timeout=20)[0]


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("preview") / "site")
    gallery = project / "content/galleries/market"
    gallery.mkdir(parents=True)
    save_jpeg(gallery / "stall.jpg", marked((800, 600)))
    running = Preview(project)
    assert wait_for(lambda: running.status()["number"] >= 1, 120)
    yield running
    running.stop()


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_press_release_edit_rewrites_only_the_pages_that_show_it(preview, tmp_path):
    output = preview.project / "output"
    untouched = output / "products/index.html"
    stamp = untouched.stat().st_mtime_ns
    news = preview.project / "content/news/first-day.md"
    status = preview.after_save(lambda: replace_in(news, "เนื้อข่าววันแรก", "เนื้อข่าวฉบับแก้ไข"))
    assert status["problems"] == []
    assert "เนื้อข่าวฉบับแก้ไข" in preview.page("news/first-day/").find(class_="prose").text
    listed = preview.page("news/").find(string=lambda text: "เนื้อข่าวฉบับแก้ไข" in text)
    assert listed is not None  # the summary in the news list
    assert untouched.stat().st_mtime_ns == stamp  # a page that does not show it
    assert_same_as_a_clean_build(preview, tmp_path)


def test_a_paragraph_below_the_summary_rewrites_only_its_own_page_and_feeds(tmp_path):
    """Listings show a release's title and first paragraph: a paragraph added below leaves
    them as they are, so a save costs its own page and the feeds, not every listing."""
    project, site = incremental_site(tmp_path)
    news = project / "content/news/first-day.md"
    news.write_text(news.read_text(encoding="utf-8") + "\n\nย่อหน้าใหม่ท้ายข่าว\n", "utf-8")
    written = {Path(path).relative_to(project / "output").as_posix() for path in site.refresh(news)}
    assert written == {"news/first-day/index.html", "feeds/atom.xml", "feeds/rss.xml",
                       "en/feeds/atom.xml", "en/feeds/rss.xml"}  # fmt: skip
    own = (project / "output/news/first-day/index.html").read_text(encoding="utf-8")
    assert "ย่อหน้าใหม่ท้ายข่าว" in own
    replace_in(news, "เนื้อข่าววันแรก", "เนื้อข่าวฉบับแก้ไข")  # in the first paragraph
    assert "news/index.html" in {Path(p).relative_to(project / "output").as_posix()
                                 for p in site.refresh(news)}  # fmt: skip


def incremental_site(tmp_path: Path):
    from office.incremental import IncrementalSite
    from office.preview import PREVIEW_SETTINGS

    project = make_project(tmp_path / "site")
    paths = {"PATH": str(project / "content"), "OUTPUT_PATH": str(project / "output"),
             "CACHE_PATH": str(project / "cache")}  # fmt: skip
    site = IncrementalSite(project / "pelicanconf.py", {**paths, **PREVIEW_SETTINGS})
    site.build()
    return project, site


def test_a_css_change_writes_the_stylesheet_alone(tmp_path):
    project, site = incremental_site(tmp_path)
    home = project / "output/index.html"
    stamp = home.stat().st_mtime_ns
    css = project / "theme/css/components.css"
    css.write_text(css.read_text() + ".preview-test { color: rebeccapurple }\n")
    assert site.update({css}) == "wrote the stylesheet again"
    assert "rebeccapurple" in (project / "output/theme/css/site.css").read_text()
    assert home.stat().st_mtime_ns == stamp
    assert 'href="/theme/css/site.css"' in home.read_text(encoding="utf-8")


def test_a_product_title_shows_in_its_page_and_the_catalogue(preview):

    product = preview.project / "content/products/silk.md"
    status = preview.after_save(
        lambda: replace_in(product, "Title: ผ้าไหมมัดหมี่", "Title: ผ้าไหมลายใหม่")
    )
    assert status["problems"] == []
    assert preview.page("products/silk/").h1.text.strip() == "ผ้าไหมลายใหม่"
    assert "ผ้าไหมลายใหม่" in preview.page("products/").text


def test_a_new_gallery_photo_is_published(preview):
    folder = preview.project / "content/galleries/market"
    status = preview.after_save(lambda: save_jpeg(folder / "stage.jpg", marked((900, 600))))
    assert status["problems"] == []
    sources = [img["src"] for img in preview.page("galleries/market/").find_all("img")]
    new = [src for src in sources if "/stage-" in src]
    assert new, sources
    with urllib.request.urlopen(f"{preview.base}{new[0]}") as response:
        assert response.status == 200


def test_a_css_rule_reaches_the_pages(preview):
    css = preview.project / "theme/css/components.css"
    rule = ".preview-test { color: rebeccapurple }\n"
    status = preview.after_save(lambda: css.write_text(css.read_text() + rule))
    assert status["problems"] == []
    link = preview.page("").find("link", rel="stylesheet")["href"]
    assert rule.strip() in fetch(f"{preview.base}{link}")


def test_the_programme_a_template_and_a_script_reach_the_pages(preview):
    programme = preview.project / "content/editions/27.programme.md"
    status = preview.after_save(lambda: replace_in(programme, "Mor lam", "Mor lam night"))
    assert status["problems"] == []
    assert "Mor lam night" in preview.page("en/editions/27/").text
    footer = preview.project / "theme/templates/partials/_footer.html"
    preview.after_save(lambda: footer.write_text(footer.read_text() + "<p>footer-test</p>\n"))
    assert "footer-test" in preview.page("en/news/").text
    script = preview.project / "theme/static/js/share.js"
    preview.after_save(lambda: script.write_text(script.read_text() + "/* script-test */\n"))
    assert "script-test" in fetch(f"{preview.base}/theme/js/share.js")


def test_a_mistake_is_shown_and_the_next_good_save_clears_it(preview):
    news = preview.project / "content/news/first-day.md"
    status = preview.after_save(
        lambda: replace_in(news, "Date: 2024-05-27 10:00", "Date: 28/13/2567")
    )
    assert status["ok"] is False
    assert any("content/news/first-day.md:2" in line and "has no month 13" in line
               and "ไม่มีเดือนที่ 13" in line for line in status["problems"])  # fmt: skip
    assert "__preview-status.js" in fetch(f"{preview.base}/news/first-day/")  # still served
    status = preview.after_save(
        lambda: replace_in(news, "Date: 28/13/2567", "Date: 2024-05-27 10:00")
    )
    assert status["problems"] == []


def test_a_photo_that_cannot_be_used_is_shown_over_the_page(preview):
    folder = preview.project / "content/galleries/market"
    status = preview.after_save(lambda: (folder / "broken.jpg").write_bytes(b"not a photo"))
    assert status["ok"] is True  # the rest of the site was written
    assert [english(line) for line in status["problems"]] == [
        "content/galleries/market/broken.jpg: is not a photo that can be read: damaged, or "
        "another kind of file named like a photo; left out"
    ]

    status = preview.after_save(lambda: (folder / "broken.jpg").unlink())
    assert status == {"number": status["number"], "ok": True, "problems": []}


def test_a_crash_of_the_build_reaches_the_page_too(preview):
    footer = preview.project / "theme/templates/partials/_footer.html"
    before = footer.read_text()
    status = preview.after_save(lambda: footer.write_text(before + "{% if %}\n"))
    assert status["ok"] is False and len(status["problems"]) == 1
    assert "TemplateSyntaxError" in status["problems"][0]
    status = preview.after_save(lambda: footer.write_text(before))
    assert status["ok"] is True


def test_an_unknown_address_gets_the_sites_404_page_in_its_language(preview):
    for path, lang in (("no/such/page/", "th"), ("en/no/such/page/", "en")):
        with pytest.raises(urllib.error.HTTPError) as answer:
            fetch(f"{preview.base}/{path}")
        assert answer.value.code == 404
        html = BeautifulSoup(answer.value.read().decode("utf-8"), "html.parser")
        assert html.html["lang"] == lang


def test_a_settings_change_starts_the_preview_again(preview):
    settings = preview.project / "pelicanconf.py"
    replace_in(settings, 'SITENAME = "OTOP City ขอนแก่น"', 'SITENAME = "OTOP City ขอนแก่น ทดลอง"')
    assert wait_for(lambda: "ขอนแก่น ทดลอง" in preview.page("").title.text, 60)
    assert preview.process.poll() is None  # the same server, started again in place


def assert_same_as_a_clean_build(preview: "Preview", folder: Path) -> None:
    """The preview's output/ is what a whole build makes (at the preview's own address)."""
    project, clean = preview.project, folder / "clean"
    cache = f'CACHE_PATH="{folder / "cache"}"'
    served = f'FEED_DOMAIN="http://localhost:{preview.port}"'
    command = [
        PELICAN,
        "content",
        "-o",
        str(clean),
        "-s",
        "pelicanconf.py",
        *PREVIEW,
        cache,
        served,
    ]
    subprocess.run(command, cwd=project, check=True, capture_output=True)
    built = sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_file())
    previewed = {p.relative_to(project / "output") for p in (project / "output").rglob("*")}
    assert [path for path in built if path not in previewed] == []
    pages = [path for path in built if path.suffix in {".html", ".xml", ".ics", ".css"}]
    match, mismatch, errors = filecmp.cmpfiles(clean, project / "output", pages, shallow=False)
    assert mismatch == [] and errors == []
    assert len(match) > 50


def test_what_the_preview_wrote_is_what_a_clean_build_makes(preview, tmp_path):
    """After every change above, output/ is the same as a whole new build's."""
    assert_same_as_a_clean_build(preview, tmp_path)


def test_a_busy_port_is_one_line_and_the_preview_takes_the_next(tmp_path):
    import re
    import socket

    project = make_project(tmp_path / "site")
    with socket.socket() as holder:  # another program on the port asked for
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        busy = holder.getsockname()[1]
        command = [INVOKE, "livereload", "--port", str(busy)]
        process = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True)  # fmt: skip
        try:
            first = process.stdout.readline()
            found = re.search(
                rf"Port {busy} is in use \(another preview\?\): this one uses (\d+)", first
            )
            assert found, first
            port = int(found[1])
            base = f"http://127.0.0.1:{port}"
            assert wait_for(
                lambda: json.loads(fetch(f"{base}/__preview/status"))["number"] >= 1, 120
            )
            html = BeautifulSoup(fetch(f"{base}/news/first-day/"), "html.parser")
            assert html.find("link", rel="canonical")["href"].startswith(
                f"http://localhost:{port}/"
            )
        finally:
            process.terminate()
            said = first + process.communicate(timeout=20)[0]
    assert "Traceback" not in said


def test_a_request_the_browser_cancels_is_not_reported(tmp_path, capfd):
    """A browser leaving a page mid-download is normal: the preview prints nothing of it."""
    import socket
    import struct
    import time

    from office.server import start_server

    (tmp_path / "big.html").write_bytes(b"x" * 20_000_000)
    server = start_server(tmp_path, free_port(), status=None, script="")
    try:
        for _ in range(3):
            client = socket.create_connection(server.server_address)
            client.sendall(b"GET /big.html HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert client.recv(1024).startswith(b"HTTP/1.0 200")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()  # a reset, as a cancelled request
        time.sleep(1)
        fetched = fetch(f"http://127.0.0.1:{server.server_address[1]}/big.html")
        assert len(fetched) == 20_000_000
    finally:
        server.shutdown()
    said = capfd.readouterr()
    assert "Traceback" not in said.err + said.out and "Error" not in said.err + said.out
