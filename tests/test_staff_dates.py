"""Dates as the office writes them: read in one place (plugins/core/staff_dates.py), and
accepted in front matter, editions, the programme and galleries; pages show them as always."""

import shutil
from datetime import date, time

import pytest
from conftest import SITES, build_site, english, page, write_tree

from plugins.core.staff_dates import find_in_prose, read_clock, read_date


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("2024-05-28", "2024-05-28"),
        ("2567-05-28", "2024-05-28"),
        ("28/05/2567", "2024-05-28"),
        ("28/5/2024", "2024-05-28"),  # a day above 12: only one way to read it
        ("05/06/2567", "2024-06-05"),  # a Buddhist-Era year: written the Thai way, day first
        ("28 พ.ค. 2567", "2024-05-28"),
        ("28 พฤษภาคม 2567", "2024-05-28"),
        ("1 ม.ค. 2568", "2025-01-01"),
        ("31 ธันวาคม 2566", "2023-12-31"),
        ("29 ก.พ. 2567", "2024-02-29"),
        ("28 May 2024", "2024-05-28"),
        ("2024-05-28 17:30", "2024-05-28 17:30"),
        ("2567-05-28 17.30 น.", "2024-05-28 17:30"),
        ("28 พ.ค. 2567 เวลา 17.30 น.", "2024-05-28 17:30"),
        ("28/05/2567 09.05", "2024-05-28 09:05"),
        ("2024-05-28T10:00+07:00", "2024-05-28 10:00+07:00"),
    ],
)
def test_dates_as_staff_write_them(written, meant):
    assert read_date(written).iso() == meant


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("05/06/2024", "could be read two ways (write year-month-day: 2024-06-05 or 2024-05-06)"),
        (
            "29 ก.พ. 2566",
            "has no such day: February 2566 has 28 days (write 28 ก.พ. 2566)",
        ),  # 2023 had no 29 February
        ("28/13/2567", "has no month 13 (write 2024-05-28, or 28 พ.ค. 2567)"),
        ("2024-05-28 24:00", "has no such time of day (write 2024-05-28 23:59)"),
        ("พรุ่งนี้", "is not a date (write 2024-05-28)"),
    ],
)
def test_dates_that_cannot_be_read_say_how_to_write_them(written, problem):
    assert read_date(written).problem == problem and read_date(written).day is None


def test_times_as_staff_write_them():
    assert [read_clock(t) for t in ("17:30", "17.30", "17.30 น.", "9.05")] == [
        time(17, 30), time(17, 30), time(17, 30), time(9, 5)
    ]  # fmt: skip
    assert read_clock("25.00") is None and read_clock("ห้าโมง") is None


def test_a_site_written_in_buddhist_era_dates_builds_as_before(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    edition = (content / "editions/27.md").read_text(encoding="utf-8")
    edition = edition.replace("Start: 2024-05-27", "Start: 27 พ.ค. 2567")
    edition = edition.replace("End: 2024-06-02", "End: 2/6/2567").replace(
        "Opens: 10.00", "Opens: 10.00 น."
    )
    programme = (content / "editions/27.programme.md").read_text(encoding="utf-8")
    programme = programme.replace("2024-05-28", "28/05/2567")
    write_tree(
        content,
        {
            "editions/27.md": edition,
            "editions/27.programme.md": programme,
            "news/be.md": "Title: ข่าวปีพุทธ\nDate: 2567-05-29 17.30 น.\n\nข่าว\n",
            "news/words.md": "Title: ข่าวเดือนไทย\nDate: 30 พฤษภาคม 2567\n\nข่าว\n",
        },
    )
    output = build_site(content, tmp_path / "output")
    be = page(output, "news/be/")
    assert be.select_one(".article__meta time")["datetime"] == "2024-05-29"
    assert "29 พ.ค. 2567" in be.select_one(".article__meta").text
    assert page(output, "news/words/").select_one(".article__meta time")["datetime"] == "2024-05-30"
    assert "27 พ.ค. – 2 มิ.ย. 2567" in page(output, "").select_one(".fair").text
    assert date(2024, 5, 28).isoformat() in (output / "editions/27/index.html").read_text()


def test_a_gallerys_date_as_staff_write_it_and_a_wrong_one_named(tmp_path, capsys):
    from photos import marked, save_jpeg

    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    write_tree(
        content,
        {
            "galleries/a/index.md": "Title: วันเปิด\nDate: 28 พ.ค. 2567\n",
            "galleries/b/index.md": "Title: วันปิด\nDate: 31/06/2567\n",
        },
    )
    for name in ("a", "b"):
        save_jpeg(content / f"galleries/{name}/one.jpg", marked())
    output = build_site(content, tmp_path / "output")
    assert page(output, "galleries/a/").select_one("time")["datetime"] == "2024-05-28"
    said = capsys.readouterr().err
    assert (
        'content/galleries/b/index.md:2: Date "31/06/2567" has no such day: June 2567 has 30 days'
        in english(said)
    )


@pytest.mark.parametrize(
    ("prose", "meant", "words"),
    [
        ("เมื่อเวลา 17.30 น.วันที่ 28 พ.ค. 2567 ที่ เวทีกลาง", "2024-05-28 17:30",
         "เวลา 17.30 น.วันที่ 28 พ.ค. 2567"),
        ("ซึ่งจัดขึ้นระหว่างวันที่ 27 พ.ค. – 2 มิ.ย.2567", "2024-05-27", "27 พ.ค. – 2 มิ.ย.2567"),
        ("วันที่ ๒๘ พฤษภาคม พ.ศ. ๒๕๖๗ เวลา ๙.๐๐ น.", "2024-05-28 09:00",
         "๒๘ พฤษภาคม พ.ศ. ๒๕๖๗ เวลา ๙.๐๐"),
        ("ในวันที่ 28 พ.ค. 67 ณ สวนรัชดานุสรณ์", "2024-05-28", "28 พ.ค. 67"),
        ("วันที่ 27-28 พ.ค. 2567", "2024-05-27", "27-28 พ.ค. 2567"),
        ("on 3 May 2024, at the park", "2024-05-03", "3 May 2024"),
    ],
)  # fmt: skip
def test_the_date_of_a_release_is_found_in_its_prose(prose, meant, words):
    found = find_in_prose(prose)
    assert (found.reading.iso(), found.written) == (meant, words)


@pytest.mark.parametrize(
    "prose",
    [
        "วันที่ 28 พ.ค. ที่ผ่านมา",  # no year: not guessed
        "31 ก.พ. 2567 และ 1 มี.ค. 2567",  # the first is no day: not skipped for the next
        "งานประจำปี 2567",
        "ไม่มีวันที่เลย",
    ],
)
def test_no_date_is_found_where_one_would_be_a_guess(prose):
    assert find_in_prose(prose) is None


def test_thai_digits_are_read_in_front_matter_too():
    assert read_date("๒๘ พ.ค. ๒๕๖๗ ๑๗.๓๐ น.").iso() == "2024-05-28 17:30"
