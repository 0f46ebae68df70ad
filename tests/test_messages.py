"""Messages staff can act on: every problem of a run at once and once each, in Thai with the
English beside it, the fix in the form staff write, and "did you mean" where a near name is."""

import re
import shutil
from pathlib import Path

from conftest import SITES, THAI, write_tree
from photos import marked
from test_office import make_project, run

from plugins.core.messages import CATALOG, PART, WORDS, catalog, for_staff

MISTAKES = {  # one of each kind of mistake, in several files and kinds of content
    "news/bad-date.md": "Title: ข่าว\nDate: 31/02/2567\n\nข่าว\n",
    "news/no-title.md": "Date: 2024-05-28\n\nข่าว\n",
    "news/quote.md": '---\nTitle: "ขอนแก่น\nDate: 2024-05-28\n---\n\nข่าว\n',
}


def site_with_mistakes(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "site")
    write_tree(project / "content", MISTAKES)
    silk = project / "content/products/silk.md"
    text = silk.read_text(encoding="utf-8").replace("District: ชนบท", "District: บ้านไผ")
    silk.write_text(text.replace("Booth: A01\n", "Booth: A01\nPhoto: IMG_0413.heic\n"), "utf-8")
    marked().save(project / "content/products/IMG_0413.HEIC", "JPEG")
    return project


def printed_problems(said: str) -> list[str]:
    return [line for line in said.splitlines() if re.match(r"^content/\S+: ", line)]


def test_every_problem_of_a_build_is_said_at_once_once_each_thai_first(tmp_path):
    done = run(site_with_mistakes(tmp_path), "build")
    assert done.returncode == 1 and "Traceback" not in done.said
    lines = printed_problems(done.said)
    assert len(lines) == len(set(lines)) == 5, lines  # the news' and the product's, in one run
    for line in lines:
        thai, _, english = line.split(": ", 1)[1].partition(" · ")
        assert THAI.search(thai) and english and not THAI.search(english.split('"')[0]), line
    said = "\n".join(lines)
    assert (
        'content/news/bad-date.md:2: วันที่ "31/02/2567" ไม่มีวันนี้: กุมภาพันธ์ 2567 มี 29 วัน (เขียน 29/02/2567)'
        in said
    )
    assert 'ไม่มีภาพ "IMG_0413.heic" ใน content/products/ (หมายถึง IMG_0413.HEIC หรือเปล่า)' in said
    assert 'District "บ้านไผ" ไม่มีในรายการของเว็บไซต์ (หมายถึง บ้านไผ่ หรือเปล่า)' in said


def test_check_says_the_same_problems_thai_first(tmp_path):
    done = run(site_with_mistakes(tmp_path), "check")
    assert done.returncode == 1
    assert re.search(
        r"line 2    error    วันที่ \"31/02/2567\" ไม่มีวันนี้.* · Date \"31/02/2567\" has no such day",
        done.said,
    )
    assert "ต้องแก้ 5 ควรดู" in done.said and "5 error(s)" in done.said


def test_a_district_written_with_its_prefix_is_understood(tmp_path):
    project = make_project(tmp_path / "site")
    silk = project / "content/products/silk.md"
    silk.write_text(
        silk.read_text(encoding="utf-8").replace("District: ชนบท", "District: อ.ชนบท"), "utf-8"
    )
    other = silk.with_name("balm.md")
    other.write_text(
        other.read_text(encoding="utf-8").replace("District: ", "District: อำเภอ", 1), "utf-8"
    )
    assert run(project, "build").returncode == 0


def test_a_category_near_a_known_one_gets_did_you_mean(tmp_path):
    project = make_project(tmp_path / "site")
    write_tree(
        project / "content", {"news/x.md": "Title: ข่าว\nDate: 2024-05-28\nCategory: ข่าวว\n\nข่าว\n"}
    )
    said = run(project, "check").stdout
    assert 'line 3    warning  Category "ข่าวว" is not in CATEGORY_NAMES (did you mean ข่าว?)' in said


def test_every_thai_template_uses_only_the_parts_of_its_english():
    assert catalog(), CATALOG
    for _, english, thai in catalog():
        assert set(PART.findall(thai)) <= set(PART.findall(english)), english
        assert THAI.search(thai) or set(PART.findall(thai)) & WORDS, english  # or passes on words


def test_a_message_with_no_thai_yet_is_shown_in_english_alone():
    assert for_staff("something the catalog does not know") == "something the catalog does not know"


def test_the_samples_messages_are_all_in_thai(tmp_path):
    """What `make check` says of the sample, as the office first sees it, is all Thai first."""
    project = make_project(tmp_path / "site")
    shutil.rmtree(project / "content")
    shutil.copytree(SITES / "sample/content", project / "content")
    said = run(project, "check").said
    findings = [line for line in said.splitlines() if re.match(r"^  (line \d+|file) ", line)]
    assert findings
    for line in findings:
        message = line[20:]
        assert THAI.search(message.split(" · ")[0]), line
