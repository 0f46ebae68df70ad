"""The editor's configuration (admin/config.yml), made at each build from the site's own
settings and from the same vocabularies and patterns the build checks: the five OTOP
categories, the 26 districts, stars 1–5, booth codes, https links, times of day, slugs.
What the editor refuses is what the build would refuse, said before the save.

Every kind of content the office writes is a collection, Thai and English side by side
(``x.md`` and ``x.en.md``). A field shared by both languages is written in the Thai file
only (``i18n: false``) or copied into both (``duplicate``); a new entry starts in Thai, and
its English file is written only when someone fills the English pane.
"""

from plugins.content_rules.slugs import CLEAN_SLUG
from plugins.fair.model import BOOTH_CODE, PRICE_AS_WRITTEN, WEB_ADDRESS
from plugins.fair.names import CATEGORIES, DISTRICTS

SLUG_HINT = "ที่อยู่ของหน้า: อักษรอังกฤษตัวเล็ก ตัวเลข และ - เช่น opening-day (ตั้งครั้งเดียว เปลี่ยนภายหลังไม่ได้)"
TIME = r"^\d{1,2}[.:]\d{2}$"
DATE_AND_TIME = {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "picker_utc": False}
DAY = {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False, "picker_utc": False}
PHOTO_UPLOADS = {  # in the browser, before anything is committed: see README, "Photos"
    "max_file_size": 104_857_600,
    "transformations": {"raster_image": {"format": "webp", "quality": 90, "width": 2400}},
}


def field(name: str, label: str, widget: str = "string", **options) -> dict:
    return {"name": name, "label": label, "widget": widget, **options}


def pattern(regex, message: str) -> dict:
    text = regex.pattern if hasattr(regex, "pattern") else regex
    return {"pattern": [text, message]}


def choices(table: dict, value: str) -> list[dict]:
    """Select options from a {slug: {th, en}} table: stored as `value` ('slug' or 'th')."""
    return [
        {
            "label": f"{names['th']} · {names['en']}",
            "value": slug if value == "slug" else names["th"],
        }
        for slug, names in table.items()
    ]


def title(hint: str = "") -> dict:
    return field("Title", "หัวข้อ · Title", i18n=True, **({"hint": hint} if hint else {}))


def body(label: str) -> dict:
    return field("body", label, "markdown", i18n=True, required=False)


def summary() -> dict:
    hint = "หนึ่งถึงสองประโยค แสดงในรายการและผลการค้นหา"
    return field("Summary", "สรุป · Summary", "text", i18n=True, required=False, hint=hint)


def edition_number() -> dict:
    hint = "ครั้งที่ของงาน เว้นว่างได้: ใช้ครั้งล่าสุด (หรือครั้งของปีที่ลงข่าว)"
    return field("Edition", "งานครั้งที่ · Edition", "number", value_type="int", min=1,
                 required=False, i18n="duplicate", hint=hint)  # fmt: skip


def gallery_choice() -> dict:
    return field("Gallery", "อัลบั้มภาพ · Gallery", "relation", collection="galleries",
                 value_field="{{slug}}", search_fields=["Title"], display_fields=["Title"],
                 required=False, i18n="duplicate")  # fmt: skip


def news_fields(settings: dict) -> list[dict]:
    categories = [
        {"label": f"{names.get('th', slug)} · {names.get('en', slug)}", "value": slug}
        for slug, names in settings.get("CATEGORY_NAMES", {}).items()
    ]
    status = [{"label": "ร่าง (ยังไม่เผยแพร่) · draft", "value": "draft"},
              {"label": "เผยแพร่ · published", "value": "published"}]  # fmt: skip
    return [
        title(),
        field("Date", "วันที่และเวลา · Date", i18n="duplicate", **DATE_AND_TIME),
        field("Status", "สถานะ · Status", "select", options=status, required=False,
              hint="ว่างไว้คือเผยแพร่ ร่างจะไม่ถูกเผยแพร่ ทั้งภาษาไทยและภาษาอังกฤษ"),
        field("Category", "หมวด · Category", "select", options=categories, i18n="duplicate",
              default=next(iter(settings.get("CATEGORY_NAMES", {"news": 0})))),
        field("Tags", "ป้ายคำ · Tags", "list", i18n=True, required=False),
        summary(),
        field("Photo", "ภาพหลัก · Lead photo", "image", required=False,
              hint="ภาพแสดงบนสุดของข่าว และเมื่อแชร์ทาง LINE หรือ Facebook"),
        gallery_choice(),
        edition_number(),
        body("เนื้อข่าว · Text"),
    ]  # fmt: skip


def page_fields() -> list[dict]:
    return [title(), summary(), body("เนื้อหา · Text")]


def product_fields() -> list[dict]:
    stars_hint = "ระดับดาว OTOP 1 ถึง 5"
    booth = pattern(BOOTH_CODE, "รหัสบูธเป็นอักษรอังกฤษตัวใหญ่ตามด้วยตัวเลข เช่น A07")
    price = pattern(PRICE_AS_WRITTEN, "ราคาเป็นบาท เช่น 120 หรือ 120-350")
    link = pattern(WEB_ADDRESS, "ที่อยู่เว็บขึ้นต้นด้วย https://")
    return [
        title("ชื่อผลิตภัณฑ์"),
        field("Category", "ประเภท · Category", "select", options=choices(CATEGORIES, "slug")),
        field("Stars", "ดาว · Stars", "number", value_type="int", min=1, max=5, hint=stars_hint),
        field("Producer", "ผู้ผลิต · Producer", i18n=True),
        field("Tambon", "ตำบล · Tambon", i18n=True, required=False),
        field("District", "อำเภอ · District", "select", options=choices(DISTRICTS, "th")),
        field("Booth", "บูธ · Booth", **booth),
        field("Price", "ราคา (บาท) · Price", required=False, **price),
        field("Photo", "ภาพสินค้า · Photos", "image", multiple=True, required=False,
              hint="ภาพแรกแสดงใหญ่ ภาพอื่นอยู่ในตัวดูภาพ"),
        field("Phone", "โทรศัพท์ · Phone", required=False),
        field("Line", "LINE ID", required=False),
        field("Facebook", "Facebook", required=False, **link),
        field("Website", "เว็บไซต์ · Website", required=False, **link),
        gallery_choice(),
        edition_number(),
        summary(),
        body("เรื่องของผลิตภัณฑ์ · About it"),
    ]  # fmt: skip


def programme_field() -> dict:
    time = pattern(TIME, "เวลาเป็น ชั่วโมง.นาที เช่น 18.30")
    shows = [
        field("Date", "วันที่ · Date", **DAY),
        field("Start", "เริ่ม · Start", **time),
        field("End", "จบ · End", **time),
        field("Title", "ชื่อการแสดง (ไทย)"),
        field("Title_en", "Title (English)", required=False),
        field("Place", "สถานที่ (ไทย)", required=False),
        field("Place_en", "Place (English)", required=False),
    ]
    summary = "{{fields.Date}} {{fields.Start}} {{fields.Title}}"
    return field("Programme", "กำหนดการ · Programme", "list", fields=shows, required=False,
                 summary=summary)  # fmt: skip


def booths_field() -> dict:
    one = r"[A-Za-z]*\d+(\s*[-–]\s*[A-Za-z]*\d+)?"
    codes = pattern(rf"^{one}(\s*,\s*{one})*$", "รหัสบูธ เช่น A01-A20, A25")
    zones = [
        field("Zone", "ชื่อโซนบนแผนผัง (ไทย)"),
        field("Zone_en", "Zone (English)", required=False),
        field("Codes", "บูธในโซนนี้ · Booth codes", **codes),
    ]
    return field("Booths", "บูธในแต่ละโซน · Booths by zone", "list", fields=zones,
                 required=False, summary="{{fields.Zone}}: {{fields.Codes}}")  # fmt: skip


def edition_fields() -> list[dict]:
    time = pattern(TIME, "เวลาเป็น ชั่วโมง.นาที เช่น 10.00")
    photo = {"media_folder": "/content/images", "public_folder": "/images"}
    return [
        title(),
        summary(),
        field("Start", "วันแรก · Start", **DAY),
        field("End", "วันสุดท้าย · End", **DAY),
        field("Opens", "เวลาเปิด · Opens", **time),
        field("Closes", "เวลาปิด · Closes", **time),
        field("Hours", "เวลาทำการ (ข้อความ) · Hours", i18n=True),
        field("Venue", "สถานที่จัดงาน · Venue", i18n=True),
        field("Address", "ที่อยู่ · Address", i18n=True),
        field("Latitude", "ละติจูด · Latitude", "number", value_type="float", min=-90, max=90),
        field("Longitude", "ลองจิจูด · Longitude", "number", value_type="float", min=-180, max=180),
        field("Organisers", "ผู้จัด · Organisers", i18n=True),
        field("Map", "แผนผังงาน (SVG) · Map", "file", required=False, accept=".svg",
              media_folder="/content/images", public_folder="images"),
        field("Photo", "ภาพหน้าแรก · Photo", "image", required=False, **photo),
        field("Zones", "โซน · Zones", "text", i18n=True, required=False),
        booths_field(),
        field("Directions", "การเดินทาง · Directions", "text", i18n=True, required=False),
        programme_field(),
        body("เกี่ยวกับงานครั้งนี้ · About it"),
    ]  # fmt: skip


def gallery_fields() -> list[dict]:
    photos = [
        field("File", "ภาพ · Photo", "image"),
        field("Caption", "คำบรรยายภาพ (ไทย) ใช้เป็นข้อความแทนภาพด้วย", required=False),
        field("Caption_en", "Caption (English), also its alt text", required=False),
    ]
    return [
        title(),
        field("Date", "วันที่ · Date", **DAY),
        edition_number(),
        field("Cover", "ภาพปก · Cover", "image", required=False),
        field("Photos", "ภาพในอัลบั้ม · Photos", "list", fields=photos, required=False,
              summary="{{fields.File}} {{fields.Caption}}"),
        body("คำอธิบายอัลบั้ม · Description"),
    ]  # fmt: skip


def collection(name: str, label: str, folder: str, fields: list[dict], **options) -> dict:
    slug = {"template": "{{slug}}", "editable": ["create"], "hint": SLUG_HINT}
    slug.update(pattern(CLEAN_SLUG, "ใช้อักษรอังกฤษตัวเล็ก ตัวเลข และ - เท่านั้น"))
    return {
        "name": name,
        "label": label,
        "folder": folder,
        "create": True,
        "format": "yaml-frontmatter",
        "extension": "md",
        "identifier_field": "Title",
        "slug": slug,
        "i18n": True,
        "media_folder": "",  # photos beside the entry, as the site reads them
        "public_folder": "",
        "fields": fields,
        **options,
    }


def collections(settings: dict) -> list[dict]:
    content = "content"
    edition_slug = {"template": "{{slug}}", "editable": ["create"],
                    "pattern": [r"^[0-9]+$", "ตั้งชื่อเป็นเลขครั้งที่ของงาน เช่น 28"],
                    "hint": "เลขครั้งที่ของงาน เช่น 28"}  # fmt: skip
    return [
        collection("news", "ข่าว · News", f"{content}/news", news_fields(settings),
                   sortable_fields=["Date", "Title"], summary="{{Date}} · {{Title}}"),
        collection("products", "ผลิตภัณฑ์ · Products", f"{content}/products", product_fields()),
        collection("editions", "งานแต่ละครั้ง · Editions", f"{content}/editions", edition_fields(),
                   slug=edition_slug),
        collection("galleries", "อัลบั้มภาพ · Galleries", f"{content}/galleries", gallery_fields(),
                   path="{{slug}}/index"),
        collection("pages", "หน้าข้อมูล · Pages", f"{content}/pages", page_fields()),
    ]  # fmt: skip


def field_order(settings: dict) -> dict[str, list[str]]:
    """{folder below content/: its fields in the order the editor writes them}."""
    return {
        item["folder"].removeprefix("content/"): [
            f["name"] for f in item["fields"] if f["name"] != "body"
        ]
        for item in collections(settings)
    }


def editor_config(settings: dict, repository: str) -> dict:
    """The whole configuration; `repository` is owner/name on GitHub."""
    backend = {"name": "github", "repo": repository}
    if settings.get("EDITOR_AUTH_URL"):
        backend["base_url"] = settings["EDITOR_AUTH_URL"]
    return {
        "backend": backend,
        "app_title": f"{settings['SITENAME']} · แก้ไขเว็บไซต์",
        "media_folder": "content/images",
        "public_folder": "/images",
        # Photos come from the office's own files: no stock-photo services (other hosts).
        "media_libraries": {"default": {"config": PHOTO_UPLOADS}, "stock_assets": False},
        "output": {"omit_empty_optional_fields": True},
        "slug": {"encoding": "ascii", "clean_accents": True},
        "i18n": {
            "structure": "multiple_files",
            "locales": [settings["DEFAULT_LANG"], *settings.get("I18N_SUBSITES", {})],
            "default_locale": settings["DEFAULT_LANG"],
            "omit_default_locale_from_file_path": True,
            "initial_locales": "default",
        },
        "collections": collections(settings),
    }
