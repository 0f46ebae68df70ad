"""One front-matter form for people and the browser editor: YAML between --- lines, read as
text, written by one writer; the older Key: value head still builds, saying the same."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import SITES, build_site, page, write_tree
from photos import marked, save_jpeg
from test_content_errors import problems_of
from test_office import make_project, run

from plugins.core import front_matter

TYPED_TITLE = 'OTOP: "ขอนแก่น" #27 it\'s 10.00 — yes'
EDITOR_NEWS = """---
Title: 'OTOP: "ขอนแก่น" #27 it''s 10.00 — yes'
Date: 28 พ.ค. 2567 17.30 น.
Category: news
Tags:
  - ผ้าไหม
  - 'yes'
Summary: 'สรุป: สั้น ๆ'
Photo: lead.jpg
---

หมายเหตุ: this first line looks like a field, and is text.
"""


def test_what_the_editor_writes_comes_out_as_typed(tmp_path):
    content = write_tree(tmp_path / "content", {"news/typed.md": EDITOR_NEWS})
    save_jpeg(content / "news/lead.jpg", marked())
    output = build_site(content, tmp_path / "output")
    html = page(output, "news/typed/")
    assert html.find("h1").get_text(strip=True) == TYPED_TITLE
    assert html.find("title").get_text().startswith(TYPED_TITLE)
    assert [a.get_text(strip=True) for a in html.select('a[href*="/tag/"]')][:2] == ["ผ้าไหม", "yes"]
    assert "หมายเหตุ: this first line looks like a field, and is text." in html.get_text()
    data = [json.loads(s.string) for s in html.select('script[type="application/ld+json"]')]
    news = next(item for item in data if item.get("@type") == "NewsArticle")
    assert news["datePublished"].startswith("2024-05-28T17:30") and news["headline"] == TYPED_TITLE
    lead = html.find("img", attrs={"fetchpriority": "high"})
    assert lead is not None and "/photos/news/lead-" in lead["src"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "---\nTitle: ข่าว: วันแรก\nDate: 2024-05-28\n---\n\nข่าว\n",
            "content/news/x.md:2: the front matter cannot be read here (mapping values are not "
            "allowed here; a value with ': ' in it must be in quotes, e.g. Title: 'ข่าว: วันแรก')",
        ),
        (
            '---\nTitle: "ขอนแก่น\nDate: 2024-05-28\n---\n\nข่าว\n',
            "content/news/x.md:2: the front matter cannot be read here (found unexpected end of "
            "stream; a quote is opened but not closed: close it, or remove it)",
        ),
        (
            "---\nTitle: ข่าว\nDate: 2024-05-28\nTitle: อีกครั้ง\n---\n\nข่าว\n",
            "content/news/x.md:4: Title is written twice (lines 2 and 4; keep one)",
        ),
        (
            "---\nTitle: ข่าว\nDate: 2024-05-28\n\nข่าว\n",
            "content/news/x.md:1: the front matter starts with --- but never ends "
            "(add a line --- after it)",
        ),
        (
            'Title: "ขอนแก่น…\nDate: 2024-05-28\n\nข่าว\n',
            "content/news/x.md:1: Title has a quote that is not closed "
            "(write Title: ขอนแก่น…, or close it)",
        ),
        (
            "---\nTitle: 'ผ้าไหม \"มัดหมี่'\nDate: 2024-05-28\n---\n\nข่าว\n",
            'content/news/x.md:2: Title has a quote that is not closed (write Title: ผ้าไหม "มัดหมี่, '
            "or close it)",
        ),
    ],
)
def test_a_mistake_in_the_front_matter_is_one_line_with_the_fix(tmp_path, text, expected):
    assert problems_of(tmp_path, {"news/x.md": text}) == [expected]


def test_a_programme_row_is_named_by_its_own_line(tmp_path):
    edition = (SITES / "minimal/content/editions/27.md").read_text(encoding="utf-8")
    head, body = edition.split("\n\n", 1)
    programme = (
        "Programme:\n  - Date: 2024-05-28\n    Start: '17.30'\n    End: '19.00'\n"
        "    Title: พิธีเปิด\n  - Date: 2024-05-29\n    Start: '25.00'\n    End: '19.00'\n"
        "    Title: ผิดเวลา\n"
    )
    text = f"---\n{head}\n{programme}---\n\n{body}"
    problems = problems_of(tmp_path, {"editions/27.md": text})
    start_line = text.splitlines().index("    Start: '25.00'") + 1
    assert problems == [
        f'content/editions/27.md:{start_line}: Programme: "25.00" is not a time (write 18.00)'
    ]


def test_the_programme_in_two_places_is_refused(tmp_path):
    edition = (SITES / "minimal/content/editions/27.md").read_text(encoding="utf-8")
    head, body = edition.split("\n\n", 1)
    listed = (
        "Programme:\n  - Date: 2024-05-28\n    Start: '17.30'\n    End: '19.00'\n    Title: x\n"
    )
    table = "| a | b |\n|---|---|\n"
    files = {
        "editions/27.md": f"---\n{head}\n{listed}---\n\n{body}",
        "editions/27.programme.md": table,
    }
    problems = problems_of(tmp_path, files)
    line = head.count("\n") + 3
    assert problems == [
        f"content/editions/27.md:{line}: the programme is both here and in "
        "content/editions/27.programme.md (keep one: move the rows of "
        "content/editions/27.programme.md into Programme: here, as the editor writes it, "
        "and delete content/editions/27.programme.md)"
    ]


def tree_digests(folder: Path) -> dict[str, str]:
    """Every file's digest, but Pagefind's index (its output differs from run to run)."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != "pagefind"
    }


def test_upgrade_files_rewrites_the_old_forms_and_the_site_stays_the_same(tmp_path):
    project = make_project(tmp_path / "site")
    gallery = project / "content/galleries/day"
    gallery.mkdir(parents=True)
    for name in ("b.jpg", "a.jpg"):
        save_jpeg(gallery / name, marked())
    (gallery / "index.md").write_text(
        "Title: วันแรก\nDate: 2024-05-27\n\nคำอธิบาย\n\nb.jpg: ภาพบี\na.jpg: ภาพเอ\n", encoding="utf-8"
    )
    (gallery / "index.en.md").write_text(
        "Title: Day one\n\nAbout it\n\na.jpg: Photo A\n", encoding="utf-8"
    )
    assert run(project, "build").returncode == 0
    before = tree_digests(project / "output")
    done = run(project, "upgrade-files")
    assert done.returncode == 0 and "deleted content/editions/27.programme.md" in done.stdout
    for path in (project / "content").rglob("*.md"):
        assert path.read_text(encoding="utf-8").startswith("---\n"), path
    notes = front_matter.read_front_matter(gallery / "index.md")
    assert notes.items("photos") == [
        {"File": "a.jpg", "Caption": "ภาพเอ", "Caption_en": "Photo A"},
        {"File": "b.jpg", "Caption": "ภาพบี"},
    ]
    shutil.rmtree(project / "output")
    assert run(project, "build").returncode == 0
    assert tree_digests(project / "output") == before
    again = run(project, "upgrade-files")
    assert "Every file is already in the new form" in again.stdout


@pytest.mark.parametrize(
    "value",
    ["a: b", "it's", '"quoted"', "#27", "yes", "no", "10.00", "27", "- x", "[x]", "{x}",
     "@line", "*x", "&x", "!x", "%x", ">x", "|x", "ข่าว: วันแรก", "two\nlines", " spaced ",
     "2024-05-28", "null", "~", ""],
)  # fmt: skip
def test_the_writer_writes_what_the_reader_reads_back(value):
    fields = {"Title": value, "Tags": [value, "x"], "Photos": [{"File": "a.jpg", "Caption": value}]}
    text = front_matter.render(fields, "body")
    matter, body = front_matter.parse(Path("x.md"), text)
    assert matter.mistakes == [] and body == "body"
    assert matter.get("title") == (value or None)
    assert matter.items("tags") == ([value, "x"] if value else ["x"])
    assert matter.items("photos") == [{"File": "a.jpg", "Caption": value}]


@pytest.mark.parametrize("english_status", ["", "Status: published\n"])
def test_a_thai_draft_keeps_its_english_twin_unpublished(tmp_path, english_status):
    content = write_tree(tmp_path / "content", {
        "news/x.md": "---\nTitle: ข่าวร่าง\nDate: 2024-05-28\nStatus: ร่าง\n---\n\nข่าว\n",
        "news/x.en.md": f"---\nTitle: A draft\nDate: 2024-05-28\n{english_status}---\n\nNews\n",
        "news/y.md": "---\nTitle: ข่าวจริง\nDate: 2024-05-27\n---\n\nข่าว\n",
    })  # fmt: skip
    output = build_site(content, tmp_path / "output")
    assert not (output / "news/x").exists() and not (output / "en/news/x").exists()
    assert (output / "drafts/x/index.html").exists() and (
        output / "en/drafts/x/index.html"
    ).exists()
    listed = page(output, "en/news/").get_text()
    assert "A draft" not in listed and "ข่าวร่าง" not in listed
    assert "ข่าวจริง" in listed  # the untranslated Thai news is listed, marked
