"""The browser editor (/admin/), driven in Debian's chromium on a frozen copy of the sample
content (tests/sites/sample), with Sveltia's local-repository mode standing for GitHub (see
editor_driver.py). What it saves is read back and built into a real site.

Sign-in to GitHub and the publishing workflow on GitHub cannot run here: the README says how
they are checked by hand.
"""

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import SITES, build_site, page
from editor_driver import Editor, repository_files, serving
from photos import GPS_IFD, camera_exif
from PIL import Image, ImageDraw
from playwright.sync_api import expect
from test_browser import CHROMIUM, CHROMIUM_FLAGS

from plugins.core import front_matter

pytestmark = pytest.mark.browser

SAMPLE = SITES / "sample"
ALLOWED_ELSEWHERE = ("https://www.githubstatus.com/",)  # asked even in local mode
# Sveltia declares CDN copies of the fonts it also serves itself; the policy refuses those
# copies, harmlessly (the editor's UI shows its own): any other refusal fails the test.
HARMLESS_REFUSAL = "Loading the font 'https://cdn.jsdelivr.net/fontsource/"
TYPED = "ข่าว: \"ทดสอบ\" 'หนึ่ง' #1"
TYPED_EN = "Test: \"one\" 'two' #1"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def editor_origin(tmp_path_factory):
    """The sample site, built with its editor, served at http://localhost:<port>."""
    output = build_site(SAMPLE / "content", tmp_path_factory.mktemp("editor") / "output")
    with serving(output) as origin:
        yield origin


@pytest.fixture
def editor(browser, editor_origin):
    context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                  timezone_id="Asia/Bangkok")  # fmt: skip
    editor = Editor(context.new_page(), editor_origin)
    editor.open(repository_files(SAMPLE))
    editor.page.get_by_role("button", name="Create Entry or Assets").wait_for()
    yield editor
    context.close()
    assert [url for url in editor.elsewhere if not url.startswith(ALLOWED_ELSEWHERE)] == []
    assert [text for text in editor.refused if HARMLESS_REFUSAL not in text] == []


def changes(before: dict[str, bytes], after: dict[str, bytes]) -> dict[str, bytes | None]:
    """{path: new bytes, or None when deleted} of what a save changed."""
    changed = {path: data for path, data in after.items() if before.get(path) != data}
    return changed | {path: None for path in before if path not in after}


def saved(editor: Editor, before: dict[str, bytes], expected: str) -> dict[str, bytes | None]:
    """Press Save, and wait until `expected` is written."""
    editor.save()
    for _ in range(60):
        found = changes(before, editor.files())
        if expected in found:
            return found
        editor.page.wait_for_timeout(250)
    raise AssertionError(
        f"{expected} was not saved; changed: {sorted(changes(before, editor.files()))}"
    )


def built_with(tmp_path: Path, saved_files: dict[str, bytes | None]) -> Path:
    """The sample site with what the editor saved, built as make html would."""
    root = tmp_path / "site"
    shutil.copytree(SAMPLE / "content", root / "content")
    for path, data in saved_files.items():
        target = root / path
        if data is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return build_site(root / "content", tmp_path / "output", EDITOR=False)


def set_slug(page, slug: str) -> None:
    page.get_by_role("radio", name="Slug").click()
    page.get_by_role("button", name="Edit Slug").click()
    page.get_by_role("textbox", name="Slug").fill(slug)
    page.get_by_role("button", name="Done").click()


def phone_photo(path: Path, colour: tuple[int, int, int]) -> Path:
    """A phone's photo: stored sideways (orientation 6), with GPS, camera and serial."""
    image = Image.new("RGB", (1600, 1200), colour)
    ImageDraw.Draw(image).rectangle([0, 0, 400, 300], fill=(220, 20, 20))
    image.save(path, "JPEG", quality=90, exif=camera_exif(orientation=6))
    return path


def entries() -> list[tuple[str, str, Path]]:
    """(collection, entry address, the Thai file) of every entry of the sample."""
    content = SAMPLE / "content"
    found = []
    for collection in ("news", "products", "pages"):
        for path in sorted((content / collection).glob("*.md")):
            if not path.stem.endswith(".en"):
                found.append((collection, path.stem, path))
    found += [("editions", p.stem, p) for p in sorted((content / "editions").glob("[0-9]*.md"))
              if not p.stem.endswith(".en")]  # fmt: skip
    found += [
        ("galleries", f"{p.parent.name}/index", p)
        for p in (content / "galleries").glob("*/index.md")
    ]
    return found


def edit_in(page, language: str) -> None:
    """Show `language` (Thai, English) in the editing pane."""
    pane = page.get_by_role("group", name=re.compile(r"^Edit .* Content$"))
    pane.get_by_role("radiogroup", name="Switch Locale").get_by_role("radio", name=language).click()
    page.get_by_role("group", name=f"Edit ⁨{language}⁩ Content").wait_for()


def what_it_says(data: bytes) -> tuple[dict, str]:
    """A file's fields (in any order) and its text, as the build reads them."""
    matter, body = front_matter.parse(Path("x.md"), data.decode("utf-8"))
    return {key: found.value for key, found in matter.fields.items()}, body.strip()


def test_every_file_of_the_sample_opens_with_its_fields_and_saves_unchanged(editor):
    page, origin = editor.page, editor.origin
    before = editor.files()
    for collection, address, thai in entries():
        page.goto(f"{origin}/admin/#/collections/{collection}/entries/{address}")
        title = page.get_by_role("textbox", name="หัวข้อ · Title")
        expect(title).to_have_value(front_matter.read_front_matter(thai).get("title"))
        english = thai.with_name(f"{thai.stem}.en.md")
        if english.exists():
            edit_in(page, "English")
            expect(title).to_have_value(front_matter.read_front_matter(english).get("title"))
            edit_in(page, "Thai")
        if page.get_by_role("button", name="Save").is_enabled():
            editor.save()  # saved as opened: it must say what it said
    for path, data in changes(before, editor.files()).items():
        assert data is not None and path.endswith(".md"), path
        assert what_it_says(data) == what_it_says(before[path]), path


def test_a_news_entry_in_thai_and_english_builds_both_pages(editor, tmp_path):
    page = editor.page
    before = editor.files()
    page.goto(f"{editor.origin}/admin/#/collections/news/new")
    page.get_by_role("textbox", name="หัวข้อ · Title").fill(TYPED)
    page.get_by_role("textbox", name="วันที่และเวลา · Date").fill("2024-05-29T10:30")
    page.get_by_role("radio", name="เผยแพร่ · published").click()
    page.get_by_role("textbox", name="Item Value").fill("ผ้าไหม")
    page.get_by_role("button", name="Add ⁨ป้ายคำ · Tags⁩").click()
    page.get_by_role("textbox", name="Item Value").nth(1).fill("เวที")
    page.get_by_role("textbox", name="เนื้อข่าว · Text").click()
    page.keyboard.type("เนื้อข่าวทดสอบ")
    set_slug(page, "test-news")
    page.get_by_role("radio", name="English (disabled)").first.click()
    page.get_by_role("button", name="Enable ⁨English⁩").click()
    page.get_by_role("textbox", name="หัวข้อ · Title").fill(TYPED_EN)
    page.get_by_role("textbox", name="Item Value").nth(0).fill("Silk")
    page.get_by_role("textbox", name="Item Value").nth(1).fill("Stage")
    page.get_by_role("textbox", name="เนื้อข่าว · Text").click()
    page.keyboard.press("Control+a")
    page.keyboard.type("The English text")
    found = saved(editor, before, "content/news/test-news.en.md")
    assert sorted(found) == ["content/news/test-news.en.md", "content/news/test-news.md"]
    thai = front_matter.parse(Path("x.md"), found["content/news/test-news.md"].decode())[0]
    assert thai.get("date") == "2024-05-29 10:30" and thai.get("status") == "published"
    output = built_with(tmp_path, found)
    for path, title, tags in (("news/test-news/", TYPED, ["ผ้าไหม", "เวที"]),
                              ("en/news/test-news/", TYPED_EN, ["Silk", "Stage"])):  # fmt: skip
        html = page_of(output, path)
        assert html.find("h1").get_text(strip=True) == title
        assert [a.get_text(strip=True) for a in html.select('a[href*="/tag/"]')][:2] == tags
        data = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]')]
        news = next(item for item in data if item.get("@type") == "NewsArticle")
        assert news["datePublished"] == "2024-05-29T10:30:00+07:00"


def page_of(output: Path, path: str):
    return page(output, path)


def test_phone_photos_enter_upright_without_gps_and_build(editor, tmp_path):
    page = editor.page
    before = editor.files()
    photos = [phone_photo(tmp_path / f"IMG_00{n}.jpg", colour) for n, colour in
              enumerate([(20, 40, 200), (20, 160, 60), (200, 160, 20)])]  # fmt: skip
    page.goto(f"{editor.origin}/admin/#/collections/products/new")
    page.get_by_role("textbox", name="หัวข้อ · Title").fill("ผ้าทอ 'ลายใหม่'")
    page.get_by_role("radio", name="ผ้า เครื่องแต่งกาย · Textiles and clothing").click()
    page.get_by_role("spinbutton", name="ดาว · Stars").fill("4")
    page.get_by_role("textbox", name="ผู้ผลิต · Producer").fill("กลุ่มทอผ้าทดสอบ")
    page.get_by_role("combobox", name="อำเภอ · District").click()
    page.get_by_role("option", name="ชนบท · Chonnabot").click()
    page.get_by_role("textbox", name="บูธ · Booth").fill("A09")
    field = page.get_by_role("group", name="“⁨ภาพสินค้า · Photos⁩” Field")
    field.locator("input[type=file]").first.set_input_files([str(p) for p in photos])
    field.get_by_role("button", name="Remove Image").nth(2).wait_for()
    set_slug(page, "test-cloth")
    found = saved(editor, before, "content/products/test-cloth.md")
    product = front_matter.parse(Path("x.md"), found["content/products/test-cloth.md"].decode())[0]
    names = product.items("photo")
    assert len(names) == 3 and all(name.endswith(".webp") for name in names)
    for name in names:
        data = found[f"content/products/{name}"]
        image = Image.open(io.BytesIO(data))
        assert image.size == (1200, 1600)  # upright: the phone's orientation applied
        assert GPS_IFD not in image.getexif() and not image.getexif()
        assert b"SERIAL-0042" not in data and b"PhoneMaker" not in data
    output = built_with(tmp_path, found)
    html = page_of(output, "products/test-cloth/")
    assert html.find("h1").get_text(strip=True) == "ผ้าทอ 'ลายใหม่'"
    shown = {img["src"] for img in html.select("main img") if "/photos/products/" in img["src"]}
    assert (
        len(shown) >= 1
        and len(html.select('main [href*="/photos/products/"], main img[src*="/photos/products/"]'))
        >= 3
    )


def test_a_gallery_with_captions_builds_in_both_languages(editor, tmp_path):
    page = editor.page
    before = editor.files()
    photos = [phone_photo(tmp_path / f"stage-{n}.jpg", colour) for n, colour in
              enumerate([(90, 40, 140), (30, 120, 160)])]  # fmt: skip
    page.goto(f"{editor.origin}/admin/#/collections/galleries/new")
    page.get_by_role("textbox", name="หัวข้อ · Title").fill("วันที่สอง")
    page.get_by_role("textbox", name="วันที่ · Date").fill("2024-05-29")
    listed = page.get_by_role("group", name="“⁨ภาพในอัลบั้ม · Photos⁩” Field")
    captions = [("เวทีกลางยามค่ำ", "The stage at night"), ("บูธผ้าไหม", "Silk stalls")]
    for number, (photo, (thai, english)) in enumerate(zip(photos, captions, strict=True)):
        listed.get_by_role("button", name="Add ⁨ภาพในอัลบั้ม · Photos⁩").click()
        item = listed.get_by_role("group", name="“⁨ภาพ · Photo⁩” Field").nth(number)
        item.locator("input[type=file]").first.set_input_files(str(photo))
        item.get_by_role("button", name="Replace Image").wait_for()
        listed.get_by_role("textbox", name="คำบรรยายภาพ (ไทย) ใช้เป็นข้อความแทนภาพด้วย").nth(
            number
        ).fill(thai)
        listed.get_by_role("textbox", name="Caption (English), also its alt text").nth(number).fill(
            english
        )
    set_slug(page, "day-two")
    found = saved(editor, before, "content/galleries/day-two/index.md")
    assert len([path for path in found if path.endswith(".webp")]) == 2
    output = built_with(tmp_path, found)
    for path, wanted in (("galleries/day-two/", [t for t, _ in captions]),
                         ("en/galleries/day-two/", [e for _, e in captions])):  # fmt: skip
        html = page_of(output, path)
        assert html.find("h1").get_text(strip=True) in ("วันที่สอง",)
        alts = [img.get("alt") for img in html.select("main img")]
        assert all(caption in alts for caption in wanted), alts


def test_an_edit_to_an_entry_changes_only_that_file(editor, tmp_path):
    page = editor.page
    before = editor.files()
    page.goto(f"{editor.origin}/admin/#/collections/news/entries/opening-ceremony")
    summary = page.get_by_role("textbox", name="สรุป · Summary")
    summary.fill("สรุปใหม่: พิธีเปิดงานที่เวทีกลาง")
    found = saved(editor, before, "content/news/opening-ceremony.md")
    assert list(found) == ["content/news/opening-ceremony.md"]
    old = front_matter.parse(Path("x.md"), before["content/news/opening-ceremony.md"].decode())
    new = front_matter.parse(Path("x.md"), found["content/news/opening-ceremony.md"].decode())
    assert new[0].get("summary") == "สรุปใหม่: พิธีเปิดงานที่เวทีกลาง"
    unchanged = {k: v for k, v in old[0].as_written().items() if k != "Summary"}
    assert {k: v for k, v in new[0].as_written().items() if k != "Summary"} == unchanged
    assert new[1].strip() == old[1].strip()
    html = page_of(built_with(tmp_path, found), "news/opening-ceremony/")
    assert html.find("meta", attrs={"name": "description"})["content"].startswith("สรุปใหม่: ")


def test_the_preview_serves_the_editor_and_shows_what_it_saves(browser, tmp_path):
    """make devserver: /admin/ in local-repository mode over the checkout. Chrome writes a
    save into the folder the office picked; here the OPFS folder is read back and written
    to disk, and the preview shows it as it shows any save."""
    from test_office import make_project
    from test_preview import Preview, wait_for

    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "content")
    shutil.copytree(SAMPLE / "content", project / "content")
    preview = Preview(project)
    try:
        assert wait_for(lambda: preview.status()["number"] >= 1, 180)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        editor = Editor(context.new_page(), preview.base)
        editor.open(repository_files(project))
        before = editor.files()
        editor.page.goto(f"{preview.base}/admin/#/collections/news/entries/stage-shows")
        editor.page.get_by_role("textbox", name="สรุป · Summary").fill("สรุปจากตัวแก้ไข")
        found = saved(editor, before, "content/news/stage-shows.md")
        context.close()
        built = preview.after_save(lambda: (project / "content/news/stage-shows.md").write_bytes(
            found["content/news/stage-shows.md"]))  # fmt: skip
        assert built["problems"] == []
        description = preview.page("news/stage-shows/").find("meta", attrs={"name": "description"})
        assert description["content"] == "สรุปจากตัวแก้ไข"
    finally:
        preview.stop()


def test_the_preview_pane_shows_an_entry_with_the_sites_stylesheet_and_thai_face(editor):
    page = editor.page
    page.goto(f"{editor.origin}/admin/#/collections/news/entries/opening-ceremony")
    expect(page.get_by_role("textbox", name="หัวข้อ · Title")).to_have_value(re.compile("^รองผู้ว่า"))
    frame = next(
        f for f in page.frames if f != page.main_frame and f.url.startswith(("blob:", "about:"))
    )
    frame.wait_for_function("document.querySelectorAll('link[rel=stylesheet]').length >= 2")
    sheets = frame.evaluate(
        "[...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)"
    )
    assert any(re.search(r"/theme/css/site\.[0-9a-f]+\.css$", href) for href in sheets), sheets
    frame.wait_for_function("document.fonts.check('16px Sarabun', 'ขอนแก่น')")
    assert "รองผู้ว่าราชการ" in frame.locator("body").inner_text()
