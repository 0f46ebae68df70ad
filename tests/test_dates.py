"""Buddhist-Era Thai dates and English dates, at year and range boundaries."""

from datetime import date, datetime, timedelta, timezone

import pytest

from plugins.thai_dates.formatting import buddhist_year, format_day, format_range, iso_date


@pytest.mark.parametrize(
    ("day", "lang", "expected"),
    [
        (date(2024, 5, 28), "th", "28 พ.ค. 2567"),
        (date(2024, 5, 28), "en", "28 May 2024"),
        (date(2024, 6, 2), "th", "2 มิ.ย. 2567"),
        (date(2024, 6, 2), "en", "2 June 2024"),
        (date(2023, 12, 31), "th", "31 ธ.ค. 2566"),
        (date(2024, 1, 1), "th", "1 ม.ค. 2567"),
        (date(2024, 2, 29), "th", "29 ก.พ. 2567"),
        (datetime(2024, 5, 28, 23, 59), "th", "28 พ.ค. 2567"),
    ],
)
def test_one_day(day, lang, expected):
    assert format_day(day, lang) == expected


def test_every_day_of_two_years_matches_an_independent_thai_calendar():
    """pythainlp's thai_strftime has its own Buddhist calendar and Thai month names."""
    from pythainlp.util import thai_strftime

    first = date(2023, 1, 1)
    for offset in range(731):
        day = first + timedelta(days=offset)
        moment = datetime(day.year, day.month, day.day)
        assert format_day(day, "th") == thai_strftime(moment, "%-d %b %Y"), day
        assert str(buddhist_year(day)) == thai_strftime(moment, "%Y")


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        (date(2024, 5, 27), date(2024, 6, 2), "th", "27 พ.ค. – 2 มิ.ย. 2567"),
        (date(2024, 5, 27), date(2024, 6, 2), "en", "27 May – 2 June 2024"),
        (date(2024, 5, 27), date(2024, 5, 31), "th", "27–31 พ.ค. 2567"),
        (date(2024, 5, 27), date(2024, 5, 31), "en", "27–31 May 2024"),
        (date(2023, 12, 29), date(2024, 1, 2), "th", "29 ธ.ค. 2566 – 2 ม.ค. 2567"),
        (date(2023, 12, 29), date(2024, 1, 2), "en", "29 December 2023 – 2 January 2024"),
        (date(2024, 5, 28), date(2024, 5, 28), "th", "28 พ.ค. 2567"),
    ],
)
def test_ranges(start, end, lang, expected):
    assert format_range(start, end, lang) == expected


def test_local_time_is_kept_not_converted_to_utc():
    bangkok = timezone(timedelta(hours=7))
    late_evening = datetime(2023, 12, 31, 23, 30, tzinfo=bangkok)
    assert format_day(late_evening, "th") == "31 ธ.ค. 2566"
    assert iso_date(late_evening) == "2023-12-31"
