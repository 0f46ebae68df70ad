"""`invoke import-release FILE`: a press release as the office wrote it (a Word file, plain
text or a web page) made a news post in content/news/, a draft in Thai with its English twin
started as a draft, written through the one front-matter writer the new-* commands use.

Every paragraph is kept word for word: Word's bold, line breaks, lists and tables come
through, quotes stay curly, the spelling is the office's. The first paragraph that is not a
label (ประชาสัมพันธ์) is the headline; the date is found in the prose, and shown to staff;
no date found is a question in the file, not a guess. The pictures of a Word file are saved
beside the post as web masters (upright, no GPS or camera data) and placed in its text, the
first one as its Photo:.
"""

import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from plugins.core.staff_dates import FoundDate, find_in_prose

from . import Refused
from .new_content import UNREADABLE_PICTURE, document, newest_edition, slug_of, write_new
from .word import Picture, read_word_file

LABELS = {"ประชาสัมพันธ์", "ข่าวประชาสัมพันธ์", "ข่าว", "ข่าวสาร", "press release", "news"}
ASK_THE_DATE = "(วันที่ของข่าว เช่น 28 พ.ค. 2567 17.30)"
QUOTED = re.compile(r'^["“].*["”]$', re.DOTALL)
WIDEST = 2400  # as the editor and import-photos keep photos


@dataclass
class Release:
    """What a press release says, read from its file."""

    title: str
    body: str  # Markdown
    pictures: list[Picture] = field(default_factory=list)
    found: FoundDate | None = None


@dataclass
class Imported:
    """What import-release wrote and what it guessed, to tell staff."""

    files: list[Path]
    release: Release
    photos: list[str] = field(default_factory=list)  # saved names, in the order of the text
    unreadable: list[int] = field(default_factory=list)  # numbers of pictures not saved


def read_release(path: Path) -> Release:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        word = read_word_file(path.name, path.read_bytes())
        return release_of_html(word.html, word.pictures)
    if suffix in (".html", ".htm"):
        return release_of_html(text_of(path), [])
    if suffix == ".txt":
        lines = (line.strip() for line in text_of(path).splitlines())
        return release_of_html("".join(f"<p>{html.escape(line)}</p>" for line in lines), [])
    if suffix == ".doc":
        raise Refused(f"{path.name} is an old Word file (.doc): save it as .docx in Word first")
    raise Refused(f"{path.name}: import a Word file (.docx), a text file (.txt) or a web page")


def text_of(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "cp874"):  # cp874: Thai Windows' own
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Refused(f"{path.name} is not text that can be read: save it as UTF-8 text")


def release_of_html(markup: str, pictures: list[Picture]) -> Release:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    root = soup.body or soup  # a web page: what its body says
    for unwanted in root.find_all(["script", "style", "head", "nav"]):
        unwanted.decompose()
    blocks = [tag for tag in root.find_all(recursive=False) if one_line(tag)]
    blocks = blocks[1:] if blocks and is_label(one_line(blocks[0])) else blocks
    if not blocks:
        raise Refused("the file has no text: is it the press release?")
    title = one_line(blocks[0])
    for block in root.find_all(recursive=False):  # the label, the headline, and nothing else
        if block is blocks[0] or (one_line(block) and is_label(one_line(block))):
            block.decompose()
        if block is blocks[0]:
            break
    tidy(root)
    return Release(title, markdown_of(root), pictures, find_in_prose(root.get_text("\n")))


def one_line(tag) -> str:
    """The text of a paragraph on one line, as written (a run split in a word stays whole)."""
    return " ".join(tag.get_text().split())


def is_label(text: str) -> bool:
    return text.strip(" :.-").lower() in LABELS


def tidy(soup) -> None:
    """Tabs that indent a paragraph are not Markdown's code; a paragraph all in quotes is a
    quotation."""
    for text in soup.find_all(string=True):
        text.replace_with(text.replace("\t", " "))
    for paragraph in soup.find_all("p", recursive=False):
        if QUOTED.match(paragraph.get_text().strip()):
            paragraph.wrap(soup.new_tag("blockquote"))


def markdown_of(soup) -> str:
    from markdownify import MarkdownConverter

    class OfficeText(MarkdownConverter):
        def escape(self, text, parent_tags):
            text = super().escape(text, parent_tags)
            text = re.sub(r"&(?=#?\w+;)", "&amp;", text)  # written as it reads
            return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)  # text, not a tag

    converter = OfficeText(
        heading_style="ATX",
        bullets="-",
        keep_inline_images_in=["td", "th", "p", "li"],
        table_infer_header=True,
    )
    markdown = converter.convert_soup(soup)
    lines = (line.lstrip(" ") if not re.match(r"\s*([-*+]|\d+\.)\s", line) else line
             for line in markdown.splitlines())  # fmt: skip
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def web_master(picture: Picture) -> tuple[bytes, str] | None:
    from .photos import web_master as master

    try:
        return master(io.BytesIO(picture.data), WIDEST)
    except Exception:  # a drawing (EMF, WMF) or a picture Pillow cannot open
        return None


def saved_pictures(release: Release, folder: Path, slug: str, imported: Imported):
    """The pictures as files beside the post ({path: bytes}), the text pointing at them."""
    files, body = {}, release.body
    for number, picture in enumerate(release.pictures, start=1):
        place = f"picture-{number})"
        master = web_master(picture)
        if master is None:
            imported.unreadable.append(number)
            body = re.sub(rf"!\[[^\]]*\]\({re.escape(place)}", UNREADABLE_PICTURE, body)
            continue
        data, suffix = master
        name = f"{slug}-{len(imported.photos) + 1}{suffix}"
        files[folder / name] = data
        imported.photos.append(name)
        body = body.replace(f"]({place}", f"]({name})")
    release.body = body
    return files


def without_first_photo(body: str, name: str) -> str:
    """The text without the picture shown as the post's Photo: (shown above it already)."""
    body = re.sub(rf"!\[[^\]]*\]\({re.escape(name)}\)", "", body, count=1)
    return re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"


def post_fields(release: Release, content: Path, photo: str | None) -> dict[str, object]:
    found = release.found
    fields = {"Title": release.title, "Date": found.reading.iso() if found else ASK_THE_DATE}
    edition = newest_edition(content)
    fields.update({"Edition": int(edition)} if edition else {})
    fields.update({"Category": "news"})
    fields.update({"Photo": photo} if photo else {})
    return {**fields, "Status": "draft"}


def import_release(source: Path, content: Path, slug: str = "") -> Imported:
    if not source.is_file():
        raise Refused(f"{source} is not a file: give the Word or text file of the release")
    release = read_release(source)
    slug = slug_of(release.title, slug)
    folder = content / "news"
    imported = Imported([], release)
    pictures = saved_pictures(release, folder, slug, imported)
    photo = imported.photos[0] if imported.photos else None
    body = without_first_photo(release.body, photo) if photo else release.body
    fields = post_fields(release, content, photo)
    thai = document(fields, body)
    english = document(fields, body)  # to translate over: a draft, and refused while in Thai

    texts = {folder / f"{slug}.md": thai, folder / f"{slug}.en.md": english}
    imported.files = write_new({**texts, **pictures})
    return imported


def report(imported: Imported, root: Path) -> list[str]:
    """What was written and what was guessed, Thai first with the English beside it."""
    shown = [str(path.relative_to(root)) for path in imported.files]
    post, release = shown[0], imported.release
    lines = [f"เขียน · wrote {name}" for name in shown]
    lines.append(f"หัวข่าว · headline: {release.title}")
    if release.found:
        when = release.found.reading.iso()
        lines.append(
            f'วันที่ (เดาจาก "{release.found.written}") · date guessed from those words: '
            f"{when} — ตรวจให้ถูก · check it ({post}, Date:)"
        )
    else:
        lines.append(
            f"ไม่พบวันที่ในข่าว: เขียนใน {post} บรรทัด Date: · no date found in the text: "
            "write it on the Date: line"
        )
    if imported.photos:
        lines.append(
            f"ภาพหลัก · Photo: {imported.photos[0]}; ภาพอื่นอยู่ในเนื้อข่าว · the rest in the text"
        )
    for number in imported.unreadable:
        lines.append(
            f"ภาพที่ {number} ในไฟล์ Word เปิดไม่ได้ (ภาพวาด EMF/WMF?): บันทึกเป็น JPEG แล้วใส่แทน "
            f"ข้อความในวงเล็บ · picture {number} of the Word file cannot be shown: save it as a "
            "JPEG and put it where the text in brackets says"
        )
    lines.append(
        "ทั้งสองไฟล์เป็นร่าง (Status: draft): อ่านทาน แปลไฟล์ .en.md แล้วลบบรรทัด Status "
        "· both are drafts: read them, translate the .en.md, then delete the Status: line"
    )
    return lines
