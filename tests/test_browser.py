"""The sample site in Debian's chromium: language switch, axe-core, the Nu HTML checker,
Lighthouse. Run with `make test`; `make test-fast` leaves these out."""

import contextlib
import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NODE_TOOLS = ROOT / "node_modules"
PAGES = [
    "",
    "news/",
    "news/opening-ceremony/",
    "news/chuan-thiao-wansutthai-sinkha-ladrakha-lai-but/",
    "pages/visit/",
    "category/news/",
    "tags/",
    "archives/",
    "404.html",
    "galleries/",
    "galleries/opening-day/",
    "editions/",
    "editions/27/",
    "editions/27/venue/",
    "products/",
    "products/category/textiles/",
    "products/chonnabot-mudmee-silk/",
    "products/herbal-compress-waeng-yai/",
    "search/",
    "offline/",
]
BOTH_LANGUAGES = PAGES + [f"en/{path}" for path in PAGES if "chuan" not in path]


@contextlib.contextmanager
def small_phone(url: str):
    """Debian's chromium as a 360 px phone, opened at `url`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = chromium.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
            page.goto(url)
            yield page
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def refused_by_the_policy(page) -> list[str]:
    """What the page's Content-Security-Policy refused, as chromium reports it."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def run_axe(page) -> dict:
    """axe-core in the page, through the driver: a <script> tag it added would be inline
    script, which the page's Content-Security-Policy rightly refuses."""
    page.evaluate((NODE_TOOLS / "axe-core/axe.min.js").read_text(encoding="utf-8"))
    return page.evaluate("axe.run(document, {resultTypes: ['violations']})")


@pytest.fixture
def phone(browser):
    """A phone-sized page; a test that used it fails if the page's policy refused anything."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    refused = refused_by_the_policy(page)
    yield page
    context.close()
    assert refused == [], refused


def test_language_switch_goes_to_the_translation_and_back(served_site, phone):
    origin, _ = served_site
    phone.goto(f"{origin}/news/opening-ceremony/")
    phone.get_by_role("link", name="English").click()
    phone.wait_for_url(f"{origin}/en/news/opening-ceremony/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.locator("h1").inner_text().startswith("Deputy Governor opens")
    phone.get_by_role("link", name="ไทย").click()
    phone.wait_for_url(f"{origin}/news/opening-ceremony/")
    assert phone.locator("html").get_attribute("lang") == "th"


def test_thai_font_is_self_hosted_and_used(served_site, phone):
    origin, _ = served_site
    requests = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.goto(origin + "/")
    phone.evaluate("document.fonts.ready")
    assert all(url.startswith(origin) for url in requests), requests
    assert phone.evaluate("document.fonts.check('16px Sarabun', 'ขอนแก่น')")
    assert any("sarabun-thai-400" in url for url in requests)


@pytest.mark.parametrize("path", BOTH_LANGUAGES)
def test_axe_finds_no_violations(served_site, phone, path):
    origin, _ = served_site
    phone.goto(f"{origin}/{path}")
    result = run_axe(phone)
    problems = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert problems == []
    assert result["passes"], "axe ran no checks"


@pytest.mark.parametrize("path", ["galleries/opening-day/", "en/galleries/opening-day/"])
def test_lightbox_works_with_the_keyboard(served_site, phone, path):
    origin, _ = served_site
    phone.goto(f"{origin}/{path}")
    links = phone.locator(".gallery__link")
    dialog = phone.locator("dialog.lightbox")
    links.nth(1).focus()
    phone.keyboard.press("Enter")
    assert dialog.evaluate("d => d.open")
    assert phone.locator(".lightbox__count").inner_text() == "2 / 4"
    first_caption = phone.locator(".lightbox__caption").inner_text()
    phone.keyboard.press("ArrowRight")
    assert phone.locator(".lightbox__count").inner_text() == "3 / 4"
    assert phone.locator(".lightbox__caption").inner_text() != first_caption
    phone.keyboard.press("ArrowLeft")
    phone.keyboard.press("ArrowLeft")
    assert phone.locator(".lightbox__count").inner_text() == "1 / 4"
    image = phone.locator(".lightbox__picture img")
    image.evaluate("img => img.decode()")
    assert image.evaluate("img => img.naturalWidth") > 0
    phone.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert phone.evaluate(
        "document.activeElement === document.querySelectorAll('.gallery__link')[1]"
    )


def test_lightbox_swipes_and_axe_finds_nothing_while_it_is_open(served_site, phone):
    origin, _ = served_site
    phone.goto(f"{origin}/galleries/opening-day/")
    phone.locator(".gallery__link").first.click()
    box = phone.locator("dialog.lightbox").bounding_box()
    middle = box["y"] + box["height"] / 2
    phone.mouse.move(300, middle)
    phone.mouse.down()
    phone.mouse.move(100, middle)
    phone.mouse.up()
    assert phone.locator(".lightbox__count").inner_text() == "2 / 4"
    result = run_axe(phone)
    assert [v["id"] for v in result["violations"]] == []


def test_without_javascript_a_photo_is_a_plain_link(served_site, browser):
    origin, _ = served_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{origin}/galleries/opening-day/")
    page.locator(".gallery__link").first.click()
    assert page.url.endswith(".webp") and page.url.startswith(f"{origin}/galleries/opening-day/")
    context.close()


@pytest.mark.parametrize(
    ("path", "category", "label"),
    [("products/", "textiles", "ผ้า เครื่องแต่งกาย"), ("en/products/", "food", "Food")],
)
def test_catalogue_filters_show_only_the_chosen_products(served_site, phone, path, category, label):
    origin, _ = served_site
    phone.goto(f"{origin}/{path}")
    cards = phone.locator(".product-card")
    total = cards.count()
    phone.get_by_label(
        phone.locator("[data-filters] label").first.inner_text().split()[0]
    ).select_option(label=label)
    visible = phone.locator(".product-card:visible")
    assert 0 < visible.count() < total
    assert set(visible.evaluate_all("cards => cards.map(c => c.dataset.category)")) == {category}
    assert str(visible.count()) in phone.locator(".filters__count").inner_text()
    phone.locator("select[name=stars]").select_option("5")
    stars = phone.locator(".product-card:visible").evaluate_all(
        "cards => cards.map(c => c.dataset.stars)"
    )
    assert set(stars) <= {"5"}


BANGKOK_TIMES = [
    ("2024-05-20T12:00:00+07:00", "อีก 7 วันเริ่มงาน", "Starts in 7 days"),
    ("2024-05-26T20:00:00+07:00", "เริ่มงานพรุ่งนี้", "Starts tomorrow"),
    ("2024-05-27T08:00:00+07:00", "เปิดงานวันนี้ เวลา 10.00 น.", "Opens today at 10.00"),
    ("2024-05-29T12:00:00+07:00", "กำลังจัดงาน", "Happening now"),
    ("2024-06-05T12:00:00+07:00", "งานครั้งนี้จบแล้ว", "This edition has ended"),
]


@pytest.mark.parametrize(("now", "thai", "english"), BANGKOK_TIMES)
def test_home_page_says_where_the_fair_stands_on_any_day(served_site, phone, now, thai, english):
    from datetime import datetime

    origin, _ = served_site
    phone.clock.set_fixed_time(datetime.fromisoformat(now))
    for path, expected in (("/", thai), ("/en/", english)):
        phone.goto(origin + path)
        state = phone.locator(".fair-state")
        assert state.is_visible() and state.inner_text() == expected


def test_programme_marks_the_show_now_and_the_next_one(served_site, phone):
    from datetime import datetime

    origin, _ = served_site
    phone.clock.set_fixed_time(datetime.fromisoformat("2024-05-28T18:00:00+07:00"))
    phone.goto(f"{origin}/en/editions/27/")
    assert "Opening ceremony" in phone.locator(".programme__now").inner_text()
    assert "Mor lam concert" in phone.locator(".programme__next").inner_text()


def search_titles(phone, origin: str, path: str, words: str, kind: str = "") -> list[str]:
    phone.goto(f"{origin}/{path}")
    if kind:
        phone.locator(f"input[name=type][value={kind}]").check()
    phone.fill("#search-words", words)
    phone.wait_for_selector("[data-search-status]:not(:empty)")
    return phone.locator("[data-search-results] li > a").all_inner_texts()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("ขอนแก่น", "รองผู้ว่าราชการจังหวัดขอนแก่นเปิดงาน OTOP City ขอนแก่น ครั้งที่ 27"),
        ("ผ้าไหม", "ผ้าไหมมัดหมี่ขอนแก่น ดาวเด่นของงานปีนี้"),
        ("ไหม", "เสื้อผ้าไหมสำเร็จรูปทรงร่วมสมัย"),  # inside a longer word
        ("ท้องถิ่น", "เครือข่าย OTOP ขอนแก่น พัฒนาผู้ผลิตชุมชนให้เป็นนักการตลาด"),  # mid-sentence
        ("ผลิตภัณฑ์", "บรรยากาศวันเปิดงาน OTOP City ขอนแก่น ครั้งที่ 27"),
    ],
)
def test_thai_search_finds_words_inside_running_text(served_site, phone, words, expected):
    origin, _ = served_site
    titles = search_titles(phone, origin, "search/", words)
    assert expected in titles
    assert not any("\u200b" in title for title in titles)
    excerpt = phone.locator("[data-search-results] li mark").first.inner_text()
    assert excerpt and "\u200b" not in excerpt


def test_english_search_filters_and_drafts(served_site, phone):
    origin, _ = served_site
    assert "Khon Kaen mudmee silk is the star of this year's fair" in search_titles(
        phone, origin, "en/search/", "silk"
    )
    products = search_titles(phone, origin, "en/search/", "silk", kind="product")
    assert products and all("fair" not in title for title in products)
    assert "Chonnabot mudmee silk, hand-woven in old patterns" in products
    assert search_titles(phone, origin, "search/", "ตัวอย่างข่าวฉบับร่าง") == []


def test_search_loads_nothing_until_the_reader_types(served_site, phone):
    origin, _ = served_site
    asked = []
    phone.on("request", lambda request: asked.append(request.url))
    phone.goto(f"{origin}/search/")
    phone.wait_for_load_state("networkidle")
    assert not any("/pagefind/" in url for url in asked)
    phone.fill("#search-words", "ขอนแก่น")
    phone.wait_for_selector("[data-search-results] li")
    assert any("/pagefind/" in url for url in asked)
    assert "2567" in phone.locator(".search__date").first.inner_text()


def test_nu_html_checker_finds_no_errors(served_site):
    _, output = served_site
    vnu = NODE_TOOLS / "vnu-jar/build/dist/vnu.jar"
    command = ["java", "-jar", str(vnu), "--errors-only", "--format", "json"]
    # Every page but the editor's (admin/): third-party UI, kept out of the Nu and axe checks.
    pages = [
        str(p) for p in sorted(output.rglob("*.html")) if "admin" not in p.relative_to(output).parts
    ]
    result = subprocess.run([*command, *pages], capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").rsplit("/output/", 1)[-1], m["message"]) for m in messages]
    assert errors == []
    assert result.returncode == 0
    assert len(pages) > 30


LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse_scores(url: str, report) -> dict[str, float]:
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    command = [
        str(NODE_TOOLS / ".bin/lighthouse"),
        url,
        f"--chrome-flags={flags}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, env=env, check=True, timeout=240)
    categories = json.loads(report.read_text())["categories"]
    return {name: categories[name]["score"] for name in LIGHTHOUSE_CATEGORIES}


@pytest.mark.lighthouse
@pytest.mark.parametrize("path", ["", "news/opening-ceremony/", "en/news/opening-ceremony/"])
def test_lighthouse_mobile_scores_at_least_95(served_site, tmp_path, path):
    origin, _ = served_site
    scores = lighthouse_scores(f"{origin}/{path}", tmp_path / "report.json")
    assert min(scores.values()) >= 0.95, scores


LAYOUT_SHIFT = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 600);
})"""


@pytest.mark.parametrize("path", BOTH_LANGUAGES)
def test_nothing_moves_as_the_page_loads_and_the_first_load_is_light(served_site, browser, path):
    """CLS 0 on every page, and at most 150 KB fetched before the reader scrolls (lazy
    photos are left for later), on a phone with a cold cache."""
    origin, _ = served_site
    context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True)
    page = context.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request))
    page.goto(f"{origin}/{path}", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    shift = page.evaluate(LAYOUT_SHIFT)
    weight = sum(request.sizes()["responseBodySize"] for request in fetched)
    context.close()
    assert shift == 0, f"layout shift {shift:.4f}"
    assert 0 < weight <= 150_000, f"{weight} bytes on first load"


@pytest.mark.parametrize("path", ["editions/27/venue/", "en/editions/27/venue/"])
def test_the_venue_map_labels_use_the_sites_thai_font(served_site, phone, path):
    origin, _ = served_site
    phone.goto(f"{origin}/{path}")
    label = phone.locator(".venue__map svg text", has_text="เวทีกลาง").first
    assert label.text_content() == "เวทีกลาง"  # a Thai label of the drawing, wherever it is

    assert label.evaluate("t => getComputedStyle(t).fontFamily").startswith("Sarabun")
    phone.evaluate("document.fonts.ready")
    assert phone.evaluate("document.fonts.check('20px Sarabun', 'เวทีกลาง')")
    assert phone.locator(".venue__map svg").bounding_box()["height"] > 100
