"""`make screenshots`: the README's pictures of the editor, made by driving the real editor
in Debian's chromium with the same code the tests use (editor_driver.py), on the frozen
sample site. They are written to .github/screenshots/ and committed with the README.
Usage: python tests/screenshots.py
"""

import tempfile
from pathlib import Path

from conftest import ROOT, SITES, build_site
from editor_driver import Editor, repository_files, serving
from test_browser import CHROMIUM, CHROMIUM_FLAGS
from test_editor import phone_photo, set_slug

FOLDER = ROOT / ".github" / "screenshots"
SIZE = {"width": 1280, "height": 800}


def shoot(page, name: str) -> None:
    page.wait_for_timeout(600)  # let the editor's transitions end
    page.screenshot(path=str(FOLDER / f"{name}.png"))
    print(f"wrote {(FOLDER / f'{name}.png').relative_to(ROOT)}")


def news_entry(editor: Editor) -> None:
    page = editor.page
    page.goto(f"{editor.origin}/admin/#/collections/news/new")
    page.get_by_role("textbox", name="หัวข้อ · Title").fill("ขอนแก่นชวนเที่ยวงาน OTOP City วันสุดท้าย")
    page.get_by_role("textbox", name="วันที่และเวลา · Date").fill("2024-06-02T09:00")
    page.get_by_role("textbox", name="Item Value").fill("ผ้าไหม")
    page.get_by_role("textbox", name="เนื้อข่าว · Text").click()
    page.keyboard.type("วันนี้เป็นวันสุดท้ายของงาน ผู้ผลิตหลายบูธลดราคาสินค้า")
    set_slug(page, "last-day")
    shoot(page, "3-new-news-in-thai")
    page.get_by_role("radio", name="English (disabled)").first.click()
    page.get_by_role("button", name="Enable ⁨English⁩").click()
    page.get_by_role("textbox", name="หัวข้อ · Title").fill("Last day of OTOP City in Khon Kaen")
    shoot(page, "4-its-english-translation")


def product_photos(editor: Editor, folder: Path) -> None:
    page = editor.page
    page.goto(f"{editor.origin}/admin/#/collections/products/new")
    page.get_by_role("textbox", name="หัวข้อ · Title").fill("ผ้าไหมมัดหมี่ลายนาคน้อย")
    photos = [
        phone_photo(folder / f"IMG_{n}.jpg", c)
        for n, c in enumerate([(150, 40, 60), (40, 90, 150)])
    ]
    field = page.get_by_role("group", name="“⁨ภาพสินค้า · Photos⁩” Field")
    field.locator("input[type=file]").first.set_input_files([str(p) for p in photos])
    field.get_by_role("button", name="Remove Image").nth(1).wait_for()
    field.scroll_into_view_if_needed()
    shoot(page, "5-product-photos-uploaded")


def main() -> None:
    from playwright.sync_api import sync_playwright

    FOLDER.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        repository = "otopcity-khonkaen/otopcity-khonkaen.github.io"  # as publishconf.py says
        output = build_site(
            SITES / "sample" / "content", Path(work) / "output", EDITOR_REPOSITORY=repository
        )
        with serving(output) as origin:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            context = browser.new_context(viewport=SIZE, timezone_id="Asia/Bangkok", locale="th-TH")
            editor = Editor(context.new_page(), origin)
            editor.page.goto(f"{origin}/admin/")
            editor.page.get_by_role("button", name="Work with Local Repository").wait_for()
            shoot(editor.page, "1-sign-in")
            editor.open(repository_files(SITES / "sample"))
            editor.page.get_by_role("button", name="Create Entry or Assets").wait_for()
            shoot(editor.page, "2-the-news")
            news_entry(editor)
            product_photos(editor, Path(work))
            browser.close()


if __name__ == "__main__":
    main()
