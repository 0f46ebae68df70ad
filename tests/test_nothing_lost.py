"""Nothing is skipped silently: what Pelican would drop is judged first, with file, line and
fix; the office's Thai status words are understood; a category or tag has one address in
both languages; whatever Pelican still cannot read stops the build by name."""

import subprocess

import pytest
from conftest import ROOT, build_site, english, page, write_tree
from test_content_errors import GOOD_THAI, problems_of


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"news/x.md": "Title: ข่าว\nDate: 2024-06-01 24:00\n\nข่าว\n"},
            'content/news/x.md:2: Date "2024-06-01 24:00" has no such time of day '
            "(write 2024-06-01 23:59)",
        ),
        (
            {"news/x.md": "Title: ข่าว\nDate: 2024-06-01 10:75\n\nข่าว\n"},
            'content/news/x.md:2: Date "2024-06-01 10:75" has no such time of day '
            "(write 2024-06-01 23:59)",
        ),
        (
            {"news/x.md": "Title: ข่าว\nDate: 2024-06-01\nStatus: เร็วๆ นี้\n\nข่าว\n"},
            'content/news/x.md:3: Status "เร็วๆ นี้" is not a status (write published, draft '
            "or hidden; or เผยแพร่, ร่าง or ซ่อน)",
        ),
        (
            {"news/x.md": "Title: ข่าว\nDate: 2024-06-01\nTags: ผ้าไหม; อาหาร\n\nข่าว\n"},
            'content/news/x.md:3: Tags "ผ้าไหม; อาหาร" must be separated by commas '
            "(write ผ้าไหม, อาหาร)",
        ),
        (
            {
                "news/x.md": "Title: ข่าว\nDate: 2024-06-01\nTags: ผ้าไหม, อาหาร\n\nข่าว\n",
                "news/x.en.md": "Title: News\nDate: 2024-06-01\nTags: Silk\n\nNews\n",
            },
            'content/news/x.en.md:3: Tags "Silk" do not match the Thai original\'s '
            '"ผ้าไหม, อาหาร" one for one (write as many tags, in the same order, as '
            "content/news/x.md)",
        ),
        (
            {
                "news/x.md": "Title: ข่าว\nDate: 2024-06-01\nCategory: ข่าว\n\nข่าว\n",
                "news/x.en.md": "Title: News\nDate: 2024-06-01\nCategory: Announcements\n\nN\n",
            },
            'content/news/x.en.md:3: Category "Announcements" has the address announcements, '
            'but the original\'s "ข่าว" has news (write "News", the name "ข่าว" has in this '
            "language, or give both names one address in CATEGORY_NAMES in pelicanconf.py)",
        ),
        (
            {
                "news/a.md": "Title: ก\nDate: 2024-06-01\nTags: ส่งเสริม\n\nก\n",
                "news/a.en.md": "Title: A\nDate: 2024-06-01\nTags: Promotion\n\nA\n",
                "news/b.md": "Title: ข\nDate: 2024-06-02\nTags: มัดหมี่\n\nข\n",
                "news/b.en.md": "Title: B\nDate: 2024-06-02\nTags: mudmee\n\nB\n",
                "news/x.md": "Title: ค\nDate: 2024-06-03\nTags: ส่งเสริม\n\nค\n",
                "news/x.en.md": "Title: X\nDate: 2024-06-03\nTags: mudmee\n\nX\n",
            },
            'content/news/x.en.md:3: Tags "mudmee" has the address mudmee, but the original\'s '
            '"ส่งเสริม" has promotion (write "Promotion", the name "ส่งเสริม" has in this '
            "language, or give both names one address in TAG_NAMES in pelicanconf.py)",
        ),
    ],
)
def test_what_pelican_would_drop_is_refused_by_name(tmp_path, files, expected):
    assert problems_of(tmp_path, files) == [expected]


def test_the_offices_thai_status_words_are_understood(tmp_path):
    content = write_tree(tmp_path / "content", {
        "news/good.md": GOOD_THAI,
        "news/draft.md": "Title: ร่างข่าว\nDate: 2024-05-29\nStatus: ร่าง\n\nร่าง\n",
        "news/hidden.md": "Title: ข่าวซ่อน\nDate: 2024-05-30\nStatus: ซ่อน\n\nซ่อน\n",
    })  # fmt: skip
    output = build_site(content, tmp_path / "output")
    assert (output / "drafts/draft/index.html").is_file()  # previewed as a draft
    assert (output / "news/hidden/index.html").is_file()  # hidden: written, not listed
    listed = {a.text.strip() for a in page(output, "news/").select("main a")}
    assert "ข่าวดี" in listed and "ร่างข่าว" not in listed and "ข่าวซ่อน" not in listed


def test_a_category_and_tags_named_in_each_language_share_one_address(tmp_path):
    content = write_tree(tmp_path / "content", {
        "news/x.md": "Title: ข่าวมวย\nDate: 2024-06-01\nCategory: มวยไทย\nTags: เวทีมวย\n\nข่าว\n",
        "news/x.en.md": "Title: Boxing\nDate: 2024-06-01\nCategory: Muay Thai\nTags: Ring\n\nN\n",
    })  # fmt: skip
    output = build_site(content, tmp_path / "output")
    assert page(output, "category/muay-thai/").h1 is not None
    assert page(output, "en/category/muay-thai/").h1 is not None
    assert page(output, "tag/ring/").h1 is not None and page(output, "en/tag/ring/").h1 is not None
    assert not (output / "category/muaithai").exists()


def test_a_file_that_is_not_utf8_is_named_with_the_fix(tmp_path):
    content = write_tree(tmp_path / "content", {"news/good.md": GOOD_THAI})
    (content / "news/notepad.md").write_bytes(
        "Title: ข่าว\nDate: 2024-06-01\n\nข่าว\n".encode("utf-16")
    )
    done = subprocess.run(
        [str(ROOT / ".venv/bin/pelican"), str(content), "-o", str(tmp_path / "out"),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'CACHE_PATH="{tmp_path / "cache"}"',
         "SEARCH_INDEX=false"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode != 0
    assert (
        "content/news/notepad.md: is not saved as UTF-8 (open it and save it again as UTF-8; "
        "in Windows Notepad: Save as → Encoding: UTF-8)"
    ) in english(done.stderr)
    assert not (tmp_path / "out/news/good/index.html").exists()


def test_what_pelican_still_cannot_read_stops_the_build_by_name(tmp_path):
    problems = problems_of(
        tmp_path, {"news/x.md": "Title: ข่าว\nDate: 2024-06-01\nModified: เมื่อวาน\n\nข่าว\n"}
    )
    assert len(problems) == 1
    assert problems[0].startswith("content/news/x.md: Pelican could not read it: ")
    assert not (tmp_path / "output/news/good/index.html").exists()


@pytest.mark.parametrize("debug", [False, True])
def test_a_writers_mistake_shows_no_traceback_unless_debugging(tmp_path, debug):
    import os

    content = write_tree(tmp_path / "content", {
        "news/good.md": GOOD_THAI, "news/x.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n",
    })  # fmt: skip
    environment = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    done = subprocess.run(
        [str(ROOT / ".venv/bin/pelican"), str(content), "-o", str(tmp_path / "out"),
         "-s", str(ROOT / "pelicanconf.py"), "-e", f'CACHE_PATH="{tmp_path / "cache"}"'],
        capture_output=True, text=True, check=False, cwd=ROOT,
        env={**environment, **({"DEBUG": "1"} if debug else {})},
    )  # fmt: skip
    shown = english(done.stdout + done.stderr)  # Pelican logs to the terminal's standard output

    assert done.returncode == 1
    assert (
        'content/news/x.md:2: Date "28/13/2567" has no month 13 (write 2024-05-28, or 28 พ.ค. 2567)'
        in shown
    )
    assert ("Traceback" in shown) is debug
