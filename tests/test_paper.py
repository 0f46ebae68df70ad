"""The printable edition (an A4 PDF per language, printed by Chromium at build time) read
back with poppler, and every page's print styles printed by chromium and read back too."""

import re
import shutil
import subprocess

import pytest
from conftest import SITES, build_site, page

pytestmark = pytest.mark.browser  # Chromium prints; make test-fast leaves these out

LONE_MARK = re.compile(r"^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", re.MULTILINE)
PAPER = {"th": "editions/27/otop-city-27.pdf", "en": "en/editions/27/otop-city-27.pdf"}


def poppler(tool: str, *arguments) -> str:
    done = subprocess.run([tool, *map(str, arguments)], capture_output=True, text=True, check=True)
    return done.stdout


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=["th", "en"])
def paper(served_site, request):
    _, output = served_site
    lang = request.param
    prefix = "" if lang == "th" else "en/"
    edition = page(output, f"{prefix}editions/27/")
    return lang, output / PAPER[lang], edition, page(output, f"{prefix}editions/27/booths/")


def test_the_edition_page_links_its_paper(paper):
    lang, pdf, edition, _ = paper
    link = edition.select_one(".print-link a")["href"]
    assert link.endswith(PAPER[lang]) and pdf.read_bytes().startswith(b"%PDF")


def test_the_paper_is_a4_tagged_with_every_font_embedded(paper):
    _, pdf, _, _ = paper
    info = poppler("pdfinfo", pdf)
    assert "(A4)" in info and re.search(r"Tagged:\s+yes", info)
    fonts = poppler("pdffonts", pdf).splitlines()[2:]
    assert fonts and all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts)  # emb, sub


def test_the_text_layer_says_what_the_page_shows(paper):
    lang, pdf, edition, booths = paper
    text = poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
    flat = words(text)
    titles = [words(name.get_text()) for name in edition.select(".programme__name")]
    codes = [code.get_text().split()[-1] for code in booths.select(".booth__number")]
    assert titles and codes
    assert [t for t in titles if t not in flat] == []
    assert [c for c in codes if not re.search(rf"\b{c}\b", flat)] == []
    days = [words(day.get_text()) for day in edition.select(".programme__day th")]
    assert [d for d in days if d not in flat] == []  # วันอังคารที่ 28 พ.ค. 2567
    if lang == "th":
        assert all(word in flat for word in ("ทำ", "หมอลำ", "พื้นบ้าน", "17.30–19.00 น."))
    assert LONE_MARK.findall(text) == []  # no tone mark or vowel cut from its letter


def test_the_first_page_is_not_blank(paper, tmp_path):
    from PIL import Image

    _, pdf, _, _ = paper
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "first")], check=True)  # fmt: skip
    picture = Image.open(next(tmp_path.glob("first*.png"))).convert("L")
    dark = sum(1 for value in picture.getdata() if value < 128)
    assert dark > picture.width * picture.height * 0.01


@pytest.fixture
def printed_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal" / "content", content)
    output = tmp_path / "output"
    return content, output, lambda **extra: build_site(content, output, PRINTED_EDITIONS=True,
                                                       **extra)  # fmt: skip


def test_a_paper_is_printed_again_only_when_what_it_shows_changes(printed_site):
    content, output, build = printed_site
    build()
    pdf = output / PAPER["th"]
    first = pdf.stat().st_mtime_ns, sorted((output.parent / "output-cache/paper").glob("*.pdf"))
    build()  # nothing changed: no PDF printed, none written
    assert (
        pdf.stat().st_mtime_ns,
        sorted((output.parent / "output-cache/paper").glob("*.pdf")),
    ) == first
    product = content / "products/silk.md"
    product.write_text(product.read_text(encoding="utf-8").replace("Booth: A01", "Booth: A42"),
                       encoding="utf-8")  # fmt: skip
    build()
    flat = words(poppler("pdftotext", "-enc", "UTF-8", pdf, "-"))
    assert re.search(r"\bA42\b", flat) and not re.search(r"\bA01\b", flat)


def test_no_browser_stops_the_build_with_a_message(printed_site, capsys):
    _, output, build = printed_site
    with pytest.raises(Exception) as stopped:
        build(PAPER_BROWSER="no-such-chromium")
    assert "the printable programme (PDF) is made with Chromium" in str(stopped.value)
    assert not (output / PAPER["th"]).exists()


# ---- every page on paper: printed by chromium as a reader would, read back -----------------


@pytest.fixture(scope="module")
def printer():
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_FLAGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium.new_page(viewport={"width": 390, "height": 844})
        chromium.close()


def printed(printer, url: str, folder) -> list[str]:
    """The text of each printed page, as the browser's own Print would give it."""
    printer.goto(url)
    printer.wait_for_load_state("load")
    pdf = folder / "printed.pdf"
    pdf.write_bytes(printer.pdf(prefer_css_page_size=True))
    assert "(A4)" in poppler("pdfinfo", pdf)
    return poppler("pdftotext", "-enc", "UTF-8", "-layout", pdf, "-").split("\f")[:-1]


def test_the_edition_prints_its_programme_alone_without_screen_controls(served_site, printer,
                                                                         tmp_path):  # fmt: skip
    origin, output = served_site
    for prefix, calendar, ended, heading in (
        ("", "เพิ่มลงในปฏิทิน", "งานครั้งนี้จบแล้ว", "กำหนดการ"),
        ("en/", "Add to calendar", "This edition has ended", "Programme"),
    ):
        pages = printed(printer, f"{origin}/{prefix}editions/27/", tmp_path)
        text = "\n".join(pages)
        assert calendar not in text and ended not in text and "LINE" not in text
        edition = page(output, f"{prefix}editions/27/")
        news = [a.get_text() for a in edition.select("#edition-news ~ .entries .entry__title")]
        assert news and not [title for title in news if words(title) in words(text)]
        days = {words(day.get_text()) for day in edition.select(".programme__day th")}
        first = next(one for one in pages if any(day in words(one) for day in days))
        assert next(line.strip() for line in first.splitlines() if line.strip()) == heading
        for one in pages:  # a day's heading is never the last line of a page
            lines = [line.strip() for line in one.splitlines() if line.strip()]
            assert lines and words(lines[-1]) not in days


def test_a_product_prints_on_one_page_without_share_buttons(served_site, printer, tmp_path):
    origin, output = served_site
    pages = printed(printer, f"{origin}/products/chonnabot-mudmee-silk/", tmp_path)
    share = page(output, "products/chonnabot-mudmee-silk/").select_one(".share__label").get_text()
    assert len(pages) == 1 and share not in pages[0] and "Facebook" not in pages[0]


def test_the_booth_sheet_prints_at_least_eight_booths_a_page(served_site, printer, tmp_path):
    origin, output = served_site
    pages = printed(printer, f"{origin}/editions/27/booths/", tmp_path)
    codes = [
        b.get_text().split()[-1]
        for b in page(output, "editions/27/booths/").select(".booth__number")
    ]
    for one in pages[:-1]:  # every full page
        assert len([code for code in codes if re.search(rf"\b{code}\b", one)]) >= 8
