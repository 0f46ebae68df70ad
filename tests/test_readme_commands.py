"""Every command of the README's staff table, run as printed there (in a copy of the project
with the tests' small site), and what the office then does: build, check, fill in."""

import re
import shlex

import pytest
from conftest import ROOT
from photos import marked, save_jpeg
from test_office import run
from test_publish import git
from test_saving import project_with_origin
from word_files import add_paragraph, add_photo, jpeg_bytes, new_document, save, split_runs

CAMERA_FOLDER = "/media/กล้อง"


def staff_table_commands() -> list[str]:
    """The `.venv/bin/invoke …` commands of the staff table, in the order printed."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## สำหรับเจ้าหน้าที่", 1)[1].split("\n## ", 1)[0]
    table = "\n".join(line for line in section.splitlines() if line.startswith("|"))
    return re.findall(r"`\.venv/bin/invoke ([^`]+)`", table)


def test_the_readme_lists_the_staff_commands():
    names = [shlex.split(command)[0] for command in staff_table_commands()]
    assert names == [
        "new-post", "import-release", "new-product", "new-edition", "new-gallery",
        "import-photos", "save",
    ]  # fmt: skip


def word_release(path):
    """A press release as the office's Word writes it: label, headline, prose with the date,
    a photo."""
    document = new_document()
    for text in ("ประชาสัมพันธ์", "เปิดงาน OTOP City ขอนแก่น ครั้งที่ 27",
                 "เมื่อเวลา 17.30 น. วันที่ 28 พ.ค. 2567 ณ สวนสาธารณะรัชดานุสรณ์"):  # fmt: skip
        add_paragraph(document, split_runs(text))
    add_photo(document.add_paragraph(), jpeg_bytes(marked((800, 600))))
    save(document, path)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The staff table's commands, run one after the other as the office would."""
    root = tmp_path_factory.mktemp("readme")
    project, origin = project_with_origin(root)
    camera = root / "camera"
    camera.mkdir()
    save_jpeg(camera / "IMG_0001.jpg", marked((1600, 1200)))
    done = []
    for command in staff_table_commands():
        for part in shlex.split(command):
            if part.endswith(".docx"):
                word_release(project / part)
        arguments = [
            str(camera) if part == CAMERA_FOLDER else part for part in shlex.split(command)
        ]
        done.append(run(project, *arguments))
    return project, origin, done


def test_every_staff_command_works_as_printed(office):
    project, origin, done = office
    for result in done:
        assert result.returncode == 0, (result.args, result.stdout + result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
    galleries = [p.name for p in (project / "content/galleries").iterdir()]
    assert len(galleries) == 1 and galleries[0].isascii()  # a readable address, from Thai
    gallery = project / "content/galleries" / galleries[0]
    assert "Title: วันเปิดงาน" in (gallery / "index.md").read_text(encoding="utf-8")
    assert len(list(gallery.glob("*.jpg"))) == 1  # imported by the gallery's Thai name
    assert (project / "content/editions/28.md").exists()
    news = sorted(p.name for p in (project / "content/news").glob("*-27*"))
    assert news and any(name.endswith(".jpg") for name in news)  # the release and its photo
    pushed = git(origin, "ls-tree", "-r", "--name-only", "main")
    assert "content/editions/28.md" in pushed and f"content/news/{news[0]}" in pushed  # saved
    built = run(project, "build")
    assert built.returncode == 0, built.stdout + built.stderr


def test_the_placeholders_the_commands_wrote_are_errors_until_filled_in(office):
    project, _, _ = office
    checked = run(project, "check")
    assert checked.returncode == 1
    report = checked.stdout
    assert re.search(r'line \d+ +error +Producer is still "\(ชื่อกลุ่มผู้ผลิต\)"', report)
    assert "(English" not in report  # no English file is started before it is written
