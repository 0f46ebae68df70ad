"""Writers' mistakes stop the build with one line each: file, line, what is wrong, the fix."""

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site, english, make_settings, new_pelican, write_tree

from plugins.core.problems import ContentError

GOOD_THAI = "Title: ข่าวดี\nDate: 2024-05-28\n\nเนื้อข่าว\n"


def problems_of(tmp_path: Path, files: dict[str, str]) -> list[str]:
    content = write_tree(tmp_path / "content", {"news/good.md": GOOD_THAI, **files})
    with pytest.raises(ContentError) as error:
        build_site(content, tmp_path / "output")
    return [str(problem) for problem in error.value.problems]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"news/x.md": "Date: 2024-05-28\n\nไม่มีหัวข้อ\n"},
            'content/news/x.md:2: Title is missing (add "Title: <headline>" at the top)',
        ),
        (
            {"news/x.md": "Title: ไม่มีวันที่\n\nข่าว\n"},
            'content/news/x.md:2: Date is missing (add "Date: 2024-05-28" at the top)',
        ),
        (
            {"news/x.md": "Title: ข่าว\nCategory: ข่าว\nDate: 28/13/2567\n\nข่าว\n"},
            'content/news/x.md:3: Date "28/13/2567" has no month 13 (write 2024-05-28, or 28 พ.ค. 2567)',
        ),
        (
            {"news/x.md": "Title: ข่าว\nDate: 05/06/2024\n\nข่าว\n"},
            'content/news/x.md:2: Date "05/06/2024" could be read two ways (write '
            "year-month-day: 2024-06-05 or 2024-05-06)",
        ),
        (
            {"news/x.md": "Title: ข่าว\nDate: 2024-02-30\n\nข่าว\n"},
            'content/news/x.md:2: Date "2024-02-30" has no such day: February 2024 has 29 days (write 2024-02-29)',
        ),
        (
            {"news/good.fr.md": "Title: Bonjour\nDate: 2024-05-28\nLang: fr\n\nTexte\n"},
            'content/news/good.fr.md:3: Lang "fr" is not a language of this site (write th or en)',
        ),
        (
            {"news/good.en.md": "Title: Good news\nDate: 2024-05-28\nLang: th\n\nText\n"},
            'content/news/good.en.md:3: Lang "th" does not match the file name '
            "(rename it good.th.md, or fix Lang)",
        ),
        (
            {"news/lonely.en.md": "Title: Lonely\nDate: 2024-05-28\n\nText\n"},
            "content/news/lonely.en.md:3: Translation has no Thai original "
            "(add the Thai file lonely.md beside it, or give both the same Slug)",
        ),
        (
            {"news/x.md": "Title: ข่าว\nDate: 2024-05-28\nSlug: ข่าวดี\n\nข่าว\n"},
            'content/news/x.md:3: Slug "ข่าวดี" may hold only a-z, 0-9 and - (write "khaodi")',
        ),
        (
            {"news/other.md": "Title: ข่าวอื่น\nDate: 2024-05-29\nSlug: good\n\nข่าว\n"},
            'content/news/other.md:3: Slug "good" is also used by content/news/good.md '
            "(give one of them another Slug)",
        ),
        (
            {"pages/about.md": "Slug: about\n\nไม่มีหัวข้อ\n"},
            'content/pages/about.md:2: Title is missing (add "Title: <headline>" at the top)',
        ),
    ],
)
def test_each_mistake_is_one_clear_line(tmp_path, files, expected):
    assert problems_of(tmp_path, files) == [expected]


def test_two_files_with_one_slug_in_other_folders_name_each_other(tmp_path):
    found = problems_of(
        tmp_path,
        {
            "news/a/day.md": "Title: วันแรก\nDate: 2024-05-27\n\nข่าว\n",
            "news/b/day.md": "Title: วันที่สอง\nDate: 2024-05-28\n\nข่าว\n",
        },
    )
    assert found == [
        'content/news/b/day.md:3: Slug "day" is also used by content/news/a/day.md '
        "(give one of them another Slug)"
    ]


def test_every_problem_is_reported_in_one_run(tmp_path):
    found = problems_of(
        tmp_path,
        {
            "news/a.md": "Title: ก\nDate: 31/02/2024\n\nข่าว\n",
            "news/b.md": "Date: 2024-05-28\n\nข่าว\n",
            "news/c.en.md": "Title: C\nDate: 2024-05-28\nLang: en\n\nText\n",
        },
    )
    assert [line.split(":")[0] for line in found] == [
        "content/news/a.md",
        "content/news/b.md",
        "content/news/c.en.md",
    ]


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_failed_build_touches_nothing(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {"news/good.md": GOOD_THAI, "news/bad.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n"},
    )
    output = tmp_path / "output"
    write_tree(output, {"index.html": "the site that is online"})
    before = tree_digest(content)
    with pytest.raises(ContentError):
        build_site(content, output)
    assert tree_digest(content) == before
    assert tree_digest(output) == {
        "index.html": hashlib.sha256(b"the site that is online").hexdigest()
    }


def test_a_good_build_leaves_content_unchanged(tmp_path):
    content = write_tree(tmp_path / "content", {"news/good.md": GOOD_THAI})
    before = tree_digest(content)
    build_site(content, tmp_path / "output")
    build_site(content, tmp_path / "output")  # again, from the cache
    assert tree_digest(content) == before
    assert (tmp_path / "output/news/good/index.html").exists()


def test_the_pelican_command_prints_the_lines_and_fails(tmp_path):
    content = write_tree(
        tmp_path / "content",
        {"news/good.md": GOOD_THAI, "news/bad.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n"},
    )
    pelican = Path(sys.executable).parent / "pelican"
    result = subprocess.run(
        [str(pelican), str(content), "-o", str(tmp_path / "output"), "-s", "pelicanconf.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert (
        'content/news/bad.md:2: Date "28/13/2567" has no month 13 (write 2024-05-28, or 28 พ.ค. 2567)\n'
        in english(result.stderr)
    )
    assert 'content/news/bad.md:2: วันที่ "28/13/2567" ไม่มีเดือนที่ 13' in result.stderr  # Thai first

    assert not (tmp_path / "output").exists()


def test_a_missing_interface_catalog_stops_the_build(tmp_path):
    theme = tmp_path / "theme"
    subprocess.run(["cp", "-r", str(ROOT / "theme"), str(theme)], check=True)
    (theme / "translations/en/LC_MESSAGES/messages.po").unlink()
    content = write_tree(tmp_path / "content", {"news/good.md": GOOD_THAI})
    settings = make_settings(content, tmp_path / "output", THEME=str(theme))
    with pytest.raises(
        Exception, match=r"en/LC_MESSAGES/messages.po: the en interface catalog is missing"
    ):
        new_pelican(settings).run()


def test_a_rerun_of_the_same_build_sees_new_files(tmp_path):
    """As `make devserver` does: one Pelican object, run again after a change."""
    content = write_tree(tmp_path / "content", {"news/good.md": GOOD_THAI})
    output = tmp_path / "output"
    pelican = new_pelican(make_settings(content, output))
    pelican.run()
    write_tree(content, {"news/ข่าวใหม่.md": "Title: ข่าวขอนแก่น\nDate: 2024-05-29\n\nข่าว\n"})
    pelican.run()
    assert (output / "news/khao-khonkaen/index.html").exists()
    write_tree(content, {"news/bad.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n"})
    with pytest.raises(ContentError):
        pelican.run()
