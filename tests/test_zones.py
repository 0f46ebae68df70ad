"""Which booths stand in which zone of the venue map (the edition's Booths: list): the venue
page lists each zone's booths, a product's booth links to its zone, and a product whose booth
is in no zone is a file:line problem of the product."""

import re
import shutil

import pytest
from conftest import SITES, build_site, page

from plugins.core.problems import ContentError

ZONES = """Booths:
  - Zone: ผ้า
    Zone_en: Textiles
    Codes: A01-A20
  - Zone: สมุนไพร
    Codes: {herbal}
"""


def site_with_zones(tmp_path, herbal: str):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal" / "content", content)
    edition = content / "editions/27.md"
    head, _, body = edition.read_text(encoding="utf-8").partition("\n\n")
    edition.write_text(f"---\n{head}\n{ZONES.format(herbal=herbal)}---\n\n{body}", encoding="utf-8")
    return content, tmp_path / "output"


def test_the_venue_page_lists_each_zones_booths_and_a_booth_links_to_its_zone(tmp_path):
    output = build_site(*site_with_zones(tmp_path, "H01 - H10"))
    venue = page(output, "en/editions/27/venue/")
    zones = venue.select(".zones__zone")
    assert [z["id"] for z in zones] == ["zone-1", "zone-2"]
    assert [a.get_text() for a in zones[0].select(".zones__booths a")] == ["A01"]
    assert zones[1].select_one("h3")["lang"] == "th"  # no English name: marked Thai
    link = page(output, "en/products/balm/").select_one('.product__facts a[href*="#zone-"]')
    assert link["href"].endswith("/en/editions/27/venue/#zone-2") and "H02" in link.get_text()


@pytest.mark.parametrize(
    ("herbal", "wanted"),
    [
        ("H03-H10", r'content/products/balm\.md:6: Booth "H02" is in no zone of edition 27'),
        ("H10-H01", r'content/editions/27\.md:\d+: Booths: "H10-H01" is not a list of booth codes'),
    ],
)
def test_a_booth_in_no_zone_is_a_problem_of_its_file(tmp_path, herbal, wanted):
    with pytest.raises(ContentError) as stopped:
        build_site(*site_with_zones(tmp_path, herbal))
    said = [str(problem) for problem in stopped.value.problems]
    assert [line for line in said if re.search(wanted, line)], said
