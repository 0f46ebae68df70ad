"""The venue map on a 360 px phone in Debian's chromium: every label at least 14 px and inside
the shape it names; make check warns when a map's labels would be smaller."""

import shutil

import pytest
from conftest import SITES

LABELS = """() => [...document.querySelectorAll('.venue__map svg text')].map((label) => {
  const box = label.getBoundingClientRect();
  const middle = {x: box.x + box.width / 2, y: box.y + box.height / 2};
  const shapes = [...document.querySelectorAll('.venue__map svg rect, .venue__map svg ellipse')]
    .map((shape) => shape.getBoundingClientRect())
    .filter((s) => s.left <= middle.x && middle.x <= s.right && s.top <= middle.y && middle.y <= s.bottom)
    .sort((a, b) => a.width * a.height - b.width * b.height);
  const own = shapes[0];
  const inside = own && box.left >= own.left - 1 && box.right <= own.right + 1
    && box.top >= own.top - 1 && box.bottom <= own.bottom + 1;
  const size = parseFloat(getComputedStyle(label).fontSize) * label.getScreenCTM().a;
  return {text: label.textContent, size, inside};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["editions/27/venue/", "en/editions/27/venue/"])
def test_the_maps_labels_are_readable_and_inside_their_shapes_on_a_phone(served_site, path):
    from test_browser import small_phone

    origin, _ = served_site
    with small_phone(f"{origin}/{path}") as phone:
        phone.evaluate("document.fonts.ready.then(() => true)")
        labels = phone.evaluate(LABELS)
        wide = phone.evaluate("document.documentElement.scrollWidth")
    assert len(labels) > 5 and wide <= 360
    assert [label for label in labels if label["size"] < 14] == []
    assert [label["text"] for label in labels if not label["inside"]] == []
    assert any("A01" in label["text"] for label in labels)  # booth codes by zone


def test_check_warns_when_the_maps_labels_are_too_small(tmp_path):
    from test_office import make_project, run

    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "content")
    shutil.copytree(SITES / "sample" / "content", project / "content")
    drawing = project / "content/images/venue-ratchadanusorn-park.svg"
    drawing.write_text(drawing.read_text(encoding="utf-8").replace('font-size="18"', 'font-size="9"'),
                       encoding="utf-8")  # fmt: skip
    said = run(project, "check").stdout
    assert "are 7 px on a phone, too small to read" in said
