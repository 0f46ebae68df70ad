"""The office's commands, each through its real entry point (`invoke …`) in a temp copy
of the project with a small site."""

import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, SITES, THAI, english, write_tree
from photos import marked, save_jpeg
from PIL import Image

INVOKE = str(Path(sys.executable).parent / "invoke")
PROJECT_FILES = ["tasks.py", "pelicanconf.py", "publishconf.py", "babel.cfg"]


def make_project(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, folder / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.mo")
    for name in ("plugins", "office", "theme"):
        shutil.copytree(ROOT / name, folder / name, ignore=ignore)
    shutil.copytree(SITES / "minimal" / "content", folder / "content")
    return folder


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path / "site")


def run(project: Path, *arguments: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """An office command; its output's problems in English (`said` keeps what staff read:
    Thai first, the English beside it)."""
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(
        [INVOKE, *arguments],
        cwd=project,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    done.said = done.stdout + done.stderr
    done.stdout, done.stderr = english(done.stdout), english(done.stderr)
    return done


def build(project: Path) -> subprocess.CompletedProcess:
    return run(project, "build")


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


# ---- new-* ----------------------------------------------------------------------


def test_new_post_writes_a_thai_draft_in_the_editors_form_that_builds(project):
    from plugins.content_rules.slugs import slug_for_text
    from plugins.core.front_matter import YAML_FORM, read_front_matter

    title = "ขอนแก่นเปิดตลาดนัดผลิตภัณฑ์ชุมชน"
    slug = slug_for_text(title)
    done = run(project, "new-post", title)
    assert done.returncode == 0, done.stderr
    thai = project / f"content/news/{slug}.md"
    assert f"wrote {thai.relative_to(project)}" in done.stdout and "make devserver" in done.stdout
    matter = read_front_matter(thai)
    assert matter.form == YAML_FORM and thai.read_text().startswith("---\n")
    assert matter.get("edition") == "27" and matter.get("date") and matter.get("status") == "draft"
    assert not thai.with_name(f"{slug}.en.md").exists()  # English starts when it is written
    built = build(project)
    assert built.returncode == 0, built.stderr
    assert (project / f"output/drafts/{slug}/index.html").exists()  # previewed as a draft
    assert not (project / f"output/news/{slug}").exists()
    assert not (project / f"output/en/news/{slug}").exists()


def test_new_product_edition_and_gallery_build_cleanly(project):
    edition = run(project, "new-edition", "28", "--start", "26 พ.ค. 2568", "--end", "2568-06-01")
    assert edition.returncode == 0, edition.stderr
    written = (project / "content/editions/28.md").read_text(encoding="utf-8")
    assert "Start: 2025-05-26\nEnd: 2025-06-01" in written
    done = run(
        project,
        "new-product",
        "Khao Jee",
        "--category",
        "food",
        "--district",
        "ชนบท",
        "--booth",
        "F9",
        "--stars",
        "4",
    )

    assert done.returncode == 0, done.stderr
    assert "Photos of the product: put them beside it (content/products/khao-jee.jpg" in done.stdout
    assert "Edition: 28" in (project / "content/products/khao-jee.md").read_text()
    assert run(project, "new-gallery", "stage-day").returncode == 0
    made = run(project, "new-gallery", "วันปิดงาน", "--slug", "closing-day")
    assert made.returncode == 0, made.stderr
    assert "Title: วันปิดงาน" in (project / "content/galleries/closing-day/index.md").read_text()
    assert "--gallery closing-day" in made.stdout
    built = build(project)
    assert built.returncode == 0, built.stderr
    assert (project / "output/editions/28/index.html").exists()
    assert (project / "output/products/khao-jee/index.html").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["new-post", "!!!"], 'Not done: "!!!" gives no address in plain letters: add --slug'),
        (["new-post", "วันแรก", "--slug", "first-day"], "already exists: choose another --slug"),
        (
            ["new-product", "X", "--category", "toys", "--district", "ชนบท", "--booth", "A"],
            '"toys" is not a category',
        ),
        (
            ["new-product", "X", "--category", "food", "--district", "Bangkok", "--booth", "A"],
            '"Bangkok" is not a Khon Kaen district',
        ),
        (
            ["new-product", "X", "--category", "food", "--district", "อ.บ้านไผ", "--booth", "A"],
            '"อ.บ้านไผ" ไม่ใช่อำเภอของจังหวัดขอนแก่น: หมายถึง บ้านไผ่ หรือเปล่า',
        ),
        (
            ["new-product", "X", "--category", "textile", "--district", "ชนบท", "--booth", "A"],
            "did you mean textiles?",
        ),
        (
            ["new-product", "X", "--category", "food", "--district", "ชนบท", "--booth", "A"],
            "ไม่ได้ทำ: ผลิตภัณฑ์นี้ได้ดาว OTOP กี่ดาว? ใส่จำนวนดาว OTOP เช่น --stars 4",
        ),
        (
            ["new-edition", "next", "--start", "2025-05-26", "--end", "2025-06-01"],
            "the edition number is a whole number",
        ),
        (["new-gallery", "!!!"], 'Not done: "!!!" gives no address in plain letters: add --slug'),
        (
            ["new-edition", "29", "--start", "2025-06-01", "--end", "2025-05-26"],
            "--end 2025-05-26 is before --start 2025-06-01 (swap them)",
        ),
        (
            ["new-edition", "29", "--start", "05/06/2025", "--end", "2025-06-10"],
            '--start "05/06/2025" could be read two ways',
        ),
        (
            ["new-edition", "27", "--start", "2025-05-26", "--end", "2025-06-01"],
            "27.md already exists: choose another number, or edit that file",
        ),
        (["import-photos", "/nowhere/at/all", "--gallery", "x"], "/nowhere/at/all is not a folder"),
        (
            ["import-photos", "content/news", "--gallery", "../.."],
            '"../.." is not a gallery name: give the name of a folder in content/galleries/',
        ),
    ],
)
def test_a_wrong_argument_gets_one_line_and_writes_nothing(project, arguments, message):
    before = digests(project / "content")
    done = run(project, *arguments)
    assert done.returncode == 1
    shown = done.said if THAI.search(message) else done.stderr  # Thai: as staff read it
    assert message in shown and len(done.stderr.strip().splitlines()) == 1

    assert digests(project / "content") == before


# ---- import-photos -------------------------------------------------------------------


def test_import_photos_copies_new_ones_skips_copies_and_never_touches_the_source(project, tmp_path):
    camera = tmp_path / "DCIM"
    camera.mkdir()
    save_jpeg(camera / "IMG_0001.jpg", marked((1200, 800)))
    shutil.copy(camera / "IMG_0001.jpg", camera / "IMG_0001 (copy).jpg")
    Image.open(camera / "IMG_0001.jpg").resize((600, 400)).save(camera / "small.jpg", quality=70)
    other = marked((800, 1200))
    other.paste((250, 250, 0), (400, 0, 800, 600))
    save_jpeg(camera / "IMG_0002.jpg", other)
    from photos import heic_bytes

    (camera / "IMG_0003.HEIC").write_bytes(heic_bytes(marked((1000, 750)).rotate(45)))
    source = digests(camera)
    assert run(project, "new-gallery", "day-one").returncode == 0
    done = run(project, "import-photos", str(camera), "--gallery", "day-one")
    assert done.returncode == 0, done.stderr
    assert "3 photo(s) added, 1 already there, 1 near-copies skipped" in done.stdout
    assert digests(camera) == source
    folder = project / "content/galleries/day-one"
    added = sorted(p.name for p in folder.iterdir() if p.suffix in {".jpg", ".heic"})
    assert len(added) == 3 and all(name.startswith("day-one-") for name in added)
    from plugins.core.front_matter import read_front_matter

    listed = read_front_matter(project / "content/galleries/day-one/index.md").items("photos")
    assert sorted(item["File"] for item in listed) == added  # each to caption, in the editor too
    assert "content/galleries/day-one/index.md (Photos:)" in done.stdout
    again = run(project, "import-photos", str(camera), "--gallery", "day-one")
    assert "0 photo(s) added" in again.stdout
    assert build(project).returncode == 0


def test_import_photos_into_a_gallery_that_does_not_exist(project, tmp_path):
    (tmp_path / "camera").mkdir()
    done = run(project, "import-photos", str(tmp_path / "camera"), "--gallery", "nowhere")
    assert done.returncode == 1 and 'there is no gallery "nowhere"' in done.stderr


# ---- check ------------------------------------------------------------------------


def test_check_reports_every_problem_by_file_and_line(project):
    write_tree(
        project / "content",
        {
            "news/bad.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n",
            "galleries/g/index.md": "Title: ภาพ\n\nmissing.jpg: ไม่มี\n",
        },
    )
    save_jpeg(project / "content/galleries/g/one.jpg", marked())
    save_jpeg(project / "content/products/silk.jpg", marked())
    silk = (project / "content/products/silk.md").read_text(encoding="utf-8")
    silk = silk.replace("Booth: A01\n", "Booth: A01\nPhoto: silk.jpg\n")
    (project / "content/products/silk.md").write_text(silk, encoding="utf-8")
    (project / "content/galleries/g/broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    done = run(project, "check")
    assert done.returncode == 1
    report = done.stdout
    assert (
        'content/news/bad.md\n  line 2    error    Date "28/13/2567" has no month 13 (write 2024-05-28, or 28 พ.ค. 2567)'
        in report
    )
    assert 'content/galleries/g/index.md\n  line 3    error    Caption for "missing.jpg"' in report
    assert (
        "content/galleries/g/broken.jpg\n  file      error    is damaged: the file ends early"
        in report
    )
    assert (
        "no English caption, which is also its alt text "
        "(write its Caption_en: under Photos: in index.md, or in the editor)"
    ) in report
    assert "no en translation yet" in report
    assert (
        "content/products/balm.md\n  file      warning  has no photo yet (put one beside it, "
        "e.g. balm.jpg, and add the line Photo: balm.jpg)"
    ) in report
    assert "content/products/silk.md\n" not in report.split("balm.md")[1]  # it has its photo


def test_check_finds_a_broken_internal_link_in_the_built_site(project):
    write_tree(
        project / "content",
        {"news/links.md": "Title: ลิงก์\nDate: 2024-05-28\n\n[ข่าวที่ไม่มี](/news/nope/)\n"},
    )
    done = run(project, "check")
    assert done.returncode == 1
    assert (
        "output/news/links/index.html\n  file      error    links to /news/nope/, which the built site does not have"
        in done.stdout
    )


def test_check_passes_a_clean_site(project):
    done = run(project, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 error(s)" in done.stdout
    kept = re.search(r"Kept on a phone for offline use after one visit: ([\d.]+) MB", done.stdout)
    assert kept and 0 < float(kept[1]) <= 2.0


# ---- helpers for the preview's tests (test_preview.py) ----------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(condition, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_clean_removes_the_site_and_keeps_the_made_photos(project):
    (project / "content/galleries/market").mkdir(parents=True)
    save_jpeg(project / "content/galleries/market/stall.jpg", marked((800, 600)))
    assert build(project).returncode == 0
    made = sorted((project / "cache/gallery").glob("*.webp"))
    assert made and (project / "output/index.html").exists()
    assert run(project, "clean").returncode == 0
    assert not (project / "output").exists()
    assert sorted((project / "cache/gallery").glob("*.webp")) == made
    assert run(project, "clean", "--cache").returncode == 0
    assert not (project / "cache").exists()


# ---- no traceback for a writer's mistake -------------------------------------------------

MISTAKES = {
    "front matter": (
        {"news/bad.md": "Title: ข่าว\nDate: 31/02/2567\n\nข่าว\n"},
        'content/news/bad.md:2: Date "31/02/2567" has no such day: February 2567 has 29 days',
    ),
    "programme": (
        {"editions/27.programme.md": "| Date | Start | End | a | b | c | d |\n|---|---|---|---|---|---|---|\n"
         "| 2024-05-28 | 25.00 | 19.00 | x | y | z | w |\n"},
        'content/editions/27.programme.md:3: "25.00" is not a time',
    ),
    "missing photo": (
        {"news/photo.md": "Title: ภาพ\nDate: 2024-05-28\n\n![ภาพ](nothere.jpg)\n"},
        'content/news/photo.md:4: Photo "nothere.jpg" is not in content/',
    ),
    "missing map": (
        {"editions/27.md": (SITES / "minimal/content/editions/27.md").read_text(encoding="utf-8")
         .replace("Title:", "Map: images/none.svg\nTitle:", 1)},
        "content/editions/27.md:1: Map: content/images/none.svg is not there (check the name)",
    ),
}  # fmt: skip


@pytest.mark.parametrize("mistake", MISTAKES)
def test_a_writers_mistake_is_said_in_one_line_without_a_traceback(project, mistake):
    files, message = MISTAKES[mistake]
    write_tree(project / "content", files)
    done = build(project)
    said = done.stdout + done.stderr
    assert done.returncode == 1
    assert message in said and "Traceback" not in said
    assert said.index(message) < said.index("CRITICAL")  # in the order it was said
    debugged = run(project, "build", "--debug")
    assert "Traceback" in debugged.stdout + debugged.stderr  # for developers


def test_collecting_the_interface_words_keeps_the_catalogs_whole(project):
    """`invoke translations` updates the catalogs without losing their headers (the Thai
    plural form) or a translation already made."""
    from babel.messages.pofile import read_po

    catalogs = project / "theme/translations"
    before = {}
    for lang in ("th", "en"):
        with (catalogs / lang / "LC_MESSAGES/messages.po").open("rb") as file:
            before[lang] = {m.id: m.string for m in read_po(file) if m.id and m.string}
    done = run(project, "translations")
    assert done.returncode == 0, done.stderr
    for lang in ("th", "en"):
        text = (catalogs / lang / "LC_MESSAGES/messages.po").read_text(encoding="utf-8")
        assert f"Language: {lang}" in text and "Plural-Forms: nplurals=" in text
        with (catalogs / lang / "LC_MESSAGES/messages.po").open("rb") as file:
            after = {m.id: m.string for m in read_po(file) if m.id and m.string}
        assert after == before[lang]


def test_a_new_gallery_is_dated_by_its_first_photo(project, tmp_path):
    from PIL import Image

    from plugins.core.front_matter import read_front_matter

    camera = tmp_path / "DCIM"
    camera.mkdir()
    for number, stamp in enumerate(["2024:05:29 09:00:00", "2024:05:28 17:35:12"]):
        exif = Image.Exif()
        exif[0x0132] = stamp
        Image.effect_noise((400, 300), 80).convert("RGB").save(
            camera / f"IMG_{number}.JPG", exif=exif
        )
    assert run(project, "new-gallery", "day-one").returncode == 0
    done = run(project, "import-photos", str(camera), "--gallery", "day-one")
    assert done.returncode == 0, done.stderr
    notes = read_front_matter(project / "content/galleries/day-one/index.md")
    assert notes.get("date") == "2024-05-28" and list(notes.fields)[:2] == ["title", "date"]
    listed = [item["File"] for item in notes.items("photos")]
    assert listed == ["day-one-20240528-173512.jpg", "day-one-20240529-090000.jpg"]  # as taken


def test_placeholder_text_is_an_error_in_any_file_until_written(project):
    assert run(project, "new-post", "ข่าวใหม่", "--slug", "new-news").returncode == 0
    said = run(project, "check").stdout
    assert (
        'content/news/new-news.md\n  line 9    error    the text is still "เขียนเนื้อข่าวที่นี่", as new-post wrote it'
        in said
    )


def test_a_thai_letter_cut_between_two_reads_is_shown_whole(capfd):
    """A command's output reaches staff as it was written, even when a letter's bytes
    arrive in two reads (invoke's c.run printed "���" for them on a busy machine)."""
    from office.relay import run_and_show

    letter = "ต".encode()
    writer = (
        "import sys, time; out = sys.stdout.buffer; "
        f"out.write({letter[:2]!r}); out.flush(); time.sleep(0.3); "
        f"out.write({letter[2:]!r} + 'ข่าว\\n'.encode()); out.flush(); sys.exit(3)"
    )
    code, said = run_and_show([sys.executable, "-c", writer])
    assert (code, said) == (3, "ตข่าว\n")
    assert capfd.readouterr().out == "ตข่าว\n"


def test_make_serve_shows_the_site_its_404_page_and_no_traceback(project):
    """`make serve` (invoke serve): the built site, the site's own 404 page for a wrong
    address in its language, and nothing printed when a browser cancels a download
    (Pelican's own server printed a traceback for each)."""
    import struct

    output = project / "output"
    write_tree(output, {"index.html": "<h1>หน้าแรก</h1>", "404.html": "ไม่พบหน้านี้",
                        "en/404.html": "Page not found"})  # fmt: skip
    (output / "big.html").write_bytes(b"x" * 20_000_000)
    port = free_port()
    server = subprocess.Popen([INVOKE, "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: "หน้าแรก" in fetch(f"{base}/"))
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch(f"{base}/en/no-such-page/")
        assert missing.value.code == 404 and missing.value.read().decode() == "Page not found"
        for _ in range(3):
            client = socket.create_connection(("127.0.0.1", port))
            client.sendall(b"GET /big.html HTTP/1.1\r\nHost: localhost\r\n\r\n")
            client.recv(1024)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            client.close()
        assert "หน้าแรก" in fetch(f"{base}/")
    finally:
        server.terminate()
        said = server.communicate(timeout=20)[0]
    assert f"http://localhost:{port}/" in said and "Traceback" not in said
