"""Every word in its language: Thai shown on an English page says it is Thai (lang="th"),
untranslated products say "In Thai only", the English feeds mark their Thai entries,
category and tag pages name each other, the one 404 page speaks both languages, and every
sitemap address that has a date has its lastmod."""

import re
import xml.etree.ElementTree as ET

from conftest import page

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM = "{http://www.w3.org/2005/Atom}"
THAI = re.compile(r"[\u0e00-\u0e7f]")


def thai_without_its_language(element) -> list[str]:
    """Text with Thai letters whose nearest lang="…" says otherwise."""
    wrong = []
    for text in element.find_all(string=THAI):
        marked = text.parent if text.parent.has_attr("lang") else text.find_parent(lang=True)
        if marked is None or marked["lang"] != "th":
            wrong.append(text.strip()[:40])
    return wrong


def test_an_untranslated_product_is_marked_thai_on_the_english_page(minimal_site):
    product = page(minimal_site, "en/products/balm/")
    main = product.select_one("main")
    assert product.html["lang"] == "en"
    assert main.select_one("h1 [lang=th]").get_text() == "ยาหม่องไพล"
    assert "In Thai only" in main.select_one(".entry__only").get_text()
    assert thai_without_its_language(main.select_one("article")) == []


def test_the_catalogue_and_the_booth_sheet_mark_thai_names(minimal_site):
    for path in ("en/products/", "en/editions/27/booths/"):
        main = page(minimal_site, path).select_one("main")
        assert main.find(string=THAI) is not None
        assert thai_without_its_language(main) == [], path
    booths = page(minimal_site, "en/editions/27/booths/")
    alts = [image["alt"] for image in booths.select(".booth img[src$='qr.svg']")]
    assert alts and all(not THAI.search(alt) for alt in alts)  # "QR code for booth A01"


def test_a_translated_product_is_not_marked(minimal_site):
    main = page(minimal_site, "en/products/silk/").select_one("main")
    assert main.select_one("h1").get_text() == "Mudmee silk" and not main.select("h1 [lang]")
    assert not main.select(".entry__only")


def test_the_english_feeds_mark_their_thai_entries(minimal_site):
    for name in ("atom.xml", "rss.xml"):
        root = ET.parse(minimal_site / "en/feeds" / name).getroot()
        entries = root.iter(f"{ATOM}entry") if name == "atom.xml" else root.iter("item")
        marks = {}
        for entry in entries:
            title = entry.findtext(f"{ATOM}title") or entry.findtext("title")
            marks[title] = entry.get(XML_LANG)
        assert marks["ผ้าไหมมัดหมี่จากอำเภอชนบท"] == "th", name
        assert {mark for title, mark in marks.items() if not THAI.search(title)} == {None}


def test_category_and_tag_pages_name_their_other_language(minimal_site):
    pages = sorted(minimal_site.glob("category/*/index.html")) + sorted(
        minimal_site.glob("tag/*/index.html")
    )
    assert pages
    for file in pages:
        path = file.parent.relative_to(minimal_site).as_posix() + "/"
        thai = page(minimal_site, path)
        english = thai.select_one('link[rel=alternate][hreflang="en"]')["href"]
        assert english.endswith(f"/en/{path}") and (minimal_site / "en" / path).is_dir()
        switch = thai.select_one(".lang-switch a[hreflang=en]")["href"]
        assert switch.endswith(f"/en/{path}")
        back = page(minimal_site, f"en/{path}")
        assert back.select_one('link[rel=alternate][hreflang="th"]')["href"].endswith(f"/{path}")


def test_the_404_page_speaks_both_languages_without_a_script(minimal_site):
    missing = page(minimal_site, "404.html")
    sections = missing.select("main .not-found")
    assert [s.get("lang") for s in sections] == [None, "en"]
    assert "ไม่พบ" in sections[0].get_text() and "Page not found" in sections[1].get_text()
    assert sections[1].select_one("a")["href"].endswith("/en/")
    assert not missing.select("main script")


def test_every_sitemap_address_with_a_date_has_its_lastmod(minimal_site):
    root = ET.parse(minimal_site / "sitemap.xml").getroot()
    space = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    lastmod = {u.findtext(f"{space}loc"): u.findtext(f"{space}lastmod") for u in root}
    dated = re.compile(r"(en/)?((news|category|tag|archives)/.*|galleries/[^/]+/)?")
    wanted = [loc for loc in lastmod if dated.fullmatch(loc.split("://", 1)[1].split("/", 1)[1])]

    assert len(wanted) > 10 and [loc for loc in wanted if not lastmod[loc]] == []
