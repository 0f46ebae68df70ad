"""Being found and shared: social tags and cards, share links, sitemap, robots, feeds, QR."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import ROOT, page
from PIL import Image, ImageChops, ImageFont, features

SITE = "http://localhost:8000"  # FEED_DOMAIN: the preview's whole addresses
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def local_file(output: Path, address: str) -> Path:
    path = urlparse(address).path.lstrip("/")
    return output / path / "index.html" if path.endswith("/") or not path else output / path


def meta(soup, name: str) -> str:
    found = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return found["content"]


def test_every_page_has_canonical_and_social_tags(minimal_site):
    pages = [p for p in minimal_site.rglob("*.html") if not {"pagefind", "admin"} & set(p.parts)]
    assert len(pages) > 40
    for file in pages:
        soup = page(minimal_site, str(file.relative_to(minimal_site)))
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical.startswith(SITE) and local_file(minimal_site, canonical) == file, file
        assert meta(soup, "og:url") == canonical
        assert meta(soup, "og:title") and meta(soup, "og:description"), file
        assert meta(soup, "twitter:card") == "summary_large_image"
        image = meta(soup, "og:image")
        assert image.startswith(SITE) and local_file(minimal_site, image).is_file(), (file, image)


def test_a_page_without_a_photo_gets_its_own_card(minimal_site):
    card = local_file(minimal_site, meta(page(minimal_site, "news/year-end/"), "og:image"))
    other = local_file(minimal_site, meta(page(minimal_site, "news/first-day/"), "og:image"))
    assert card != other
    assert Image.open(card).size == (1200, 630)
    blocks = [json.loads(s.string) for s in page(minimal_site, "news/year-end/").select(
        'script[type="application/ld+json"]')]  # fmt: skip
    news = next(block for block in blocks if block["@type"] == "NewsArticle")
    assert news["image"] == [meta(page(minimal_site, "news/year-end/"), "og:image")]
    home = meta(page(minimal_site, ""), "og:image")
    assert home.endswith("/theme/social/card-th.jpg")


def test_cards_set_thai_with_raqm(tmp_path):
    from plugins.social.cards import Faces, make_card

    assert features.check("raqm")
    fonts = ROOT / "theme/static/fonts"
    title = "ผ้าไหมมัดหมี่ดั้งเดิม ครั้งที่ 27"
    card = make_card(title, ["27 พ.ค. – 2 มิ.ย. 2567"], fonts)
    assert card.size == (1200, 630)
    faces = Faces(fonts, 64)
    assert faces.thai.layout_engine == ImageFont.Layout.RAQM
    basic = ImageFont.truetype(
        str(fonts / "sarabun-thai-700-normal.woff2"), 64, layout_engine=ImageFont.Layout.BASIC
    )
    shaped = Image.new("L", (900, 120), 0)
    unshaped = Image.new("L", (900, 120), 0)
    from PIL import ImageDraw

    ImageDraw.Draw(shaped).text((10, 10), "ดั้งเดิม", font=faces.thai, fill=255)
    ImageDraw.Draw(unshaped).text((10, 10), "ดั้งเดิม", font=basic, fill=255)
    assert ImageChops.difference(shaped, unshaped).getbbox() is not None  # the marks move


def test_share_links_carry_the_whole_encoded_address(minimal_site):
    soup = page(minimal_site, "en/news/first-day/")
    canonical = soup.find("link", rel="canonical")["href"]
    line = soup.select_one("a.share__line")["href"]
    assert "%3A%2F%2F" in line and parse_qs(urlparse(line).query)["url"] == [canonical]
    facebook = soup.select_one("a.share__facebook")["href"]
    assert parse_qs(urlparse(facebook).query)["u"] == [canonical]
    x = parse_qs(urlparse(soup.select_one("a.share__x")["href"]).query)
    assert x["url"] == [canonical] and x["text"] == ["The first day of the fair"]
    assert soup.select_one("button.share__native").has_attr("hidden")


def sitemap_entries(output: Path) -> dict[str, dict[str, str]]:
    root = ET.parse(output / "sitemap.xml").getroot()
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        entries[url.find(f"{SITEMAP}loc").text] = links
    return entries


def test_sitemap_lists_every_page_with_alternates_both_ways(minimal_site):
    entries = sitemap_entries(minimal_site)
    assert f"{SITE}/news/first-day/" in entries and f"{SITE}/en/news/first-day/" in entries
    for address, alternates in entries.items():
        assert local_file(minimal_site, address).is_file(), address
        for lang, other in alternates.items():
            assert other in entries, (address, lang)
            if lang != "x-default":
                assert address in entries[other].values(), (address, other)
    assert not any("/drafts/" in address or address.endswith("404.html") for address in entries)
    lastmod = {
        url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod").text
        for url in ET.parse(minimal_site / "sitemap.xml").getroot()
        if url.find(f"{SITEMAP}lastmod") is not None
    }
    assert lastmod[f"{SITE}/news/first-day/"] == "2024-05-27T10:00:00+07:00"  # its Date
    assert f"{SITE}/products/" not in lastmod  # a listing has no date of its own


def test_robots_points_to_the_sitemap(minimal_site):
    assert f"Sitemap: {SITE}/sitemap.xml" in (minimal_site / "robots.txt").read_text()


@pytest.mark.parametrize(
    "feed", ["feeds/rss.xml", "feeds/atom.xml", "en/feeds/rss.xml", "en/feeds/atom.xml"]
)
def test_feeds_carry_whole_articles_with_whole_addresses(minimal_site, feed):
    text = (minimal_site / feed).read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert (
        len(root.findall(".//item") or root.findall(".//{http://www.w3.org/2005/Atom}entry")) >= 2
    )
    assert 'src="/' not in text and 'href="/' not in text.replace('href="/"', "")
    if feed.startswith("en/"):
        assert "News of the first day in Ratchadanusorn Park." in text


@pytest.mark.parametrize(
    ("feed", "lang"),
    [
        ("feeds/rss.xml", "th"),
        ("feeds/atom.xml", "th"),
        ("en/feeds/rss.xml", "en"),
        ("en/feeds/atom.xml", "en"),
    ],
)
def test_each_feed_names_itself_its_language_and_what_it_is(minimal_site, feed, lang):
    atom = "{http://www.w3.org/2005/Atom}"
    root = ET.fromstring((minimal_site / feed).read_text(encoding="utf-8"))
    selves = [link.get("href") for link in root.iter(f"{atom}link") if link.get("rel") == "self"]
    assert selves == [f"{SITE}/{feed}"]
    if root.tag == "rss":
        assert root.find("channel/language").text == lang
        assert root.find("channel/description").text  # not empty
    else:
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang


def test_every_product_has_a_booth_code_that_opens_its_page(minimal_site):
    import zxingcpp

    for slug in ("silk", "balm"):
        folder = minimal_site / "products" / slug
        decoded = [code.text for code in zxingcpp.read_barcodes(Image.open(folder / "qr.png"))]
        assert decoded == [f"{SITE}/products/{slug}/"]
        assert (folder / "qr.svg").read_text().startswith("<?xml")
    booths = page(minimal_site, "editions/27/booths/")
    assert [b.select_one(".booth__number").text for b in booths.select(".booth")] == [
        "บูธ A01",
        "บูธ H02",
    ]
    assert all(img["src"].endswith("/qr.svg") for img in booths.select(".booth img"))
