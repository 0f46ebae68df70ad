"""The build caches keep a rebuild fast and never keep it wrong."""

import json
import os

from conftest import build_site, page, write_tree

from plugins.content_rules.cache import FrontMatterCache
from plugins.content_rules.checks import ROMANIZED_FILE


def test_front_matter_is_read_again_when_a_file_changes(tmp_path):
    source = write_tree(tmp_path, {"x.md": "Title: ก\nDate: 2024-05-28\n\nข่าว\n"}) / "x.md"
    cache = FrontMatterCache(str(tmp_path / "cache"))
    assert cache.read(source).get("title") == "ก"
    cache.save({str(source)})

    source.write_text("Title: ข\nDate: 2024-05-28\n\nข่าว\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # same size, another time: a checkout can do that
    again = FrontMatterCache(str(tmp_path / "cache"))
    assert again.read(source).get("title") == "ข"


def test_front_matter_of_removed_files_is_dropped(tmp_path):
    files = write_tree(tmp_path, {"a.md": "Title: ก\n", "b.md": "Title: ข\n"})
    cache = FrontMatterCache(str(tmp_path / "cache"))
    for name in ("a.md", "b.md"):
        cache.read(files / name)
    cache.save({str(files / "a.md")})
    assert set(FrontMatterCache(str(tmp_path / "cache")).entries) == {str(files / "a.md")}


def test_a_broken_cache_file_is_ignored(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache/front-matter.pickle").write_bytes(b"not a pickle")
    source = write_tree(tmp_path, {"x.md": "Title: ก\n"}) / "x.md"
    assert FrontMatterCache(str(tmp_path / "cache")).read(source).get("title") == "ก"


def test_romanized_names_are_kept_and_used_by_the_next_build(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {"news/x.md": "Title: ข่าว\nDate: 2024-05-28\nTags: สมุนไพร\n\nข่าว\n"},
    )
    output = tmp_path / "output"
    build_site(content, output)
    assert (output / "tag/samunprai/index.html").exists()
    saved_file = tmp_path / "output-cache" / ROMANIZED_FILE
    saved = json.loads(saved_file.read_text(encoding="utf-8"))
    assert saved["names"] == {"สมุนไพร": "samunprai"}

    saved["names"]["สมุนไพร"] = "herbs-from-the-cache"
    saved_file.write_text(json.dumps(saved), encoding="utf-8")
    build_site(content, output)
    assert (output / "tag/herbs-from-the-cache/index.html").exists()
    assert page(output, "news/x/").select_one(".tags a")["href"] == "/tag/herbs-from-the-cache/"
