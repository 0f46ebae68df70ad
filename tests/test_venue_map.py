"""The venue map is drawn in the page (so its Thai labels use the site's web font), and only
drawing gets in: no script, style, events or links out, whatever the SVG file holds."""

import shutil

import pytest
from conftest import SITES, build_site, english, make_settings, new_pelican, page

from plugins.core.problems import WriterMistake

HOSTILE = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
  viewBox="0 0 400 200" onload="alert(1)">
  <title>แผนผัง</title>
  <style>text { fill: red }</style>
  <script>alert(2)</script>
  <rect width="400" height="200" fill="#eee" style="fill:url(javascript:alert(3))"/>
  <a xlink:href="javascript:alert(4)"><text x="10" y="40">ลิงก์</text></a>
  <foreignObject><div>html</div></foreignObject>
  <text x="200" y="100" text-anchor="middle" font-weight="700" onclick="alert(5)">เวทีกลาง</text>
</svg>"""


def site_with_map(tmp_path, svg: str | None):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    edition = (content / "editions/27.md").read_text(encoding="utf-8")
    head, _, body = edition.partition("\n\n")
    (content / "editions/27.md").write_text(
        f"{head}\nMap: images/map.svg\n\n{body}", encoding="utf-8"
    )
    (content / "images").mkdir()
    if svg is not None:
        (content / "images/map.svg").write_text(svg, encoding="utf-8")
    return content


def test_the_map_is_drawn_in_the_page_and_only_drawing_gets_in(tmp_path):
    output = build_site(site_with_map(tmp_path, HOSTILE), tmp_path / "output")
    for path in ("editions/27/venue/", "en/editions/27/venue/"):
        drawing = page(output, path).select_one(".venue__map svg")
        assert drawing["role"] == "img" and drawing["aria-label"]
        assert [t.text for t in drawing.find_all("text")] == ["เวทีกลาง"]
        assert drawing.find("text")["font-weight"] == "700"
        text = str(drawing)
        for bad in ("script", "alert", "style", "onload", "onclick", "foreignObject", "<a"):
            assert bad not in text, bad
        assert not page(output, path).select(".venue__map img")


def test_a_missing_map_says_so_and_stops(tmp_path, capsys):
    content = site_with_map(tmp_path, None)
    with pytest.raises(WriterMistake):
        new_pelican(make_settings(content, tmp_path / "output")).run()
    line = "content/editions/27.md:12: Map: content/images/map.svg is not there (check the name)"
    assert line in english(capsys.readouterr().err)
