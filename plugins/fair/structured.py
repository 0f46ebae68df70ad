"""schema.org data (JSON-LD) for each page type, as plain dicts."""

from .model import Edition, Product
from .names import CATEGORIES, DISTRICTS

CONTEXT = "https://schema.org"


def address(edition: Edition, lang: str) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": edition.text(lang, "address"),
        "addressRegion": "Khon Kaen" if lang == "en" else "ขอนแก่น",
        "addressCountry": "TH",
    }


def stage(edition: Edition, lang: str, name: str) -> dict:
    """Where a show of the programme is: a place of the venue, with the venue's address
    (Google requires an address on every nested event's location)."""
    venue = edition.text(lang, "venue")
    return {"@type": "Place", "name": f"{name}, {venue}", "address": address(edition, lang)}


def place(edition: Edition, lang: str) -> dict:
    return {
        "@type": "Place",
        "name": edition.text(lang, "venue"),
        "address": address(edition, lang),
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": edition.latitude,
            "longitude": edition.longitude,
        },
    }


def organisation(name: str, url: str) -> dict:
    return {"@type": "Organization", "name": name, "url": url}


def event(edition: Edition, lang: str, url: str, organiser: dict, image: str | None) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "ExhibitionEvent",
        "name": edition.text(lang, "title"),
        "description": edition.text(lang, "summary") or edition.text(lang, "title"),
        "url": url,
        "inLanguage": lang,
        "startDate": edition.starts().isoformat(),
        "endDate": edition.ends().isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": True,
        "location": place(edition, lang),
        "organizer": organiser,
        "subEvent": [
            {
                "@type": "Event",
                "name": item.titles.get(lang) or item.titles["th"],
                "startDate": item.starts().isoformat(),
                "endDate": item.ends().isoformat(),
                "location": stage(edition, lang, item.places.get(lang) or item.places["th"]),
            }
            for item in edition.events
        ],
    }
    if image:
        data["image"] = [image]
    return data


def product(item: Product, lang: str, url: str, image: str | None) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "Product",
        "name": item.text(lang, "title"),
        "description": item.text(lang, "summary") or item.text(lang, "title"),
        "url": url,
        "category": CATEGORIES[item.category][lang],
        "brand": {"@type": "Brand", "name": item.text(lang, "producer")},
        "countryOfOrigin": {"@type": "Country", "name": "TH"},
        "additionalProperty": [
            {"@type": "PropertyValue", "name": "OTOP stars", "value": item.stars},
            {"@type": "PropertyValue", "name": "District", "value": DISTRICTS[item.district][lang]},
        ],
    }
    if image:
        data["image"] = image
    if item.price:
        low, high = item.price
        offer = {
            "priceCurrency": "THB",
            "availability": "https://schema.org/InStoreOnly",
            "url": url,
        }
        if low == high:
            data["offers"] = {"@type": "Offer", "price": low, **offer}
        else:
            data["offers"] = {
                "@type": "AggregateOffer",
                "lowPrice": low,
                "highPrice": high,
                "offerCount": 2,  # a range: at least its lowest and its highest offer
                **offer,
            }
    return data


def news_article(article, lang: str, url: str, organiser: dict, image: str | None) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "inLanguage": lang,
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "author": organiser,
        "publisher": organiser,
        "mainEntityOfPage": url,
    }
    if image:
        data["image"] = [image]
    return data


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": name, "item": url}
            for number, (name, url) in enumerate(trail, start=1)
        ],
    }
