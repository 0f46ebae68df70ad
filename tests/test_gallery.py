"""Photo galleries: orientation, privacy, sizes, srcset, cache, bad photos, pages."""

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import english, make_settings, new_pelican, page, write_tree
from photos import BLUE, RED, XMP, heic_bytes, marked, png_claiming_size, save_jpeg
from PIL import Image

from plugins.core.state import state_of
from plugins.gallery.generator import GalleryError

NEWS = {
    "news/opening.md": "Title: พิธีเปิด\nDate: 2024-05-28\nGallery: opening\n\nข่าว\n",
    "news/opening.en.md": "Title: Opening\nDate: 2024-05-28\nGallery: opening\n\nNews\n",
}
NOTES = {
    "galleries/opening/index.md": "Title: ภาพพิธีเปิด\nDate: 2024-05-28\nCover: wide.jpg\n\n"
    "บรรยากาศงาน\n\nwide.jpg: เวทีกลาง\nrot6.jpg: ผ้าไหม\n",
    "galleries/opening/index.en.md": "Title: Opening photos\n\nwide.jpg: The central stage\n",
    "galleries/market/index.md": "Title: ตลาด\nDate: 2024-05-27\n",
}


def make_photos(content: Path) -> None:
    opening, market = content / "galleries/opening", content / "galleries/market"
    for orientation in (6, 8, 3):
        save_jpeg(opening / f"rot{orientation}.jpg", marked(), orientation)
    save_jpeg(opening / "wide.jpg", marked((3000, 2000)))
    Image.new("CMYK", (900, 600), (255, 0, 0, 0)).save(opening / "cmyk.jpg")
    Image.new("I;16", (700, 500), 50000).save(opening / "gray16.png")
    Image.new("RGBA", (600, 400), (0, 0, 255, 128)).save(opening / "alpha.png")
    (opening / "phone.heic").write_bytes(heic_bytes(marked((1000, 750))))
    save_jpeg(market / "stall.jpg", marked((1000, 700)))


def build(content: Path, output: Path, **override):
    pelican = new_pelican(make_settings(content, output, **override))
    pelican.run()
    return state_of(pelican.settings).galleries


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("gallery")
    content = write_tree(root / "content", {**NEWS, **NOTES})
    make_photos(content)
    sources = digests(content)
    result = build(content, root / "output")
    return {
        "root": root,
        "content": content,
        "output": root / "output",
        "built": result,
        "sources": sources,
    }


def output_photo(site, name: str) -> Image.Image:
    return Image.open(site["output"] / "galleries/opening" / name)


def corner_colours(image: Image.Image) -> dict[str, tuple]:
    rgb = image.convert("RGB")
    w, h = rgb.size
    points = {
        "top-left": (5, 5),
        "top-right": (w - 6, 5),
        "bottom-left": (5, h - 6),
        "bottom-right": (w - 6, h - 6),
    }
    return {name: rgb.getpixel(xy) for name, xy in points.items()}


def near(colour, target, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target, strict=False))


@pytest.mark.parametrize(
    ("name", "red_corner"),
    [("rot6", "top-right"), ("rot8", "bottom-left"), ("rot3", "bottom-right")],
)
def test_orientation_is_applied_to_the_pixels(site, name, red_corner):
    for file in (f"{name}-480.webp", f"{name}-{800 if name != 'rot3' else 1200}.jpg"):
        image = output_photo(site, file)
        assert image.size[0] / image.size[1] == (1.5 if name == "rot3" else 800 / 1200)
        kind = file
        colours = corner_colours(image)
        assert near(colours[red_corner], RED), (kind, colours)
        others = [colour for corner, colour in colours.items() if corner != red_corner]
        assert all(near(colour, BLUE) for colour in others), (kind, colours)


def test_no_published_photo_carries_metadata(site):
    files = [p for p in (site["output"] / "galleries").rglob("*") if p.suffix in {".jpg", ".webp"}]
    assert len(files) > 30
    for file in files:
        data = file.read_bytes()
        image = Image.open(file)
        assert not image.getexif(), file
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(
            image.info
        ), file
        for secret in (
            b"Exif\x00\x00",
            b"SERIAL-0042",
            b"PhoneMaker",
            b"secret-serial",
            XMP[:20],
            b"Owner",
        ):
            assert secret not in data, (file, secret)


def test_widths_are_the_configured_ones_never_enlarged(site):
    folder = site["output"] / "galleries/opening"
    wide = sorted(p.name for p in folder.glob("wide-*"))
    # WebP at every width; one JPEG, for link previews, at 1200 or the photo's own width
    assert wide == ["wide-1200.jpg", *(f"wide-{w}.webp" for w in (1600, 2400, 480, 960))]
    assert sorted(p.name for p in folder.glob("alpha-*")) == [
        "alpha-480.webp",
        "alpha-600.jpg",
        "alpha-600.webp",
    ]
    assert Image.open(folder / "wide-2400.webp").size == (2400, 1600)
    assert Image.open(folder / "wide-1200.jpg").size == (1200, 800)
    assert not list(folder.glob("*.png")) and not list(folder.glob("*.heic"))  # originals stay out


def test_colour_spaces_bit_depths_and_transparency_come_out_right(site):
    assert near(
        output_photo(site, "cmyk-480.webp").convert("RGB").getpixel((10, 10)), (0, 255, 255), 60
    )
    assert near(
        output_photo(site, "gray16-480.webp").convert("RGB").getpixel((10, 10)), (195, 195, 195), 6
    )
    flattened = output_photo(site, "alpha-600.jpg")
    assert flattened.mode == "RGB" and near(flattened.getpixel((10, 10)), (127, 127, 255), 8)
    webp = output_photo(site, "alpha-480.webp")
    assert webp.mode == "RGBA" and abs(webp.getpixel((10, 10))[3] - 128) <= 2
    assert output_photo(site, "phone-960.webp").size == (960, 720)


def test_srcset_and_dimensions_match_the_files(site):
    soup = page(site["output"], "galleries/opening/")
    images = soup.select(".gallery img")
    assert len(images) == 8
    for img in images:
        for candidate in img["srcset"].split(", "):
            address, width = candidate.split(" ")
            file = Image.open(site["output"] / address.lstrip("/"))
            assert file.width == int(width.rstrip("w")) and file.format == "WEBP"
        fallback = Image.open(site["output"] / img["src"].lstrip("/"))
        assert (int(img["width"]), int(img["height"])) == fallback.size
        assert img.find_parent("picture") is None  # no JPEG fallback: every reader has WebP
    assert [img.get("loading") for img in images] == [None] * 4 + ["lazy"] * 4


def test_captions_in_the_pages_language(site):
    thai, english = (
        page(site["output"], "galleries/opening/"),
        page(site["output"], "en/galleries/opening/"),
    )
    assert thai.h1.text == "ภาพพิธีเปิด" and english.h1.text == "Opening photos"
    assert "เวทีกลาง" in [f.text for f in thai.select("figcaption")]
    english_captions = {f.text: f.get("lang") for f in english.select("figcaption")}
    assert english_captions["The central stage"] is None
    assert english_captions["ผ้าไหม"] == "th"  # not translated yet: shown in Thai, marked


def test_gallery_index_is_newest_first_with_covers(site):
    for path in ("galleries/", "en/galleries/"):
        items = page(site["output"], path).select(".gallery-list__item")
        assert [item.a["href"].rstrip("/").rsplit("/", 1)[-1] for item in items] == [
            "opening",
            "market",
        ]
        assert "wide-480" in items[0].img["src"]


def test_a_press_release_shows_its_gallery(site):
    for path in ("news/opening/", "en/news/opening/"):
        assert len(page(site["output"], path).select(".article__gallery .gallery img")) == 8


def test_sources_are_never_modified(site):
    assert digests(site["content"]) == site["sources"]


def test_second_build_encodes_nothing(site, tmp_path):
    """Built again over a copy of the first build's output and cache (the shared site is
    left as it is for the other tests)."""
    shutil.copytree(site["output"], tmp_path / "output")
    shutil.copytree(site["root"] / "output-cache", tmp_path / "output-cache")
    again = build(site["content"], tmp_path / "output")
    assert site["built"].encoded > 0 and again.encoded == 0
    assert len([p for g in again.galleries for p in g.photos]) == 9


def test_removed_photo_takes_its_files_with_it(tmp_path):
    content = write_tree(tmp_path / "content", {"galleries/a/index.md": "Title: ก\n"})
    save_jpeg(content / "galleries/a/one.jpg", marked())
    save_jpeg(content / "galleries/a/two.jpg", marked((800, 600)))
    build(content, tmp_path / "output")
    cache = tmp_path / "output-cache/gallery"
    before = {p.name for p in cache.iterdir()}
    (content / "galleries/a/two.jpg").unlink()
    build(content, tmp_path / "output")
    assert not list((tmp_path / "output/galleries/a").glob("two-*"))
    assert list((tmp_path / "output/galleries/a").glob("one-*"))
    assert len({p.name for p in cache.iterdir()}) < len(before)


def test_changed_settings_make_the_files_again(tmp_path):
    content = write_tree(tmp_path / "content", {"galleries/a/index.md": "Title: ก\n"})
    save_jpeg(content / "galleries/a/one.jpg", marked())
    build(content, tmp_path / "output")
    again = build(content, tmp_path / "output", GALLERY_WIDTHS=[320, 640])
    assert again.encoded == 3  # WebP at 320 and 640, the JPEG again; the old widths are gone
    made = sorted(p.name for p in (tmp_path / "output/galleries/a").glob("one-*"))
    assert made == ["one-1200.jpg", "one-320.webp", "one-640.webp"]


BAD_INPUT = {
    "truncated.jpg": lambda path, good: path.write_bytes(good.read_bytes()[:600]),
    "empty.jpg": lambda path, good: path.write_bytes(b""),
    "letter.jpg": lambda path, good: path.write_text("Dear editor, this is not a photo."),
    "bomb.png": lambda path, good: png_claiming_size(path, 60000, 60000),
    "animation.gif": lambda path, good: marked().save(path),
}
EXPECTED = {
    "truncated.jpg": "is damaged: the file ends early",
    "empty.jpg": "is empty (0 bytes)",
    "letter.jpg": "is not a photo that can be read",
    "bomb.png": "is larger than 210 megapixels",
    "animation.gif": "is not a photo format the site takes (use JPEG, PNG, WebP or HEIC)",
}


def bad_tree(tmp_path: Path) -> Path:
    content = write_tree(
        tmp_path / "content",
        {
            "galleries/a/index.md": "Title: ก\n\ngood.jpg: ดี\nmissing.jpg: ไม่มี\n",
            "news/x.md": "Title: ข่าว\nDate: 2024-05-28\nGallery: nowhere\n\nข่าว\n",
        },
    )
    good = save_jpeg(content / "galleries/a/good.jpg", marked())
    for name, make in BAD_INPUT.items():
        make(content / "galleries/a" / name, good)
    return content


def test_each_bad_photo_is_named_skipped_and_summarised(tmp_path, capsys):
    content = bad_tree(tmp_path)
    sources = digests(content)
    built = build(content, tmp_path / "output")
    lines = english(capsys.readouterr().err).splitlines()
    assert len(lines) == len(set(lines)), lines
    for name, reason in EXPECTED.items():
        assert any(line.startswith(f"content/galleries/a/{name}: {reason}") for line in lines), (
            name,
            lines,
        )
    assert (
        'content/galleries/a/index.md:4: Caption for "missing.jpg", which is not in this gallery'
        in "\n".join(lines)
    )
    assert (
        'content/news/x.md:3: Gallery "nowhere" has no folder content/galleries/nowhere/'
        in "\n".join(lines)
    )
    assert any(
        line.startswith("Photos: 1 published in 1 galleries") and "7 problems" in line
        for line in lines
    )
    assert [p.file for p in built.galleries[0].photos] == ["good.jpg"]
    assert (tmp_path / "output/galleries/a/good-960.webp").exists()
    assert digests(content) == sources


def test_strict_mode_stops_before_any_page_is_written(tmp_path):
    content = bad_tree(tmp_path)
    with pytest.raises(GalleryError, match="7 photo problems"):
        build(content, tmp_path / "output", GALLERY_STRICT=True)
    assert not (tmp_path / "output/galleries/a/index.html").exists()


def test_a_build_for_publishing_stops_on_a_bad_photo(tmp_path):
    """publishconf.py, as `make github` reads it, with only the folders moved."""
    from pelican.settings import read_settings

    content = bad_tree(tmp_path)
    folders = make_settings(content, tmp_path / "output")
    paths = {key: folders[key] for key in ("PATH", "OUTPUT_PATH", "CACHE_PATH", "THEME")}
    root = Path(__file__).parent.parent
    settings = read_settings(
        str(root / "publishconf.py"), override={**paths, "SEARCH_INDEX": False}
    )
    with pytest.raises(GalleryError, match="photo problems"):
        new_pelican(settings).run()
    assert not (tmp_path / "output/galleries/a/index.html").exists()


def test_galleries_survive_an_emptied_output_folder(site, tmp_path):
    output = tmp_path / "fresh-output"
    shutil.copytree(site["root"] / "output-cache", tmp_path / "fresh-output-cache")
    again = build(site["content"], output)
    assert again.encoded == 0
    assert (output / "galleries/opening/wide-2400.webp").exists()


def test_the_same_photo_twice_is_made_once(tmp_path):
    content = write_tree(tmp_path / "content", {"galleries/a/index.md": "Title: ก\n"})
    save_jpeg(content / "galleries/a/one.jpg", marked())
    (content / "galleries/b").mkdir()
    shutil.copy(content / "galleries/a/one.jpg", content / "galleries/b/copy.jpg")
    built = build(content, tmp_path / "output")
    assert built.encoded == 4  # WebP at 480, 960 and 1200, one JPEG: made once
    assert (tmp_path / "output/galleries/b/copy-960.webp").exists()


def test_full_size_is_published_only_when_asked_and_still_stripped(tmp_path):
    from PIL import ImageCms

    content = write_tree(tmp_path / "content", {"galleries/a/index.md": "Title: ก\n"})
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    marked((3000, 2000)).save(content / "galleries/a/tagged.jpg", icc_profile=srgb, exif=b"")
    save_jpeg(content / "galleries/a/big.jpg", marked((3000, 2000)))
    build(content, tmp_path / "output")
    folder = tmp_path / "output/galleries/a"
    assert not list(folder.glob("*-3000.*"))
    build(content, tmp_path / "output", GALLERY_FULL_SIZE=True)
    full = Image.open(folder / "big-3000.webp")
    assert full.size == (3000, 2000) and not full.getexif() and "icc_profile" not in full.info
    assert "icc_profile" not in Image.open(folder / "tagged-960.webp").info
    assert near(Image.open(folder / "tagged-1200.jpg").getpixel((900, 600)), BLUE, 12)


def test_photos_that_would_share_a_published_name_are_named_both(tmp_path, capsys):
    content = write_tree(tmp_path / "content", {"galleries/a/index.md": "Title: ก\n"})
    save_jpeg(content / "galleries/a/stage.jpg", marked((800, 600)))
    save_jpeg(content / "galleries/a/Stage.JPG", marked((600, 800)))
    Image.new("RGB", (700, 500), (0, 128, 0)).save(content / "galleries/a/stage.png")
    built = build(content, tmp_path / "output")
    assert [photo.file for photo in built.galleries[0].photos] == ["Stage.JPG"]
    problems = [str(problem) for problem in built.problems]
    assert problems == [
        f"content/galleries/a/{name}: would be published under the same name as Stage.JPG "
        "(rename one of them); left out"
        for name in ("stage.jpg", "stage.png")
    ]
    assert "stage.jpg: would be published" in english(capsys.readouterr().err)
    with pytest.raises(GalleryError):
        build(content, tmp_path / "strict", GALLERY_STRICT=True)


def test_a_photo_decoded_whole_is_refused_above_its_own_limit(tmp_path):
    """Only JPEG decodes at a smaller scale: a 207-megapixel PNG took 2 GB in a worker."""
    content = write_tree(tmp_path / "content", {"galleries/a/index.md": "Title: ก\n"})
    png_claiming_size(content / "galleries/a/poster.png", 16000, 12940)
    save_jpeg(content / "galleries/a/fine.jpg", marked())
    built = build(content, tmp_path / "output")
    assert [str(problem) for problem in built.problems] == [
        "content/galleries/a/poster.png: is 207 megapixels; a photo that is not a JPEG may have "
        "at most 50 (save it as JPEG, or make it smaller); left out"
    ]
    assert [photo.file for photo in built.galleries[0].photos] == ["fine.jpg"]
