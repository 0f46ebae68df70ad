"""Every file a build writes is complete or absent: a build killed at the wrong moment, or two
builds at once, leave nothing that a later build trusts and trips over."""

import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, SITES, build_site, page

from plugins.pipeline.lock import hold_build_lock, release_build_lock

PELICAN = str(Path(sys.executable).parent / "pelican")


def copy_of_minimal(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    return content


def test_a_content_cache_cut_short_is_made_again_with_a_note(tmp_path, capsys):
    content = copy_of_minimal(tmp_path)
    output = build_site(content, tmp_path / "output")
    cache = tmp_path / "output-cache/ArticlesGenerator-Readers"
    cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])
    (tmp_path / "output-cache/en/ArticlesGenerator-Readers").write_bytes(b"")
    capsys.readouterr()
    build_site(content, output)
    note = capsys.readouterr().err
    assert f"{cache}: was incomplete (a build was stopped); it is made again" in note
    assert page(output, "news/first-day/").h1.text.strip() == "วันแรกของงาน"
    assert cache.read_bytes().endswith(b".")


def test_an_empty_sharing_card_left_by_a_killed_build_is_made_again(tmp_path):
    content = copy_of_minimal(tmp_path)
    output = build_site(content, tmp_path / "output")
    image = page(output, "news/first-day/").find("meta", property="og:image")["content"]
    name = image.rsplit("/", 1)[1]
    cached = tmp_path / "output-cache/social" / name
    cached.unlink()
    cached.write_bytes(b"")
    build_site(content, output)
    assert cached.stat().st_size > 1000
    assert (output / "theme/social" / name).read_bytes()[:2] == b"\xff\xd8"  # a JPEG


def test_a_second_build_at_the_same_time_waits_for_the_first(tmp_path):
    content = copy_of_minimal(tmp_path)
    cache = tmp_path / "cache"
    hold_build_lock(str(cache))  # this test is the first build
    command = [PELICAN, str(content), "-o", str(tmp_path / "output"), "-s",
               str(ROOT / "pelicanconf.py"), "-e", f'CACHE_PATH="{cache}"']  # fmt: skip
    second = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        assert second.poll() is None  # still waiting
        assert not (tmp_path / "output/news/first-day/index.html").exists()
    finally:
        release_build_lock(str(cache))
    assert second.wait(timeout=120) == 0
    assert "Another build of this site is running; waiting for it to end" in second.stderr.read()
    assert (tmp_path / "output/news/first-day/index.html").exists()


def test_a_new_search_index_leaves_nothing_of_the_old_one(tmp_path):
    content = copy_of_minimal(tmp_path)
    output = build_site(content, tmp_path / "output", SEARCH_INDEX=True)
    news = content / "news/first-day.md"
    news.write_text(news.read_text().replace("เนื้อข่าววันแรก", "ข่าวแก้ไขแล้ว"))
    build_site(content, output, SEARCH_INDEX=True)
    clean = build_site(
        content, tmp_path / "clean", CACHE_PATH=str(tmp_path / "c"), SEARCH_INDEX=True
    )

    def files(folder: Path) -> int:
        return sum(1 for p in (folder / "pagefind").rglob("*") if p.is_file())

    assert files(output) == files(clean) > 5
    assert not list(output.glob(".pagefind-*"))


def test_a_page_is_replaced_whole_or_left_as_it_was(tmp_path):
    from plugins.pipeline.writer import WholeFile

    page_file = tmp_path / "index.html"
    page_file.write_text("old page")
    try:
        with WholeFile(str(page_file), "utf-8") as file:
            file.write("<html>half of the new")
            raise KeyboardInterrupt  # the build stopped here
    except KeyboardInterrupt:
        pass
    assert page_file.read_text() == "old page"
    with WholeFile(str(page_file), "utf-8") as file:
        file.write("new page")
    assert page_file.read_text() == "new page"
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]  # nothing left beside it
    assert page_file.stat().st_mode & 0o777 == 0o644


def test_every_page_of_a_build_is_written_whole(tmp_path):
    content = copy_of_minimal(tmp_path)
    output = build_site(content, tmp_path / "output")
    leftovers = [p for p in output.rglob(".writing-*")]
    pages = list(output.rglob("*.html"))
    assert leftovers == [] and len(pages) > 50
    assert all(p.read_text(encoding="utf-8").rstrip().endswith("</html>") for p in pages)


def test_a_damaged_front_matter_cache_is_read_again_with_a_note(tmp_path, capsys):
    content = copy_of_minimal(tmp_path)
    output = build_site(content, tmp_path / "output")
    cache = tmp_path / "output-cache/front-matter.pickle"
    cache.write_bytes(cache.read_bytes()[:100])
    capsys.readouterr()
    build_site(content, output)
    assert f"{cache}: was damaged; every file is read again" in capsys.readouterr().err
    assert page(output, "news/first-day/").h1.text.strip() == "วันแรกของงาน"
