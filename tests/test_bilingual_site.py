"""The bilingual build: Thai at /, English at /en/, each page linked to its translation."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlparse

from babel.messages.pofile import read_po
from conftest import ROOT, page

ATOM = "{http://www.w3.org/2005/Atom}"
THAI_ONLY_TITLE = "ผ้าไหมมัดหมี่จากอำเภอชนบท"


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def language_of(output: Path, file: Path) -> str:
    return "en" if file.relative_to(output).parts[0] == "en" else "th"


def alternates(soup) -> dict[str, str]:
    links = soup.select('link[rel="alternate"][hreflang]')
    return {link["hreflang"]: link["href"] for link in links}


def switch_link(soup, lang: str):
    return soup.select_one(f'.lang-switch a[hreflang="{lang}"]')


def thai_only_address(output: Path) -> str:
    listing = page(output, "en/news/")
    link = listing.find("a", string=THAI_ONLY_TITLE)
    return link["href"]


def test_thai_at_root_and_english_under_en(minimal_site):
    assert page(minimal_site, "").html["lang"] == "th"
    assert page(minimal_site, "en/").html["lang"] == "en"


def test_every_page_declares_its_language(minimal_site):
    files = html_files(minimal_site)
    assert len(files) > 20
    for file in files:
        soup = page(minimal_site, str(file.relative_to(minimal_site)))
        assert soup.html["lang"] == language_of(minimal_site, file), file


def test_translations_link_both_ways_with_hreflang(minimal_site):
    thai, english = page(minimal_site, "news/first-day/"), page(minimal_site, "en/news/first-day/")
    site = "http://localhost:8000"  # FEED_DOMAIN: hreflang addresses are always whole
    expected = {
        "th": f"{site}/news/first-day/",
        "en": f"{site}/en/news/first-day/",
        "x-default": f"{site}/news/first-day/",
    }
    assert alternates(thai) == expected
    assert alternates(english) == expected
    assert switch_link(thai, "en")["href"] == "/en/news/first-day/"
    assert switch_link(english, "th")["href"] == "/news/first-day/"


def test_an_explicit_slug_pairs_files_with_other_names(minimal_site):
    thai = page(minimal_site, "news/year-end/")
    assert switch_link(thai, "en")["href"] == "/en/news/year-end/"
    assert (minimal_site / "en/news/year-end/index.html").exists()


def test_pages_are_paired_by_file_name(minimal_site):
    assert switch_link(page(minimal_site, "pages/visit/"), "en")["href"] == "/en/pages/visit/"
    assert page(minimal_site, "en/pages/visit/").h1.text == "Visiting the fair"


def test_untranslated_article_says_so_instead_of_a_dead_link(minimal_site):
    address = thai_only_address(minimal_site)
    assert re.fullmatch(r"/news/[a-z0-9-]+/", address)
    thai = page(minimal_site, address.strip("/"))
    assert thai.h1.text == THAI_ONLY_TITLE
    assert "ยังไม่มีฉบับภาษาอังกฤษ" in thai.select_one(".lang-switch").text
    assert switch_link(thai, "en")["href"] == "/en/"
    assert "en" not in alternates(thai) and "x-default" not in alternates(thai)
    assert not (minimal_site / "en" / address.strip("/")).exists()


def test_untranslated_article_is_listed_in_english_marked_as_thai(minimal_site):
    listing = page(minimal_site, "en/news/")
    entry = listing.find("a", string=THAI_ONLY_TITLE).find_parent("article")
    assert entry["lang"] == "th"
    assert "In Thai only" in entry.text
    assert entry.select_one(".entry__meta")["lang"] == "en"


def test_dates_are_buddhist_era_in_thai_and_gregorian_in_english(minimal_site):
    thai = page(minimal_site, "news/year-end/").select_one("article time")
    english = page(minimal_site, "en/news/year-end/").select_one("article time")
    assert (thai.text, thai["datetime"]) == ("31 ธ.ค. 2566", "2023-12-31")
    assert (english.text, english["datetime"]) == ("31 December 2023", "2023-12-31")


def test_home_page_shows_the_fair_dates_in_each_language(minimal_site):
    assert "27 พ.ค. – 2 มิ.ย. 2567" in page(minimal_site, "").select_one(".fair").text
    assert "27 May – 2 June 2024" in page(minimal_site, "en/").select_one(".fair").text


def test_category_and_tag_names_get_shared_readable_slugs(minimal_site):
    for path in ("category/news/", "en/category/news/", "tag/silk/", "en/tag/silk/"):
        assert (minimal_site / path / "index.html").exists(), path
    assert page(minimal_site, "category/news/").h1.text == "ข่าว"
    assert page(minimal_site, "en/category/news/").h1.text == "News"
    assert not (minimal_site / "category/khaaw").exists()


def test_every_output_path_is_plain_ascii(minimal_site):
    for file in minimal_site.rglob("*"):
        relative = str(file.relative_to(minimal_site))
        assert relative.isascii() and "%" not in relative, relative


def test_every_internal_link_resolves(minimal_site):
    checked = 0
    for file in html_files(minimal_site):
        soup = page(minimal_site, str(file.relative_to(minimal_site)))
        for tag in soup.select("a[href], link[href], img[src], script[src]"):
            target = urlparse(tag.get("href") or tag.get("src"))
            if target.scheme or target.netloc or not target.path:
                continue
            assert resolves(minimal_site, file, unquote(target.path)), (file, target.path)
            checked += 1
    assert checked > 200


def resolves(output: Path, source: Path, path: str) -> bool:
    base = output if path.startswith("/") else source.parent
    target = (base / path.lstrip("/")).resolve()
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def test_each_language_has_its_own_atom_feed(minimal_site):
    for feed, lang in (("feeds/atom.xml", "th"), ("en/feeds/atom.xml", "en")):
        root = ET.parse(minimal_site / feed).getroot()
        titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
        assert titles, feed
        if lang == "th":
            assert "The first day of the fair" not in titles
        else:
            assert "The first day of the fair" in titles and "วันแรกของงาน" not in titles


def test_not_found_page_in_both_languages(minimal_site):
    assert page(minimal_site, "404.html").h1.text == "ไม่พบหน้าที่ต้องการ"
    assert page(minimal_site, "en/404.html").h1.text == "Page not found"


def thai_interface_words() -> list[str]:
    path = ROOT / "theme/translations/th/LC_MESSAGES/messages.po"
    with path.open("rb") as file:
        catalog = read_po(file)
    pairs = [(m.id, m.string) for m in catalog if m.id]
    pairs = [(ids[0], texts[0]) if isinstance(ids, tuple) else (ids, texts) for ids, texts in pairs]
    return [english for english, thai in pairs if thai and thai != english]


def visible_thai_text(soup) -> str:
    for element in soup.select('[lang]:not([lang="th"]), script, style, head'):
        element.decompose()
    return soup.get_text(" ")


def test_no_english_interface_word_on_a_thai_page(minimal_site):
    words = [word for word in thai_interface_words() if "%(" not in word]
    assert len(words) > 15
    for file in html_files(minimal_site):
        if language_of(minimal_site, file) != "th":
            continue
        text = visible_thai_text(page(minimal_site, str(file.relative_to(minimal_site))))
        found = [w for w in words if re.search(rf"\b{re.escape(w)}\b", text)]
        assert not found, (file, found)


def test_pagination_in_both_languages(tmp_path_factory):
    from conftest import SITES, build_site

    output = tmp_path_factory.mktemp("paginated") / "output"
    build_site(SITES / "minimal" / "content", output, DEFAULT_PAGINATION=2)
    thai, english = page(output, "news/"), page(output, "en/news/")
    assert thai.select_one(".pagination span").text == "หน้า 1 จาก 2"
    assert english.select_one(".pagination span").text == "Page 1 of 2"
    assert thai.select_one('.pagination a[rel="next"]').text == "เก่ากว่า"
    assert thai.select_one('.pagination a[rel="next"]')["href"] == "/news/page/2/"
    second = page(output, "en/news/page/2/")
    assert second.select_one('.pagination a[rel="prev"]')["href"] == "/en/news/"
    assert len(second.select(".entry")) == 1


def test_drafts_are_previewed_but_never_linked_or_listed(tmp_path):
    from conftest import build_site, write_tree

    content = write_tree(
        tmp_path / "content",
        {
            "news/ready.md": "Title: พร้อมแล้ว\nDate: 2024-05-28\n\nข่าว\n",
            "news/ready.en.md": "Title: Ready\nDate: 2024-05-28\nStatus: draft\n\nText\n",
            "news/later.md": "Title: ยังไม่เสร็จ\nDate: 2024-05-29\nStatus: draft\n\nข่าว\n",
        },
    )
    output = build_site(content, tmp_path / "output")
    thai = page(output, "news/ready/")
    assert "en" not in alternates(thai)
    assert "ยังไม่มีฉบับภาษาอังกฤษ" in thai.select_one(".lang-switch").text
    english_list = page(output, "en/news/")
    assert english_list.find("a", string="พร้อมแล้ว") is not None  # listed as Thai only
    assert english_list.find("a", string="ยังไม่เสร็จ") is None
    assert (output / "en/drafts/ready/index.html").exists()
    assert (output / "drafts/later/index.html").exists()
    assert not (output / "en/drafts/later").exists()


def test_a_thai_file_name_takes_its_slug_from_the_english_title(tmp_path):
    from conftest import build_site, write_tree

    content = write_tree(
        tmp_path / "content",
        {
            "news/ข่าวเปิดงาน.md": "Title: พิธีเปิดงาน\nDate: 2024-05-28\n\nข่าว\n",
            "news/ข่าวเปิดงาน.en.md": "Title: Opening Day!\nDate: 2024-05-28\n\nText\n",
        },
    )
    output = build_site(content, tmp_path / "output")
    assert page(output, "news/opening-day/").h1.text == "พิธีเปิดงาน"
    assert page(output, "en/news/opening-day/").h1.text == "Opening Day!"


def test_a_thai_title_alone_is_romanized_word_by_word(minimal_site):
    assert thai_only_address(minimal_site) == "/news/phamai-matmi-chak-amphoe-chanabot/"


def test_addresses_in_both_languages():
    from plugins.core.addresses import Addresses

    local = Addresses({"th": "", "en": "/en"}, "http://localhost:8000")
    assert [local.address("th", ""), local.address("en", "")] == ["/", "/en/"]
    assert local.address("en", "news/x/") == "/en/news/x/"
    assert local.absolute("en", "news/x/") == "http://localhost:8000/en/news/x/"
    published = Addresses({"th": "https://h/otop"}, "")
    assert published.address("th", "/news/x/") == "https://h/otop/news/x/"
    assert published.absolute("th", "") == "https://h/otop/"
