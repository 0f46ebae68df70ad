"""Photos Pelican copies as they are ({static} images in press releases, content/images/)
leave without GPS, camera or XMP metadata, their pixels untouched."""

import io
import shutil

from conftest import SITES, build_site, page, write_tree
from photos import GPS_IFD, XMP, camera_exif, marked, save_jpeg
from PIL import Image, PngImagePlugin

from plugins.gallery.metadata import without_metadata

NEWS = (
    "Title: พิธีเปิด\nDate: 2024-05-28\n\n![พิธีเปิด]({static}/images/lead.jpg)\n\n"
    "![แผนที่]({static}/images/map.png) ![แผง]({static}/images/stall.webp)\n"
)


def photos_with_metadata(folder):
    folder.mkdir(parents=True, exist_ok=True)
    save_jpeg(folder / "lead.jpg", marked((900, 600)), orientation=6)
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Phone owner")
    marked((400, 300)).save(folder / "map.png", pnginfo=info, exif=camera_exif())
    marked((400, 300)).save(folder / "stall.webp", exif=camera_exif(), xmp=XMP)


def test_copied_photos_carry_no_metadata_and_the_same_pixels(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    write_tree(content, {"news/opening.md": NEWS})
    photos_with_metadata(content / "images")
    output = build_site(content, tmp_path / "output")
    for name in ("lead.jpg", "map.png", "stall.webp"):
        published, source = output / "images" / name, content / "images" / name
        data = published.read_bytes()
        assert b"secret-serial" not in data and b"SERIAL-0042" not in data, name
        assert b"PhoneMaker" not in data and b"Phone owner" not in data, name
        with Image.open(published) as image, Image.open(source) as original:
            exif = image.getexif()
            assert GPS_IFD not in exif and 0x010F not in exif, name
            assert image.tobytes() == original.tobytes(), name  # not re-encoded
    with Image.open(output / "images/lead.jpg") as lead:
        assert lead.getexif().get(0x0112) == 6  # still shown upright
    assert b"SERIAL-0042" in (content / "images/lead.jpg").read_bytes()  # the source as it was
    image = page(output, "news/opening/").find("img", src="/images/lead.jpg")
    assert image is not None


def test_a_photo_without_metadata_is_left_byte_for_byte():
    plain = io.BytesIO()
    marked((200, 100)).save(plain, "JPEG", quality=90)
    assert without_metadata(plain.getvalue()) == plain.getvalue()
