"""The programme on a 360 px phone in Debian's chromium: nothing scrolls sideways, and every
line break inside Thai text falls between two words, as Intl.Segmenter('th') finds them."""

import pytest

pytestmark = pytest.mark.browser

BREAKS_INSIDE_WORDS = """() => {
  const words = new Intl.Segmenter('th', {granularity: 'word'});
  const inside = [];
  for (const cell of document.querySelectorAll('.programme th, .programme td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      if (!/[\\u0e00-\\u0e7f]/.test(text)) continue;
      const between = new Set([...words.segment(text)].map((word) => word.index));
      let line = null;
      for (let at = 0; at < text.length; at++) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const box = range.getClientRects()[0];
        if (!box || !box.width) continue;
        if (line !== null && box.top > line + 2 && !between.has(at)) {
          inside.push(text.slice(Math.max(0, at - 6), at) + '|' + text.slice(at, at + 6));
        }
        line = box.top;
      }
    }
  }
  return inside;
}"""


@pytest.mark.parametrize("path", ["editions/27/", "en/editions/27/"])
def test_the_programme_fits_a_phone_and_breaks_thai_between_words(served_site, path):
    from test_browser import small_phone

    origin, _ = served_site
    with small_phone(f"{origin}/{path}") as phone:
        wide = phone.evaluate("document.documentElement.scrollWidth")
        rows = phone.locator(".programme tr[data-start]").count()
        inside = phone.evaluate(BREAKS_INSIDE_WORDS)
    assert rows > 5 and wide <= 360
    assert inside == []
