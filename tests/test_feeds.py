"""Each language's feeds, read by a real feed reader (feedparser): each names itself as its
own address, says its language, and describes itself."""

import feedparser
import pytest

FEEDS = [
    ("feeds/atom.xml", "th", "http://localhost:8000/feeds/atom.xml"),
    ("feeds/rss.xml", "th", "http://localhost:8000/feeds/rss.xml"),
    ("en/feeds/atom.xml", "en", "http://localhost:8000/en/feeds/atom.xml"),
    ("en/feeds/rss.xml", "en", "http://localhost:8000/en/feeds/rss.xml"),
]


@pytest.mark.parametrize(("path", "lang", "address"), FEEDS)
def test_each_feed_names_itself_and_its_language(minimal_site, path, lang, address):
    feed = feedparser.parse((minimal_site / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    selves = [link.href for link in feed.feed.get("links", []) if link.rel == "self"]
    assert selves == [address]
    assert feed.feed.get("language", "").startswith(lang)
    assert feed.feed.get("subtitle") or feed.feed.get("description")
    assert feed.entries, "a feed with no news"
    thai = [any("\u0e00" <= c <= "\u0e7f" for c in entry.title) for entry in feed.entries]
    # the English feed also lists Thai news not translated yet, as the English site does
    assert all(thai) if lang == "th" else not all(thai)
