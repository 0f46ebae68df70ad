"""`invoke import-release`: a press release from Word or text becomes a draft news post, word
for word, dated from its prose, its photos beside it without metadata. Each test imports into
a copy of the frozen sample, then builds the site and reads the page staff would publish."""

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import word_files as word
from conftest import SITES, page
from photos import camera_exif, marked
from PIL import Image
from test_office import make_project, run

from plugins.core import front_matter
from plugins.core.photo_metadata import any_metadata

# The office's own release of the 27th fair (../shared/seed), as it came: a test input only.
SEED = SITES / "releases/press-release-otop-city-27-opening.th.txt"
SEED_LINES = [
    line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()
]
LABEL, HEADLINE, PARAGRAPHS = SEED_LINES[0], SEED_LINES[1], SEED_LINES[2:]
SLUG = "opening-27"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("import") / "site")
    shutil.rmtree(project / "content")
    shutil.copytree(SITES / "sample/content", project / "content")
    return project


def fresh(sample: Path, tmp_path: Path) -> Path:
    """A project of its own for a test: the sample's files, linked where nothing changes."""
    project = tmp_path / "site"
    shutil.copytree(sample, project, symlinks=True)
    return project


def imported(project: Path, source: Path, *options: str):
    done = run(project, "import-release", str(source), "--slug", SLUG, *options)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def publish_thai(project: Path) -> None:
    post = project / f"content/news/{SLUG}.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("Status: draft\n", ""), encoding="utf-8")


def article(project: Path):
    built = run(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    return page(project / "output", f"news/{SLUG}/")


def body_paragraphs(html) -> list[str]:
    body = html.find(class_="article__body")
    return [" ".join(p.get_text().split()) for p in body.find_all("p")]


def seed_as_word(path: Path, photos: list[bytes] = ()) -> Path:
    """The seed typed in Word: the label, the headline in Thai bold (w:bCs only), each
    paragraph in runs cut inside words, the photos after the first paragraph."""
    document = word.new_document()
    word.add_paragraph(document, word.split_runs(LABEL))
    word.add_paragraph(document, word.split_runs(HEADLINE, every=11, bold=True))
    for number, text in enumerate(PARAGRAPHS):
        word.add_paragraph(document, word.split_runs(text, every=5 + number))
        if number == 0 and photos:
            paragraph = document.add_paragraph()
            for photo in photos:
                word.add_photo(paragraph, photo)
    return word.save(document, path)


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_the_seed_release_comes_out_word_for_word(sample, tmp_path, kind):
    project = fresh(sample, tmp_path)
    source = SEED if kind == "txt" else seed_as_word(tmp_path / "ข่าว.docx")
    done = imported(project, source)
    assert "2024-05-28 17:30" in done.stdout and "17.30 น.วันที่ 28 พ.ค. 2567" in done.stdout
    matter, _ = front_matter.read(project / f"content/news/{SLUG}.md")
    assert matter.get("title") == HEADLINE and matter.get("status") == "draft"
    assert matter.get("date") == "2024-05-28 17:30"
    publish_thai(project)
    html = article(project)
    assert html.find("h1").get_text() == HEADLINE
    assert body_paragraphs(html) == PARAGRAPHS  # the office's spelling too: ขอนแด่น, กลไกล
    quote = html.find(class_="article__body").find("blockquote")
    assert quote.get_text().strip() == PARAGRAPHS[2]
    assert "28 พ.ค. 2567" in html.find(class_="article__meta").get_text()
    assert not (project / f"output/en/news/{SLUG}").exists()  # its English twin is a draft


def formatted_release(path: Path) -> Path:
    document = word.new_document()
    word.add_paragraph(document, word.split_runs("ข่าวประชาสัมพันธ์"))
    word.add_paragraph(document, word.split_runs("ตลาดนัดผ้าไหมเปิดแล้ว"))
    bold = word.split_runs("ผ้าไหมมัดหมี่", every=4, bold=True)
    word.add_paragraph(
        document,
        [word.run_xml("วันที่ ๒๘ พ.ค. ๒๕๖๗ เวลา ๙.๓๐ น. "), *bold, word.run_xml(" ราคาพิเศษ")],
    )
    word.add_paragraph(
        document,
        [word.run_xml("บรรทัดแรก"), word.line_break_xml(), word.run_xml("บรรทัดที่สอง")],
    )
    for item in ("ผ้าไหม", "ผ้าฝ้าย"):
        document.add_paragraph(item, style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "สินค้า", (0, 1): "ราคา", (1, 0): "ผ้าไหม",
                                (1, 1): "1,200 บาท"}.items():  # fmt: skip
        table.cell(row, column).text = text
    word.add_paragraph(document, [word.run_xml("ป้าย <b>ลด</b> a*b_c “อ้าง”")])
    return word.save(document, path)


def test_word_formatting_comes_through_as_word_shows_it(sample, tmp_path):
    project = fresh(sample, tmp_path)
    imported(project, formatted_release(tmp_path / "release.docx"))
    publish_thai(project)
    html = article(project)
    body = html.find(class_="article__body")
    assert html.find("h1").get_text() == "ตลาดนัดผ้าไหมเปิดแล้ว"  # the label left out
    assert [strong.get_text() for strong in body.find_all("strong")] == ["ผ้าไหมมัดหมี่"]
    broken = [p for p in body.find_all("p") if p.find("br")]
    assert [p.get_text("|", strip=True) for p in broken] == ["บรรทัดแรก|บรรทัดที่สอง"]

    assert "\\" not in body.get_text()
    assert [li.get_text() for li in body.find("ul").find_all("li")] == ["ผ้าไหม", "ผ้าฝ้าย"]
    assert [th.get_text() for th in body.find_all("th")] == ["สินค้า", "ราคา"]
    assert [td.get_text() for td in body.find_all("td")] == ["ผ้าไหม", "1,200 บาท"]
    typed = body.find_all("p")[-1]
    assert typed.get_text() == "ป้าย <b>ลด</b> a*b_c “อ้าง”" and typed.find("b") is None
    assert html.find("time")["datetime"].startswith("2024-05-28")


def photo_in_release(path: Path) -> tuple[Path, list[Image.Image]]:
    """A release with a phone photo (GPS, serial number, turned by EXIF) inline and two
    photos in a table's cells."""
    first = marked((800, 600))
    cells = [Image.new("RGB", (640, 480), colour) for colour in ("green", "orange")]
    document = word.new_document()
    word.add_paragraph(document, word.split_runs("ภาพบรรยากาศงานวันแรก"))
    word.add_paragraph(document, word.split_runs("เมื่อวันที่ 27 พ.ค. 2567 ประชาชนมาร่วมงาน"))
    word.add_photo(document.add_paragraph(), word.jpeg_bytes(first, camera_exif(6)))
    word.photo_table(document, [word.jpeg_bytes(cell) for cell in cells], ["ภาพหนึ่ง", "ภาพสอง"])
    return word.save(document, path), [first, *cells]


def test_photos_in_word_are_saved_beside_the_post_without_metadata(sample, tmp_path):
    project = fresh(sample, tmp_path)
    source, _ = photo_in_release(tmp_path / "release.docx")
    imported(project, source)
    news = project / "content/news"
    saved = sorted(news.glob(f"{SLUG}-*"))
    assert [path.name for path in saved] == [f"{SLUG}-{n}.jpg" for n in (1, 2, 3)]
    for path in saved:
        with Image.open(path) as image:
            assert any_metadata(image) is None, path.name
    with Image.open(saved[0]) as upright:
        assert upright.size == (600, 800)  # turned as the phone meant, not as stored
    matter, body = front_matter.read(news / f"{SLUG}.md")
    assert matter.get("photo") == f"{SLUG}-1.jpg" and f"{SLUG}-1.jpg" not in body
    publish_thai(project)
    html = article(project)
    cells = html.find(class_="article__body").find("table").find_all("img")
    assert [re.search(r"opening-27-\d", img["src"]).group(0) for img in cells] == [
        f"{SLUG}-2",
        f"{SLUG}-3",
    ]
    assert html.find(class_="article__photo").find("img") is not None


def test_no_date_in_the_text_is_a_question_in_the_file_not_a_guess(sample, tmp_path):
    project = fresh(sample, tmp_path)
    source = tmp_path / "release.txt"
    source.write_text("ประชาสัมพันธ์\nหัวข่าวไม่มีวันที่\n\nเนื้อข่าวไม่บอกวัน 28 พ.ค.\n", "utf-8")
    done = imported(project, source)
    assert "no date found" in done.stdout
    matter, _ = front_matter.read(project / f"content/news/{SLUG}.md")
    assert matter.get("date").startswith("(")
    checked = run(project, "check")
    assert checked.returncode != 0
    assert re.search(rf"news/{SLUG}\.md\n +line 3 +error +Date is still", checked.stdout)


def test_an_english_twin_still_in_thai_is_not_published(sample, tmp_path):
    project = fresh(sample, tmp_path)
    imported(project, SEED)
    for name in (f"{SLUG}.md", f"{SLUG}.en.md"):
        post = project / "content/news" / name
        post.write_text(post.read_text("utf-8").replace("Status: draft\n", ""), "utf-8")
    checked = run(project, "check")
    said = checked.stdout + checked.stderr
    assert checked.returncode != 0
    assert re.search(rf"news/{SLUG}\.en\.md\n +line 2 +error +the en page is still in Thai", said)


def test_a_picture_that_cannot_be_opened_leaves_a_question_and_the_rest_is_kept(sample, tmp_path):
    project = fresh(sample, tmp_path)
    source, _ = photo_in_release(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(broken, "w") as copy:
        media = sorted(n for n in original.namelist() if n.startswith("word/media/"))
        for item in original.infolist():
            data = original.read(item)
            copy.writestr(item, b"\x01\x00\x00\x00EMF?" if item.filename == media[0] else data)
    done = imported(project, broken)
    assert "picture 1 of the Word file cannot be shown" in done.stdout
    news = project / "content/news"
    assert sorted(p.name for p in news.glob(f"{SLUG}-*")) == [f"{SLUG}-1.jpg", f"{SLUG}-2.jpg"]
    checked = run(project, "check")
    assert "as import-release wrote it" in checked.stdout + checked.stderr


def test_what_cannot_be_imported_is_one_line_and_writes_nothing(sample, tmp_path):
    project = fresh(sample, tmp_path)
    before = sorted(p.name for p in (project / "content/news").iterdir())
    old_word = tmp_path / "release.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0 old Word")
    not_word = tmp_path / "release.docx"
    not_word.write_bytes(b"PK\x03\x04 cut short")
    for source, fix in ((old_word, "save it as .docx"), (not_word, "save it again as a Word")):
        done = run(project, "import-release", str(source), "--slug", SLUG)
        assert done.returncode == 1 and fix in done.stderr
        assert "Traceback" not in done.said
    imported(project, photo_in_release(tmp_path / "p.docx")[0])
    again = run(project, "import-release", str(tmp_path / "p.docx"), "--slug", SLUG)
    assert again.returncode == 1 and "already exists" in again.stderr
    after = sorted(p.name for p in (project / "content/news").iterdir())
    assert sorted(set(after) - set(before)) == sorted(
        [f"{SLUG}.md", f"{SLUG}.en.md"] + [f"{SLUG}-{n}.jpg" for n in (1, 2, 3)]
    )
