"""No photo enters the public repository with its GPS position or a serial number: make check
refuses it (so make github and the workflow do), invoke strip-photos takes it out, and
import-photos copies camera photos in as web masters without it."""

import subprocess

from photos import GPS_IFD, heic_bytes, marked, save_jpeg
from PIL import Image
from test_office import make_project, run

from plugins.core.photo_metadata import private_data


def scan_data(data: bytes) -> bytes:
    """A JPEG's compressed image data, from its start-of-scan marker."""
    return data[data.index(b"\xff\xda") :]


def test_check_refuses_a_photo_with_gps_and_strip_photos_removes_it(tmp_path):
    project = make_project(tmp_path / "site")
    products = project / "content/products"
    save_jpeg(products / "silk.jpg", marked((1600, 1200)), orientation=6)
    (products / "silk-2.heic").write_bytes(heic_bytes(marked((800, 600)), gps=True))
    silk = (products / "silk.md").read_text(encoding="utf-8")
    (products / "silk.md").write_text(
        silk.replace("Booth: A01\n", "Booth: A01\nPhoto: silk.jpg, silk-2.heic\n"), encoding="utf-8"
    )
    before = (products / "silk.jpg").read_bytes()
    checked = run(project, "check")
    assert checked.returncode == 1
    assert (
        "content/products/silk.jpg\n  file      error    carries the GPS position it was taken with: run invoke strip-photos"
        in checked.stdout
    )
    assert (
        "content/products/silk-2.heic\n  file      error    carries the GPS position"
        in checked.stdout
    )
    assert "keeps it in the repository's history" in checked.stdout
    stripped = run(project, "strip-photos")
    assert stripped.returncode == 0, stripped.stderr
    assert "removed the GPS position from content/products/silk.jpg" in stripped.stdout
    after = (products / "silk.jpg").read_bytes()
    assert scan_data(after) == scan_data(before)  # the same pixels: nothing re-encoded
    with Image.open(products / "silk.jpg") as image:
        assert private_data(image) is None and GPS_IFD not in image.getexif()
        assert image.getexif().get(0x0112) == 6  # still shown upright
        assert b"SERIAL-0042" not in after and b"secret-serial" not in after
    with Image.open(products / "silk-2.heic") as image:
        assert private_data(image) is None
    again = run(project, "check")
    assert "carries the" not in again.stdout, again.stdout


def git(folder, *arguments) -> None:
    subprocess.run(["git", *arguments], cwd=folder, check=True, capture_output=True)


def test_the_check_reports_the_repositorys_size(tmp_path):
    project = make_project(tmp_path / "site")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "site")
    checked = run(project, "check")
    assert "Repository: " in checked.stdout and "of GitHub's recommended 1.00 GB" in checked.stdout


def test_import_photos_brings_in_web_masters_without_private_data(tmp_path):
    project = make_project(tmp_path / "site")
    camera = tmp_path / "DCIM"
    camera.mkdir()
    save_jpeg(camera / "IMG_0001.JPG", marked((4000, 3000)), orientation=6)  # a phone's 12 MP
    (camera / "IMG_0002.HEIC").write_bytes(heic_bytes(marked((1000, 750)).rotate(90), gps=True))
    source = {p.name: p.read_bytes() for p in camera.iterdir()}
    assert run(project, "new-gallery", "day-one").returncode == 0
    done = run(project, "import-photos", str(camera), "--gallery", "day-one")
    assert done.returncode == 0, done.stderr
    assert "added IMG_0001.JPG as day-one-" in done.stdout
    folder = project / "content/galleries/day-one"
    made = sorted(p for p in folder.iterdir() if p.suffix == ".jpg")
    assert len(made) == 2
    for path in made:
        with Image.open(path) as image:
            assert not image.getexif() and not image.info.get("xmp")
            assert image.width <= 2400
    with Image.open(folder / done.stdout.split("IMG_0001.JPG as ")[1].split()[0]) as image:
        assert image.size == (2400, 3200)  # upright, and no wider than the site publishes
        assert image.getpixel((2300, 50))[0] > 200  # the red corner, turned with the photo
    assert {p.name: p.read_bytes() for p in camera.iterdir()} == source  # only read
    again = run(project, "import-photos", str(camera), "--gallery", "day-one")
    assert "0 photo(s) added, 2 already there" in again.stdout  # known by their digests
    assert run(project, "check").stdout.count("carries the") == 0
