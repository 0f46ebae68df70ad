"""The fixed vocabularies of the fair, each name in both languages."""

# The five OTOP product categories.
CATEGORIES = {
    "food": {"th": "อาหาร", "en": "Food"},
    "beverages": {"th": "เครื่องดื่ม", "en": "Beverages"},
    "textiles": {"th": "ผ้า เครื่องแต่งกาย", "en": "Textiles and clothing"},
    "decorative": {"th": "ของใช้ ของตกแต่ง ของที่ระลึก", "en": "Decorative items and souvenirs"},
    "herbal": {"th": "สมุนไพรที่ไม่ใช่อาหาร", "en": "Herbal products other than food"},
}

# The 26 districts (amphoe) of Khon Kaen province.
DISTRICTS = {
    "mueang-khon-kaen": {"th": "เมืองขอนแก่น", "en": "Mueang Khon Kaen"},
    "ban-fang": {"th": "บ้านฝาง", "en": "Ban Fang"},
    "phra-yuen": {"th": "พระยืน", "en": "Phra Yuen"},
    "nong-ruea": {"th": "หนองเรือ", "en": "Nong Ruea"},
    "chum-phae": {"th": "ชุมแพ", "en": "Chum Phae"},
    "si-chomphu": {"th": "สีชมพู", "en": "Si Chomphu"},
    "nam-phong": {"th": "น้ำพอง", "en": "Nam Phong"},
    "ubolratana": {"th": "อุบลรัตน์", "en": "Ubolratana"},
    "kranuan": {"th": "กระนวน", "en": "Kranuan"},
    "ban-phai": {"th": "บ้านไผ่", "en": "Ban Phai"},
    "pueai-noi": {"th": "เปือยน้อย", "en": "Pueai Noi"},
    "phon": {"th": "พล", "en": "Phon"},
    "waeng-yai": {"th": "แวงใหญ่", "en": "Waeng Yai"},
    "waeng-noi": {"th": "แวงน้อย", "en": "Waeng Noi"},
    "nong-song-hong": {"th": "หนองสองห้อง", "en": "Nong Song Hong"},
    "phu-wiang": {"th": "ภูเวียง", "en": "Phu Wiang"},
    "mancha-khiri": {"th": "มัญจาคีรี", "en": "Mancha Khiri"},
    "chonnabot": {"th": "ชนบท", "en": "Chonnabot"},
    "khao-suan-kwang": {"th": "เขาสวนกวาง", "en": "Khao Suan Kwang"},
    "phu-pha-man": {"th": "ภูผาม่าน", "en": "Phu Pha Man"},
    "sam-sung": {"th": "ซำสูง", "en": "Sam Sung"},
    "khok-pho-chai": {"th": "โคกโพธิ์ไชย", "en": "Khok Pho Chai"},
    "nong-na-kham": {"th": "หนองนาคำ", "en": "Nong Na Kham"},
    "ban-haet": {"th": "บ้านแฮด", "en": "Ban Haet"},
    "non-sila": {"th": "โนนศิลา", "en": "Non Sila"},
    "wiang-kao": {"th": "เวียงเก่า", "en": "Wiang Kao"},
}


PREFIXES = ("อำเภอ", "อ.", "amphoe ", "amphur ", "district ")  # as the office may write them


def lookup(table: dict, written: str) -> str | None:
    """The slug for a name written as its slug, its Thai or its English name (a district
    also with อ. or อำเภอ before it)."""
    wanted = " ".join(written.split()).lower()
    for prefix in PREFIXES:
        if wanted.startswith(prefix) and len(wanted) > len(prefix):
            wanted = wanted.removeprefix(prefix).strip()
            break
    for slug, names in table.items():
        if wanted in {slug, *(name.lower() for name in names.values())}:
            return slug
    return None


def closest(table: dict, written: str) -> str | None:
    """The name (in the language it was written in) that `written` was surely meant as."""
    import difflib

    names = [name for slug, names in table.items() for name in (slug, *names.values())]

    found = difflib.get_close_matches(written.strip(), names, n=1, cutoff=0.6)
    return found[0] if found else None
