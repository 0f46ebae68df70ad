"""The office adds an edition every year: the site, and these tests, keep working. Built from
a copy of the frozen sample (tests/sites/sample), as `invoke new-edition 28` leaves it."""

import shutil

from conftest import SITES, page
from test_office import make_project, run

from office.check import broken_links


def test_the_site_keeps_working_when_the_office_adds_edition_28(tmp_path):
    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "content")
    shutil.copytree(SITES / "sample/content", project / "content")
    made = run(project, "new-edition", "28", "--start", "26 พ.ค. 2568", "--end", "2568-06-01")
    assert made.returncode == 0, made.stderr
    edition = (project / "content/editions/28.md").read_text(encoding="utf-8")
    for carried in ("Map: images/venue-ratchadanusorn-park.svg", "Photo: /galleries/opening-day/",
                    "Zones: ", "Directions: ", "Summary: "):  # fmt: skip
        assert carried in edition, carried
    built = run(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    output = project / "output"
    assert broken_links(output) == []
    home = page(output, "")
    assert (
        "ครั้งที่ 28" in home.find("main").get_text() and (output / "editions/27/index.html").exists()
    )
    for path in (
        "editions/28/",
        "editions/28/venue/",
        "editions/27/",
        "products/",
        "en/editions/28/",
    ):
        html = page(output, path)
        assert html.find("meta", attrs={"http-equiv": "Content-Security-Policy"}), path
    assert page(output, "editions/28/venue/").find(class_="venue__map") is not None


def test_check_warns_when_the_current_edition_has_no_map_or_photo(tmp_path):
    project = make_project(tmp_path / "site")  # the small site's edition has neither
    said = run(project, "check").stdout
    assert "content/editions/27.md" in said
    assert "warning  has no Photo: yet, so the home page shows no picture" in said
    assert "warning  has no Map: yet, so the venue page shows no map" in said
