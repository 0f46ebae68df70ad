"""Every photo the site publishes goes through one pipeline: phone photos placed in a press
release as {static}, {attach} or a plain relative path, as a Photo: field, or left in
content/images/, come out upright, without metadata, in the configured widths, with
srcset and dimensions, one copy for both languages; the originals stay unpublished."""

import shutil

import pytest
from conftest import SITES, build_site, english, make_settings, new_pelican, page, write_tree
from photos import GPS_IFD, RED, camera_exif, heic_bytes, marked, save_jpeg
from PIL import Image

from plugins.core.problems import ContentError

NEWS = (
    "Title: พิธีเปิด\nDate: 2024-05-28\nPhoto: lead.jpg\n\nเปิดงานแล้ว\n\n"
    "![เวที]({static}/images/stage.jpg)\n\n![แผงผ้าไหม]({attach}silk.heic)\n\n"
    "![ตลาด](market.png)\n\n[ภาพใหญ่]({static}/images/stage.jpg)\n"
)
NEWS_EN = "Title: Opening\nDate: 2024-05-28\nLang: en\n\n![The stage]({static}/images/stage.jpg)\n"
WIDEST = 2400


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site-photos")
    content = root / "content"
    shutil.copytree(SITES / "minimal/content", content)
    write_tree(content, {"news/opening/opening.md": NEWS, "news/opening/opening.en.md": NEWS_EN})
    folder = content / "news/opening"
    save_jpeg(folder / "lead.jpg", marked((4032, 3024)), orientation=6)  # a phone, turned
    (folder / "silk.heic").write_bytes(heic_bytes(marked((1600, 1200))))
    marked((900, 600)).save(folder / "market.png", exif=camera_exif())
    (content / "images").mkdir()
    save_jpeg(content / "images/stage.jpg", marked((3000, 2000)))
    save_jpeg(content / "images/poster.jpg", marked((1000, 1400)))  # named by no page
    output = build_site(content, root / "output")
    return {"content": content, "output": output}


def rasters(output):
    suffixes = {".jpg", ".jpeg", ".png", ".webp", ".heic"}
    return [p for p in output.rglob("*") if p.suffix.lower() in suffixes]


def test_no_original_is_published_and_no_file_carries_metadata(site):
    output = site["output"]
    names = {p.name for p in rasters(output)}
    for original in ("lead.jpg", "stage.jpg", "silk.heic", "market.png", "poster.jpg"):
        assert original not in names
    assert not (output / "en/images").exists() and not (output / "en/photos").exists()
    for path in rasters(output):
        with Image.open(path) as image:
            exif = image.getexif()
            assert GPS_IFD not in exif and 0x010F not in exif and 0x0110 not in exif, path
            assert "xmp" not in image.info and image.width <= WIDEST, path
        assert b"SERIAL-0042" not in path.read_bytes(), path


def test_each_photo_is_made_in_the_configured_widths_upright(site):
    folder = site["output"] / "photos/news/opening"
    lead = sorted(p.name for p in folder.glob("lead-*"))
    assert lead == ["lead-1200.jpg", *(f"lead-{w}.webp" for w in (1600, 2400, 480, 960))]
    with Image.open(folder / "lead-480.webp") as turned:  # stored 4032×3024, EXIF 6
        assert turned.size == (480, 640)
        assert turned.convert("RGB").getpixel((470, 5))[0] > 180  # red block now top-right
    assert (folder / "silk-960.webp").exists()  # HEIC from an iPhone
    assert (site["output"] / "photos/images/poster-960.webp").exists()  # in no page


def test_pages_show_srcset_dimensions_and_lazy_loading(site):
    article = page(site["output"], "news/opening/")
    images = article.select(".prose img, article img")
    stage = next(img for img in images if "stage" in img["src"])
    assert stage["src"] == "/photos/images/stage-960.webp"
    assert (stage["width"], stage["height"]) == ("960", "640")
    widths = [candidate.split(" ")[1] for candidate in stage["srcset"].split(", ")]
    assert widths == ["480w", "960w", "1600w", "2400w"]
    assert stage["sizes"] and stage.get("loading") == "lazy"  # the lead photo is the main one
    assert stage["alt"] == "เวที"
    srcs = {img["src"] for img in images}
    assert "/photos/news/opening/silk-960.webp" in srcs
    assert "/photos/news/opening/market-900.webp" in srcs
    link = article.find("a", string="ภาพใหญ่")
    assert link["href"] == "/photos/images/stage-2400.webp"
    lead = article.select_one("img[fetchpriority=high]")
    assert lead is not None and "lead-" in lead["src"]


def test_both_languages_share_one_copy(site):
    english = page(site["output"], "en/news/opening/")
    stage = english.find("img", alt="The stage")
    assert stage["src"] == "/photos/images/stage-960.webp"
    assert stage.get("fetchpriority") == "high"  # no Photo: in English: the first is main


def test_a_page_naming_a_photo_that_is_not_there_stops_the_build(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    text = "Title: ก\nDate: 2024-05-28\n\nข้อความ\n\n![ภาพ]({static}/images/nothere.jpg)\n"
    write_tree(content, {"news/missing.md": text})
    with pytest.raises(ContentError):
        new_pelican(make_settings(content, tmp_path / "output")).run()
    said = capsys.readouterr()
    assert (
        'content/news/missing.md:6: Photo "{static}/images/nothere.jpg" is not in content/'
        in english(said.err + said.out)
    )


def test_the_last_guard_refuses_an_image_with_gps_whatever_put_it_there(tmp_path, capsys):
    """content/ publishes photos only through the pipeline; a theme's own files are copied
    as they are: an image with GPS there is stopped by the last guard, by its published name."""
    from conftest import ROOT

    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    marked((600, 400)).save(theme / "static/images/scan.tif", exif=camera_exif())
    with pytest.raises(ContentError):
        new_pelican(
            make_settings(SITES / "minimal/content", tmp_path / "output", THEME=str(theme))
        ).run()
    said = capsys.readouterr()
    assert "output/theme/images/scan.tif: carries a GPS position" in said.out + said.err


def test_a_photo_keeps_its_colour_where_red_was(site):
    with Image.open(site["output"] / "photos/images/stage-480.webp") as stage:
        assert all(
            abs(a - b) < 40 for a, b in zip(stage.convert("RGB").getpixel((5, 5)), RED, strict=True)
        )


# ---- Photo: on products and news, lead photos in listings and structured data -------------

SILK = (SITES / "minimal/content/products/silk.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    root = tmp_path_factory.mktemp("shop")
    content = root / "content"
    shutil.copytree(SITES / "minimal/content", content)
    silk = SILK.replace("Booth: A01\n", "Booth: A01\nPhoto: silk.jpg, silk-back.png\n")
    write_tree(content, {"products/silk.md": silk})
    save_jpeg(content / "products/silk.jpg", marked((2000, 1500)), orientation=1)
    marked((800, 800)).save(content / "products/silk-back.png", exif=camera_exif())
    first = (content / "news/first-day.md").read_text(encoding="utf-8")
    first = first.replace("Tags: ผ้าไหม\n", "Tags: ผ้าไหม\nPhoto: /products/silk.jpg\n")
    inline = "Title: ตลาดเย็น\nDate: 2024-05-28\n\nบรรยากาศ\n\n![ตลาด](market.jpg)\n"
    write_tree(content, {"news/first-day.md": first, "news/evening.md": inline})
    save_jpeg(content / "news/market.jpg", marked((1600, 900)))
    return build_site(content, root / "output", SITEURL="https://example.org")


def structured(soup, kind: str) -> dict:
    import json

    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return next(block for block in blocks if block.get("@type") == kind)


def test_a_product_shows_its_photos_and_gives_them_to_search_and_sharing(shop):
    product = page(shop, "products/silk/")
    images = product.select(".photos img")
    assert len(images) == 2
    assert images[0]["src"].endswith("/photos/products/silk-960.webp")
    assert images[0].get("fetchpriority") == "high" and images[1].get("loading") == "lazy"
    assert product.select(".photos a.gallery__link") and product.find("dialog", class_="lightbox")
    jpeg = "https://example.org/photos/products/silk-1200.jpg"
    assert structured(product, "Product")["image"] == jpeg
    assert product.find("meta", property="og:image")["content"] == jpeg
    english = page(shop, "en/products/silk/")
    assert english.select_one(".photos img")["src"] == images[0]["src"]  # one copy


def test_catalogue_cards_and_booths_show_a_thumbnail(shop):
    card = page(shop, "products/").select_one(".product-card img")
    assert "/photos/products/silk-" in card["src"] and card["width"] and card["height"]
    booth = page(shop, "editions/27/booths/").select_one(".booth__photo img")
    assert "/photos/products/silk-480.webp" in booth["src"]


def test_news_lead_photos_from_the_field_or_the_text(shop):
    listing = page(shop, "news/")
    photos = {
        entry.select_one(".entry__title a").text: entry.select_one(".entry__photo img")
        for entry in listing.select(".entry")
    }
    assert "/photos/products/silk-480.webp" in photos["วันแรกของงาน"]["src"]
    assert "/photos/news/market-480.webp" in photos["ตลาดเย็น"]["src"]  # its first photo
    article = page(shop, "news/evening/")
    image = "https://example.org/photos/news/market-1200.jpg"
    assert structured(article, "NewsArticle")["image"] == [image]
    assert article.find("meta", property="og:image")["content"] == image


def test_the_home_page_sells_the_fair_with_photos(tmp_path):
    """The sample site's home page: the edition's photo first, news with photos, a row of
    products with photos, the galleries by their covers; only the first photo loads at once."""
    from conftest import SITES

    output = build_site(SITES / "sample" / "content", tmp_path / "output")  # never content/

    for path in ("", "en/"):
        home = page(output, path)
        hero = home.select_one(".fair__photo img")
        assert hero["fetchpriority"] == "high" and "evening" in hero["src"]
        assert len(home.select("#latest-news ~ .entries .entry__photo img")) >= 3
        assert len(home.select(".product-row img")) == 6
        assert home.select(".gallery-list img")
        eager = [img for img in home.find_all("img") if img.get("loading") != "lazy"]
        assert hero in eager and len(eager) <= 5  # the hero, and the first news item's photo
        event = structured(home, "ExhibitionEvent")
        assert event["image"][0].endswith("/galleries/opening-day/evening-1200.jpg")


def test_past_editions_photos_can_be_made_in_fewer_widths(tmp_path):
    """GALLERY_PAST_WIDTHS: the galleries of editions before the newest one (by their
    Edition: line, or their date) in those widths only; the newest edition's as before."""
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    edition = (content / "editions/27.md").read_text(encoding="utf-8")
    earlier = edition.replace("2024-05-27", "2023-05-26").replace("2024-06-02", "2023-06-01")
    earlier = earlier.replace("27", "26")
    write_tree(
        content,
        {
            "editions/26.md": earlier,
            "galleries/old/index.md": "Title: ปีก่อน\nDate: 2023-05-27\n",
            "galleries/new/index.md": "Title: ปีนี้\nDate: 2024-05-28\n",
        },
    )
    for name in ("old", "new"):
        save_jpeg(content / f"galleries/{name}/stage.jpg", marked((3000, 2000)))
    output = build_site(content, tmp_path / "output", GALLERY_PAST_WIDTHS=[480, 960])
    made = {name: sorted(p.name for p in (output / f"galleries/{name}").glob("stage-*"))
            for name in ("old", "new")}  # fmt: skip
    assert made["old"] == ["stage-1200.jpg", "stage-480.webp", "stage-960.webp"]
    assert len(made["new"]) == 5  # 480, 960, 1600, 2400 and the JPEG
    assert page(output, "galleries/old/").select_one(".gallery img")["srcset"].count("w,") == 1


def test_photos_in_a_products_text_are_published_and_missing_ones_named(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    silk = SILK.rstrip("\n") + "\n\n![ลายผ้า](pattern.jpg)\n"
    write_tree(content, {"products/silk.md": silk})
    save_jpeg(content / "products/pattern.jpg", marked((1600, 1200)))
    output = build_site(content, tmp_path / "output")
    image = page(output, "products/silk/").select_one(".prose img")
    assert image["src"] == "/photos/products/pattern-960.webp" and image["loading"] == "lazy"
    assert not list(output.rglob("pattern.jpg"))
    write_tree(content, {"products/silk.md": silk.replace("pattern.jpg", "patern.jpg")})
    with pytest.raises(ContentError):
        new_pelican(make_settings(content, tmp_path / "output")).run()
    line = silk.splitlines().index("![ลายผ้า](pattern.jpg)") + 1
    said = english(capsys.readouterr().err)  # with the one it surely meant
    assert (
        f'content/products/silk.md:{line}: Photo "patern.jpg" is not in content/ (did you mean pattern.jpg?)'
        in said
    )


def test_the_guard_reads_again_an_image_changed_since_it_last_passed(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    output = build_site(content, tmp_path / "output")
    stray = output / "images/poster.jpg"
    stray.parent.mkdir(exist_ok=True)
    save_jpeg(stray, marked((600, 400)))  # put there by hand, with the phone's GPS
    with pytest.raises(ContentError):
        new_pelican(make_settings(content, output)).run()
    assert "output/images/poster.jpg: carries a GPS position" in capsys.readouterr().out
    stray.unlink()
    build_site(content, output)  # and it passes again once the file is gone
