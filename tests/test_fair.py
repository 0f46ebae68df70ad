"""The fair: editions, programme, products, structured data, calendars, bad input."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import build_site, page, write_tree
from icalendar import Calendar

from plugins.core.problems import ContentError

BANGKOK = ZoneInfo("Asia/Bangkok")


def structured(soup) -> dict[str, dict]:
    found = [json.loads(tag.string) for tag in soup.select('script[type="application/ld+json"]')]
    return {data["@type"]: data for data in found}


def test_edition_page_has_an_event_with_place_and_dates(minimal_site):
    for path, lang, venue in (
        ("editions/27/", "th", "สวนรัชดานุสรณ์"),
        ("en/editions/27/", "en", "Ratchadanusorn Park"),
    ):
        event = structured(page(minimal_site, path))["ExhibitionEvent"]
        assert event["@context"] == "https://schema.org" and event["inLanguage"] == lang
        assert event["startDate"] == "2024-05-27T10:00:00+07:00"
        assert event["endDate"] == "2024-06-02T22:00:00+07:00"
        assert event["eventStatus"] == "https://schema.org/EventScheduled"
        location = event["location"]
        assert location["@type"] == "Place" and location["name"] == venue
        assert (
            location["address"]["@type"] == "PostalAddress"
            and location["address"]["addressCountry"] == "TH"
        )
        assert location["geo"] == {
            "@type": "GeoCoordinates",
            "latitude": 16.4333,
            "longitude": 102.8289,
        }
        assert event["subEvent"][0]["startDate"] == "2024-05-28T17:30:00+07:00"
        for show in event["subEvent"]:  # Google requires an address on nested events too
            assert show["location"]["address"] == location["address"]
            assert show["location"]["name"].endswith(f", {venue}")


def test_home_shows_the_current_edition_with_its_event_data(minimal_site):
    home = page(minimal_site, "")
    assert "27 พ.ค. – 2 มิ.ย. 2567" in home.select_one(".fair__facts").text
    assert structured(home)["ExhibitionEvent"]["name"] == "OTOP City ขอนแก่น ครั้งที่ 27"
    state = home.select_one(".fair-state")
    assert state["data-start"] == "2024-05-27T10:00:00+07:00" and state.has_attr("hidden")


def test_programme_one_table_for_the_week_in_each_language(minimal_site):
    thai, english = page(minimal_site, "editions/27/"), page(minimal_site, "en/editions/27/")
    assert len(thai.select("table.programme")) == 1  # its columns line up from day to day
    days = [c.text for c in thai.select(".programme__day th")]
    assert days == ["วันอังคารที่ 28 พ.ค. 2567", "วันพุธที่ 29 พ.ค. 2567"]
    days = [c.text for c in english.select(".programme__day th")]
    assert days == ["Tuesday 28 May 2024", "Wednesday 29 May 2024"]
    assert thai.select(".programme__day th")[0]["scope"] == "colgroup"
    rows = english.select(".programme tr[data-start]")
    assert [r.select("td")[0].text for r in rows] == ["17.30–19.00", "19.30–21.00", "18.00–19.00"]
    thai_times = [r.select("td")[0].text for r in thai.select(".programme tr[data-start]")]
    assert thai_times[0] == "17.30–19.00 น."
    untranslated = rows[2].select_one(".programme__name")
    assert untranslated["lang"] == "th" and untranslated.text.startswith("การแสดงของนักเรียน")
    assert rows[0].select_one(".programme__place").text.strip()


def test_the_programme_calendar_is_valid_and_stable(minimal_site):
    calendar = Calendar.from_ical((minimal_site / "en/editions/27/programme.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        "Opening ceremony",
        "Mor lam",
        "การแสดงของนักเรียน",
    ]
    first = events[0]
    assert first["dtstart"].dt == datetime(2024, 5, 28, 17, 30, tzinfo=BANGKOK)
    assert first["dtstart"].params["TZID"] == "Asia/Bangkok"
    assert first["dtend"].dt == datetime(2024, 5, 28, 19, 0, tzinfo=BANGKOK)
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Asia/Bangkok"
    assert str(first["url"]).startswith("http") and str(first["url"]).endswith("/en/editions/27/")
    thai = Calendar.from_ical((minimal_site / "editions/27/programme.ics").read_bytes())
    assert [str(e["uid"]) for e in thai.walk("VEVENT")] == [str(e["uid"]) for e in events]
    assert len({str(e["uid"]) for e in events}) == 3


def test_one_calendar_file_per_event(minimal_site):
    links = page(minimal_site, "editions/27/").select("a.programme__ics")
    assert len(links) == 3
    single = Calendar.from_ical((minimal_site / links[0]["href"].lstrip("/")).read_bytes())
    assert [str(e["summary"]) for e in single.walk("VEVENT")] == ["พิธีเปิดงาน"]


def test_product_page_and_its_structured_data(minimal_site):
    soup = page(minimal_site, "en/products/silk/")
    data = structured(soup)
    product = data["Product"]
    assert product["name"] == "Mudmee silk" and product["category"] == "Textiles and clothing"
    assert product["offers"] == {
        "@type": "AggregateOffer",
        "lowPrice": 1200.0,
        "highPrice": 3500.0,
        "offerCount": 2,
        "priceCurrency": "THB",
        "availability": "https://schema.org/InStoreOnly",
        "url": product["url"],
    }
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == [
        "Home",
        "Products",
        "Textiles and clothing",
        "Mudmee silk",
    ]
    assert [c["position"] for c in crumbs] == [1, 2, 3, 4]
    facts = soup.select_one(".product__facts").text
    assert "1,200–3,500 baht" in facts and "A01" in facts and "Chonnabot" in facts
    assert soup.select_one('a[href^="tel:"]')["href"] == "tel:043000000"


def test_a_product_without_a_price_has_no_offer(minimal_site):
    assert "offers" not in structured(page(minimal_site, "products/balm/"))["Product"]


def test_an_untranslated_product_falls_back_to_thai(minimal_site):
    soup = page(minimal_site, "en/products/balm/")
    assert soup.h1.text == "ยาหม่องไพล" and soup.html["lang"] == "en"
    assert "Herbal products other than food" in soup.select_one(".product__facts").text


def test_news_article_structured_data(minimal_site):
    article = structured(page(minimal_site, "en/news/first-day/"))["NewsArticle"]
    assert article["headline"] == "The first day of the fair" and article["inLanguage"] == "en"
    assert article["datePublished"].startswith("2024-05-27T10:00:00+07:00")
    assert article["publisher"]["@type"] == "Organization"


def test_catalogue_has_a_static_page_per_category_district_and_stars(minimal_site):
    names = lambda path: [a.text for a in page(minimal_site, path).select(".product-card__title a")]  # noqa: E731
    assert names("products/") == ["ยาหม่องไพล", "ผ้าไหมมัดหมี่"]
    assert names("products/category/textiles/") == ["ผ้าไหมมัดหมี่"]
    assert names("en/products/district/phra-yuen/") == ["ยาหม่องไพล"]
    assert names("products/stars/5/") == ["ผ้าไหมมัดหมี่"]
    cards = page(minimal_site, "products/").select(".product-card")
    assert [(c["data-category"], c["data-district"], c["data-stars"]) for c in cards] == [
        ("herbal", "phra-yuen", "3"),
        ("textiles", "chonnabot", "5"),
    ]


def test_venue_page_opens_the_phones_map_app(minimal_site):
    links = [
        a["href"] for a in page(minimal_site, "en/editions/27/venue/").select(".venue__links a")
    ]
    assert links[0] == "geo:16.4333,102.8289?q=16.4333,102.8289"
    assert "query=16.4333,102.8289" in links[1]


GOOD = {
    "editions/27.md": (
        "Title: ครั้งที่ 27\nStart: 2024-05-27\nEnd: 2024-06-02\nOpens: 10.00\nCloses: 22.00\n"
        "Venue: สวน\nAddress: ขอนแก่น\nLatitude: 16.4\nLongitude: 102.8\n\nงาน\n"
    ),
    "products/p.md": (
        "Title: ของดี\nCategory: food\nStars: 4\nProducer: กลุ่ม\nDistrict: ชนบท\nBooth: A1\n\nดี\n"
    ),
}
PROGRAMME_HEAD = "| Date | Start | End | T | E | P | PE |\n|---|---|---|---|---|---|---|\n"


def problems_of(tmp_path, files: dict[str, str]) -> list[str]:
    content = write_tree(tmp_path / "content", {**GOOD, **files})
    with pytest.raises(ContentError) as error:
        build_site(content, tmp_path / "output")
    return [str(problem) for problem in error.value.problems]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"products/p.md": GOOD["products/p.md"].replace("Category: food", "Category: toys")},
            'content/products/p.md:2: Category "toys" is not one of this site\'s (write one of: '
            "Food, Beverages, Textiles and clothing, Decorative items and souvenirs, "
            "Herbal products other than food)",
        ),
        (
            {"products/p.md": GOOD["products/p.md"].replace("Stars: 4", "Stars: 6")},
            'content/products/p.md:3: Stars "6" is not a number from 1 to 5 (write a whole number from 1 to 5, e.g. 4)',
        ),
        (
            {"products/p.md": GOOD["products/p.md"].replace("Booth: A1\n", "")},
            'content/products/p.md:6: Booth is missing (add "Booth: …")',
        ),
        (
            {"products/p.md": GOOD["products/p.md"].replace("District: ชนบท\n", "")},
            "content/products/p.md:6: District is missing (write one of: เมืองขอนแก่น, บ้านฝาง, พระยืน, หนองเรือ, …)",
        ),
        (
            {"products/p.md": GOOD["products/p.md"].replace("Booth: A1", "Booth: A1\nEdition: 28")},
            'content/products/p.md:7: Edition "28" is not defined (add content/editions/28.md, or write one of: 27)',
        ),
        (
            {"news/x.md": "Title: ข่าว\nDate: 2024-05-28\nEdition: 26\n\nข่าว\n"},
            'content/news/x.md:3: Edition "26" is not defined (add content/editions/26.md, or write one of: 27)',
        ),
        (
            {
                "editions/27.programme.md": PROGRAMME_HEAD
                + "| 2024-05-28 | 19.00 | 18.00 | ก | A | เวที | Stage |\n"
            },
            "content/editions/27.programme.md:3: ends at 18.00, before it starts at 19.00 (check the times; something open past midnight ends before 06.00)",
        ),
        (
            {
                "editions/27.programme.md": PROGRAMME_HEAD
                + "| 2024-06-05 | 18.00 | 19.00 | ก | A | เวที | Stage |\n"
            },
            "content/editions/27.programme.md:3: is on 2024-06-05, outside the edition's dates 2024-05-27 – 2024-06-02",
        ),
        (
            {
                "editions/27.md": GOOD["editions/27.md"].replace(
                    "End: 2024-06-02", "End: 2024-05-20"
                )
            },
            "content/editions/27.md:3: End 2024-05-20 is before Start 2024-05-27 (swap them)",
        ),
        (
            {"editions/27.md": GOOD["editions/27.md"].replace("Latitude: 16.4\n", "")},
            "content/editions/27.md:9: Latitude is missing (write 16.4419)",
        ),
    ],
)
def test_each_fair_mistake_is_one_clear_line(tmp_path, files, expected):
    assert problems_of(tmp_path, files) == [expected]


def test_a_new_edition_keeps_the_earlier_addresses(tmp_path):
    from conftest import SITES

    content = tmp_path / "content"
    import shutil

    shutil.copytree(SITES / "minimal" / "content", content)
    output = build_site(content, tmp_path / "output")
    before = {str(p.relative_to(output)) for p in output.rglob("index.html")}
    write_tree(
        content,
        {
            "editions/28.md": GOOD["editions/27.md"]
            .replace("ครั้งที่ 27", "ครั้งที่ 28")
            .replace("2024-05-27", "2025-05-26")
            .replace("2024-06-02", "2025-06-01")
        },
    )
    build_site(content, tmp_path / "output")
    after = {str(p.relative_to(output)) for p in output.rglob("index.html")}
    assert before <= after
    assert {"editions/28/index.html", "en/editions/28/index.html"} <= after
    assert page(output, "").select_one(".fair__kicker").text == "ครั้งที่ 28"
    archive = [a["href"] for a in page(output, "editions/").select(".name-list a")]
    assert archive == ["/editions/28/", "/editions/27/"]


def test_edition_page_lists_its_news_products_and_photos(minimal_site):
    soup = page(minimal_site, "en/editions/27/")
    assert "The first day of the fair" in soup.select_one("#edition-news").parent.text
    assert "2 products at this edition" in soup.select_one("#edition-products").parent.text
