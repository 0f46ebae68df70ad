"""Trust, round three: what the newer surfaces (photos everywhere, the venue map, the service
worker, staff dates, publishing, the editor) must not let through. Each case builds a real
site or runs the real command, and ends in a `file:line` message with the fix, or in the
thing simply working."""

import hashlib
import re
import shutil

import pytest
from conftest import SITES, build_site, page, write_tree
from photos import marked, save_jpeg
from PIL import Image

from plugins.core.photo_metadata import any_metadata
from plugins.core.problems import ContentError

NEWS = "Title: ข่าว\nDate: 2024-05-28\n\nข่าว ![ภาพ]({static}/images/%s)\n"
HOSTILE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
 onload="alert(1)"><script>alert(2)</script>
<foreignObject><body xmlns="http://www.w3.org/1999/xhtml" onload="alert(3)"/></foreignObject>
<a href="javascript:alert(4)"><rect width="10" height="10"/></a>
<use href="https://evil.example/x.svg#a"/><use xlink:href="data:image/svg+xml,x"/>
<text x="1" y="9">เวทีกลาง</text></svg>"""


def problems_of_build(content, output) -> list[str]:
    with pytest.raises(ContentError) as stopped:
        build_site(content, output)
    return [str(problem) for problem in stopped.value.problems]


def digests(folder) -> dict[str, str]:
    return {
        hashlib.sha256(p.read_bytes()).hexdigest(): str(p) for p in folder.rglob("*") if p.is_file()
    }


def test_content_images_publish_photos_by_their_bytes_and_refuse_active_files(tmp_path):
    content = write_tree(tmp_path / "content", {"news/x.md": NEWS % "x.jfif"})
    images = content / "images"
    images.mkdir()
    for name in ("x.jfif", "y.jpe", "z.jpg.orig", "holiday"):  # JPEG bytes, any name
        save_jpeg(images / name, marked((900, 600)))
    marked((700, 500)).save(images / "scan.tif", exif=Image.open(images / "y.jpe").getexif())
    (images / "logo.svg").write_text(HOSTILE_SVG, encoding="utf-8")
    (images / "promo.html").write_text("<p>โปรโมชัน<script>alert(1)</script></p>", "utf-8")
    (images / "fake.png").write_text("<html><script>alert(1)</script></html>", "utf-8")
    problems = problems_of_build(content, tmp_path / "output")
    assert problems == [
        "content/images/fake.png: is a web page or other markup, which the site never publishes "
        "from content/ (it could run a script on the site's address): remove it",
        "content/images/logo.svg: is an SVG drawing, which the site publishes only as an "
        "edition's Map (drawn in the page, cleaned): name it in Map:, or save the picture as "
        "PNG or JPEG",
        "content/images/promo.html: is a web page or other markup, which the site never "
        "publishes from content/ (it could run a script on the site's address): remove it",
    ]
    for name in ("logo.svg", "promo.html", "fake.png"):
        (images / name).unlink()
    sources = digests(images)
    output = build_site(content, tmp_path / "output")
    published = digests(output)
    assert not set(sources) & set(published)  # no original went out byte for byte
    made = sorted(p.name for p in (output / "photos/images").iterdir())
    for stem in ("x", "y", "z-jpg", "holiday", "scan"):
        assert any(name.startswith(f"{stem}-") and name.endswith(".webp") for name in made), (
            stem,
            made,
        )
    for path in output.rglob("*"):
        if path.suffix in {".webp", ".jpg", ".png", ".tif"}:
            with Image.open(path) as image:
                assert any_metadata(image) is None, path
    assert not (output / "images").exists()
    assert "/photos/images/x-" in (output / "news/x/index.html").read_text(encoding="utf-8")


def edition_with_map(tmp_path, svg: str):
    """The tests' small site, its edition naming a venue map in content/images/."""
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    (content / "images").mkdir()
    (content / "images/venue.svg").write_text(svg, encoding="utf-8")
    edition = content / "editions/27.md"
    text = edition.read_text(encoding="utf-8")
    edition.write_text(text.replace("Organisers:", "Map: images/venue.svg\nOrganisers:"), "utf-8")
    return content


def test_the_venue_maps_source_is_drawn_in_its_page_not_published(tmp_path):
    content = edition_with_map(tmp_path, HOSTILE_SVG)
    output = build_site(content, tmp_path / "output")
    theme = output / "theme"
    assert [p for p in output.rglob("*.svg") if p.name != "qr.svg" and theme not in p.parents] == []
    venue = (output / "editions/27/venue/index.html").read_text(encoding="utf-8")
    drawing = venue[venue.index("<svg") : venue.index("</svg>")]
    assert "เวทีกลาง" in drawing
    for active in (
        "<script",
        "onload",
        "foreignObject",
        "javascript:",
        "<use",
        "evil.example",
        "<a ",
    ):
        assert active not in drawing, active


def same_second_photos(folder, count: int) -> None:
    """A burst: `count` different photos, all taken in the same second."""
    folder.mkdir()
    for number in range(count):
        exif = Image.Exif()
        exif[0x0132] = "2024:05:28 17:35:12"  # DateTime
        image = Image.effect_noise((640, 480), 90).convert("RGB")
        image.save(folder / f"IMG_{number:04d}.JPG", quality=90, exif=exif)


def test_two_imports_at_once_lose_no_photo(tmp_path):
    import subprocess

    from test_office import INVOKE, make_project, run

    from plugins.core.front_matter import read_front_matter

    project = make_project(tmp_path / "site")
    assert run(project, "new-gallery", "day-one").returncode == 0
    cameras = [tmp_path / "camera-a", tmp_path / "camera-b"]
    for camera in cameras:
        same_second_photos(camera, 8)
    running = [
        subprocess.Popen([INVOKE, "import-photos", str(camera), "--gallery", "day-one"],
                         cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for camera in cameras
    ]  # fmt: skip
    said = [process.communicate(timeout=300)[0] for process in running]
    added = sum(int(re.search(r"(\d+) photo\(s\) added", text)[1]) for text in said)
    folder = project / "content/galleries/day-one"
    files = sorted(p.name for p in folder.iterdir() if p.suffix == ".jpg")
    assert added == len(files) == 16, said
    assert len({name.lower() for name in files}) == 16
    listed = [item["File"] for item in read_front_matter(folder / "index.md").items("photos")]
    assert sorted(listed) == files  # each photo listed once, none lost


# ---- 5. A page, and what a first visit keeps, within their budgets -----------------------


def big_map(rectangles: int) -> str:
    shapes = "".join(f'<rect x="{n % 500}" y="{n // 500}" width="1" height="1" fill="#c33"/>'
                     for n in range(rectangles))  # fmt: skip
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 500 100">{shapes}</svg>'


def test_a_page_over_its_budget_and_an_offline_copy_over_its_budget_are_errors(tmp_path):
    from test_office import make_project, run

    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "content")
    shutil.copytree(edition_with_map(tmp_path, big_map(30_000)), project / "content")
    checked = run(project, "check")
    assert checked.returncode == 1
    said = checked.stdout
    assert re.search(r"output/editions/27/venue/index.html\n  file      error    weighs [\d.]+ MB "
                     r"as it opens, more than PAGE_BUDGET \(1.0 MB\)", said), said  # fmt: skip
    assert "the largest parts: editions/27/venue/index.html (" in said
    assert re.search(r"output/sw.js\n  file      error    a first visit keeps [\d.]+ MB for "
                     r"offline use, more than OFFLINE_BUDGET \(2.0 MB\); the largest: "
                     r"/editions/27/venue/", said)  # fmt: skip


def test_a_gallerys_lazy_photos_do_not_count_as_it_opens():
    """A gallery of 50 photos opens with its first few; the rest load when scrolled to."""
    from plugins.gallery.budget import loaded_as_it_opens

    html = (
        '<link rel="stylesheet" href="/theme/css/site.css"><script src="/theme/js/a.js" defer>'
        '</script><img src="/g/1.webp" fetchpriority="high"><img src="/g/2.webp">'
        + "".join(f'<img src="/g/{n}.webp" loading="lazy">' for n in range(3, 51))
    )
    assert loaded_as_it_opens(html) == [
        "/theme/css/site.css", "/theme/js/a.js", "/g/1.webp", "/g/2.webp"
    ]  # fmt: skip


# ---- 6. Links in content/ to files outside the site's folder -----------------------------


def test_a_link_to_a_file_outside_the_site_is_named_and_nothing_is_built(tmp_path):
    private = tmp_path / "private"
    private.mkdir()
    save_jpeg(private / "home.jpg", marked())
    content = write_tree(
        tmp_path / "site/content", {"news/x.md": "Title: ข่าว\nDate: 2024-05-28\n\nข่าว\n"}
    )
    (content / "images").mkdir()
    (content / "images/home.jpg").symlink_to(private / "home.jpg")
    (content / "galleries").mkdir()
    (content / "galleries/family").symlink_to(private)
    problems = problems_of_build(content, tmp_path / "site/output")
    assert problems == [
        f"content/galleries/family: is a link to {private}, outside the site's folder: that file "
        "is not in the repository, yet it would be published (copy the file itself into "
        "content/, or remove the link)",
        f"content/images/home.jpg: is a link to {private / 'home.jpg'}, outside the site's folder: "
        "that file is not in the repository, yet it would be published (copy the file itself "
        "into content/, or remove the link)",
    ]
    assert not (tmp_path / "site/output/index.html").exists()


# ---- 7. No page replaces another ------------------------------------------------------------


@pytest.mark.parametrize(
    "field", ["Save_as: index.html", "URL: /", "Template: home", "Article_save_as: x.html"]
)
def test_a_file_cannot_choose_its_address_or_template(tmp_path, field):
    name = field.split(":")[0]
    text = f"Title: ข่าว\nDate: 2024-05-28\n{field}\n\nข่าว\n"
    problems = problems_of_build(
        write_tree(tmp_path / "content", {"news/x.md": text}), tmp_path / "output"
    )
    assert problems == [
        f"content/news/x.md:3: {name} cannot be set in a file: a page's address comes from its "
        "file's name or its Slug (remove the line; to change the address, write Slug: x)"
    ]


def test_a_product_slug_is_plain_letters(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    silk = content / "products/silk.md"
    silk.write_text(
        silk.read_text(encoding="utf-8").replace(
            "Booth: A01\n", "Booth: A01\nSlug: ../../../evil\n"
        ),
        "utf-8",
    )
    problems = problems_of_build(content, tmp_path / "output")
    assert any(
        'Slug "../../../evil" may hold only a-z, 0-9 and - (write "evil")' in p for p in problems
    ), problems
    assert not list(tmp_path.glob("evil*"))


def test_two_pages_written_to_one_file_are_named_both(tmp_path):
    content = write_tree(tmp_path / "content", {
        "news/same.md": "Title: ข่าว\nDate: 2024-05-28\n\nข่าว\n",
        "pages/same.md": "Title: หน้า\n\nหน้า\n",
    })  # fmt: skip
    from plugins.pipeline.writer import WrittenTwice

    with pytest.raises(WrittenTwice) as stopped:
        build_site(content, tmp_path / "output", PAGE_SAVE_AS="news/{slug}/index.html",
                   PAGE_LANG_SAVE_AS="news/{slug}/index.html")  # fmt: skip
    said = str(stopped.value)
    assert "output/news/same/index.html would be written twice, by " in said
    assert "content/news/same.md" in said and "content/pages/same.md" in said


@pytest.mark.parametrize("title", ["ข่าว\nSave_as: index.html", "--help"])
def test_a_new_title_is_one_line_and_not_an_option(tmp_path, title):
    from test_office import make_project, run

    project = make_project(tmp_path / "site")
    before = sorted(p.name for p in (project / "content/news").iterdir())
    done = run(project, "new-post", title)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert sorted(p.name for p in (project / "content/news").iterdir()) == before


# ---- 8. A message where a traceback was ------------------------------------------------------


def test_a_photo_named_outside_content_is_a_message(tmp_path):
    save_jpeg(tmp_path / "outside.jpg", marked())
    content = tmp_path / "deep/er/site/content"
    shutil.copytree(SITES / "minimal/content", content)
    silk = content / "products/silk.md"
    text = silk.read_text(encoding="utf-8").replace(
        "Booth: A01\n", "Booth: A01\nPhoto: ../../../../../outside.jpg\n"
    )
    silk.write_text(text, encoding="utf-8")
    problems = problems_of_build(content, tmp_path / "output")
    assert any('Photo "../../../../../outside.jpg" is outside content/ (put the photo beside the page' in p
               for p in problems), problems  # fmt: skip


def test_a_map_nested_too_deep_is_a_message(tmp_path):
    nested = '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 5000 + "</g>" * 5000 + "</svg>"
    problems = problems_of_build(edition_with_map(tmp_path, nested), tmp_path / "output")
    assert problems == [
        "content/editions/27.md:11: Map: content/images/venue.svg has drawings inside drawings "
        "more than 64 levels deep (save it again from the drawing program, with its groups flattened)"
    ]


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["new-product", "X", "--category", "food", "--district", "ชนบท", "--booth", "A1", "--stars", "abc"],
         '--stars "abc" is not a number from 1 to 5'),
        (["new-edition", "²", "--start", "2025-05-26", "--end", "2025-06-01"],
         "the edition number is a whole number, not '²'"),
    ],
)  # fmt: skip
def test_a_wrong_option_is_one_line(tmp_path, arguments, said):
    from test_office import make_project, run

    done = run(make_project(tmp_path / "site"), *arguments)
    assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr


def test_an_unreadable_photo_is_skipped_and_the_import_finishes(tmp_path, monkeypatch):
    from office import photos
    from plugins.core.front_matter import read_front_matter

    camera = tmp_path / "camera"
    same_second_photos(camera, 3)
    gallery = tmp_path / "content/galleries/day"
    gallery.mkdir(parents=True)
    reading = photos.file_digest

    def refuse_one(path):
        if path.name == "IMG_0001.JPG":
            raise PermissionError(13, "Permission denied", str(path))
        return reading(path)

    monkeypatch.setattr(photos, "file_digest", refuse_one)
    report = photos.import_photos(camera, tmp_path / "content", "day", ["th", "en"])
    assert report.unreadable == ["IMG_0001.JPG"] and len(report.copied) == 2
    listed = [item["File"] for item in read_front_matter(gallery / "index.md").items("photos")]
    assert sorted(listed) == sorted(report.copied)


# ---- 9. Dates and times ---------------------------------------------------------------------------


def test_a_time_written_in_another_zone_is_shown_on_the_fairs_day(tmp_path):
    content = write_tree(
        tmp_path / "content", {"news/x.md": "Title: ข่าว\nDate: 2024-05-28 23:30 Z\n\nข่าว\n"}
    )
    output = build_site(content, tmp_path / "output")
    assert "29 พ.ค. 2567" in page(output, "news/x/").find("time").get_text()


def test_a_night_fair_and_a_show_past_midnight(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    edition = content / "editions/27.md"
    edition.write_text(
        edition.read_text(encoding="utf-8").replace("Closes: 22.00", "Closes: 01.00"), "utf-8"
    )
    programme = content / "editions/27.programme.md"
    programme.write_text(programme.read_text(encoding="utf-8") +
                         "| 2024-06-02 | 23.00 | 00.30 | ดนตรียามดึก | Late music | เวที | Stage |\n", "utf-8")  # fmt: skip
    output = build_site(content, tmp_path / "output")
    state = page(output, "editions/27/").find(class_="fair-state")
    assert state["data-end"] == "2024-06-03T01:00:00+07:00"
    late = page(output, "editions/27/").find(
        "tr", attrs={"data-start": "2024-06-02T23:00:00+07:00"}
    )
    assert late["data-end"] == "2024-06-03T00:30:00+07:00"
    calendar = (output / "editions/27/programme.ics").read_text()
    assert "DTEND;TZID=Asia/Bangkok:20240603T003000" in calendar


def test_a_year_that_is_surely_a_slip_is_a_warning(tmp_path):
    from test_office import make_project, run

    project = make_project(tmp_path / "site")
    write_tree(project / "content", {"news/old.md": "Title: ข่าว\nDate: 2399-05-28\n\nข่าว\n"})
    said = run(project, "check").stdout
    assert (
        'line 2    warning  Date "2399-05-28" is in the year 2399 (Buddhist Era 2942): check the year'
        in said
    )


# ---- 10. Embeds by their parsed address -------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", True),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", True),
        (
            "https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx",
            True,
        ),
        ("https://www.youtube.com/embed/../../redirect?q=https://evil.example", False),
        ("https://www.facebook.com/plugins/video.php.evil.com/x", False),
        ("https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ", False),
        ("https://user@www.youtube.com/embed/dQw4w9WgXcQ", False),
        ("http://www.youtube.com/embed/dQw4w9WgXcQ", False),
        ("https://www.youtube.com/embed/%2e%2e/redirect", False),
    ],
)
def test_only_a_video_players_address_is_embedded(tmp_path, address, kept):
    text = f'Title: ข่าว\nDate: 2024-05-28\n\n<iframe src="{address}"></iframe>\n'
    output = build_site(write_tree(tmp_path / "content", {"news/x.md": text}), tmp_path / "output")
    frame = page(output, "news/x/").find("iframe")
    assert (frame is not None and frame.get("src") == address) == kept, frame
