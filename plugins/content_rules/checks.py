"""Check every Markdown source before Pelican reads it, and decide its slug and language.

Problems are collected, not raised one by one, so that a writer sees every mistake
in one run, each as ``content/news/x.md:3: what is wrong (the fix)``.
"""

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from plugins.core.addresses import site_languages
from plugins.core.files import write_if_changed
from plugins.core.front_matter import FrontMatter
from plugins.core.problems import Problem
from plugins.core.staff_dates import read_date

from .cache import FrontMatterCache
from .names import learn_name_pairs
from .slugs import ascii_slug, is_clean_slug, slug_for_text, slug_from_file_stem

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
LANGUAGE_NAMES_IN_ENGLISH = {"th": "Thai", "en": "English"}  # for messages
EXAMPLE_DATE = "2024-05-28"
# The words the office writes in Status, in either language, and what Pelican calls them.
STATUS_WORDS = {
    "published": "published", "draft": "draft", "hidden": "hidden",
    "เผยแพร่": "published", "ร่าง": "draft", "ซ่อน": "hidden",
}  # fmt: skip
LIST_SEPARATORS = re.compile(r"[;；、]")

MESSAGES = {
    "no title": 'Title is missing (add "Title: <headline>" at the top)',
    "no date": f'Date is missing (add "Date: {EXAMPLE_DATE}" at the top)',
    "bad date": 'Date "{value}" {fix}',
    "unknown status": (
        'Status "{value}" is not a status (write published, draft or hidden; or เผยแพร่, ร่าง or ซ่อน)'
    ),
    "list separator": '{value} "{fix}" must be separated by commas (write {fix_commas})',
    "unknown lang": 'Lang "{value}" is not a language of this site (write {fix})',
    "lang vs file": 'Lang "{value}" does not match the file name (rename it {fix}, or fix Lang)',
    "bad slug": 'Slug "{value}" may hold only a-z, 0-9 and - (write "{fix}")',
    "address field": (
        "{value} cannot be set in a file: a page's address comes from its file's name or its "
        "Slug (remove the line; to change the address, write Slug: {fix})"
    ),
    "same slug": 'Slug "{value}" is also used by {fix} (give one of them another Slug)',
    "no original": (
        "Translation has no {value} original "
        "(add the {value} file {fix} beside it, or give both the same Slug)"
    ),
}


@dataclass
class Source:
    path: Path
    shown: str  # the path as the writer knows it: content/news/x.md
    kind: str  # "article" or "page"
    matter: FrontMatter
    lang: str
    stem: str  # the file name without its language suffix and extension
    slug: str = ""
    group: list["Source"] = field(default_factory=list)  # this file and its translations
    original: "Source | None" = None  # for a translation: the main language's file

    @property
    def own_status(self) -> str | None:
        """published, draft or hidden, from English or Thai; None for an unknown word."""
        return STATUS_WORDS.get((self.matter.get("status") or "published").strip().lower())

    @property
    def status(self) -> str | None:
        """The main language's file says whether a page is out: a translation of a draft is
        a draft too, whatever its own file says (a translation may still hold itself back)."""
        own = self.own_status
        held_back = self.original.own_status if self.original else "published"
        return held_back if own == "published" and held_back in ("draft", "hidden") else own

    @property
    def published(self) -> bool:
        return self.status == "published"

    def translated_into(self, lang: str) -> bool:
        return any(other.lang == lang and other.published for other in self.group)


@dataclass
class ContentIndex:
    sources: dict[str, Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    name_slugs: dict[str, str] = field(default_factory=dict)  # "ข่าว" → "news", filled as met
    romanized: dict[str, str] = field(default_factory=dict)  # the names this build romanized

    def find(self, path: str) -> Source | None:
        return self.sources.get(os.path.abspath(path))

    def paths_to_read(self, lang: str, default_lang: str) -> set[str]:
        """What the site in `lang` reads: its own files, and the published originals
        that have no published translation into it yet (listed there, marked)."""
        return {
            path
            for path, source in self.sources.items()
            if source.lang == lang
            or (
                source.lang == default_lang
                and source.published
                and not source.translated_into(lang)
            )
        }


def problem(source: Source, key: str, kind: str, value: str = "", fix: str = "") -> Problem:
    fix_commas = LIST_SEPARATORS.sub(",", fix)
    message = MESSAGES[kind].format(value=value, fix=fix, fix_commas=fix_commas)
    return Problem(source.shown, source.matter.line_of(key), message)


# ---- Finding the sources ----------------------------------------------------


NOT_UTF8 = (
    "is not saved as UTF-8 (open it and save it again as UTF-8; in Windows Notepad: "
    "Save as → Encoding: UTF-8)"
)


def find_sources(settings: dict, languages: list[str]) -> tuple[list[Source], list[Problem]]:
    """Every Markdown source, and a problem for each file that cannot be read as text."""
    root = Path(os.path.abspath(settings["PATH"]))
    kinds = [("page", p) for p in settings["PAGE_PATHS"]]
    kinds += [("article", p) for p in settings["ARTICLE_PATHS"]]
    cache = FrontMatterCache(settings["CACHE_PATH"])
    found: dict[Path, Source] = {}
    unreadable = []
    for kind, folder in kinds:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in MARKDOWN_SUFFIXES and path not in found:
                try:
                    matter = cache.read(path)
                except UnicodeDecodeError:
                    unreadable.append(Problem(str(path.relative_to(root.parent)), 0, NOT_UTF8))
                    continue
                found[path] = make_source(path, root, kind, matter, settings, languages)
    cache.save({str(path) for path in found})
    return list(found.values()), unreadable


def make_source(path: Path, root: Path, kind: str, matter: FrontMatter, settings, languages):
    stem, _, suffix = path.stem.rpartition(".")
    if not (stem and suffix in languages):
        stem, suffix = path.stem, ""
    lang = (matter.get("lang") or suffix or settings["DEFAULT_LANG"]).lower()
    shown = str(path.relative_to(root.parent))
    return Source(path, shown, kind, matter, lang, stem)


# ---- One file at a time -----------------------------------------------------


def field_problems(source: Source, languages: list[str]) -> list[Problem]:
    found = [Problem(source.shown, line, message) for line, message in source.matter.mistakes]
    if found and not source.matter.fields:
        return found  # the front matter could not be read: saying each field is missing repeats it
    if not source.matter.get("title"):
        found.append(problem(source, "title", "no title"))
    if source.kind == "article":
        found += date_problems(source)
    found += language_problems(source, languages)
    if source.own_status is None:
        found.append(problem(source, "status", "unknown status", source.matter.get("status")))
    for key in ("tags", "category"):
        value = source.matter.get(key) or ""
        if LIST_SEPARATORS.search(value):
            found.append(problem(source, key, "list separator", key.capitalize(), value))
    slug = source.matter.get("slug")
    if slug is not None and not is_clean_slug(slug):
        found.append(problem(source, "slug", "bad slug", slug, slug_for_text(slug) or "news"))
    for key in address_fields(source.matter):
        name = source.matter.names.get(key, key)
        found.append(problem(source, key, "address field", name, source.slug or source.stem))
    return found


ADDRESS_FIELDS = {"save_as", "url", "template", "path"}


def address_fields(matter) -> list[str]:
    """Fields that would give a page another address or template than the site gives it:
    Save_as: index.html would replace the home page."""
    return [key for key in matter.fields
            if key in ADDRESS_FIELDS or key.endswith(("_save_as", "_url"))]  # fmt: skip


def language_problems(source: Source, languages: list[str]) -> list[Problem]:
    written = source.matter.get("lang")
    suffix = source.path.stem.rpartition(".")[2]
    if source.lang not in languages:
        return [problem(source, "lang", "unknown lang", written, " or ".join(languages))]
    if written and suffix in languages and suffix != source.lang:
        fix = f"{source.stem}.{source.lang}{source.path.suffix}"
        return [problem(source, "lang", "lang vs file", written, fix)]
    return []


def date_problems(source: Source) -> list[Problem]:
    value = source.matter.get("date")
    if value is None:
        return [problem(source, "date", "no date")]
    wrong = read_date(value).problem
    return [problem(source, "date", "bad date", value, wrong)] if wrong else []


# ---- Translations and slugs -------------------------------------------------


def pairing_key(source: Source) -> tuple:
    """Translations share an explicit Slug, or a file name (x.md and x.en.md side by side)."""
    slug = source.matter.get("slug")
    if slug:
        return (source.kind, "slug", slug)
    return (source.kind, "file", str(source.path.parent), source.stem)


def group_slug(group: list[Source], default_lang: str) -> str:
    """Slug, else an ASCII file name, else the English title, else the romanized Thai title."""
    for source in group:
        if source.matter.get("slug"):
            return source.matter.get("slug")
    from_file = slug_from_file_stem(group[0].stem)
    if from_file:
        return from_file
    by_lang = {source.lang: source for source in group}
    english_title = by_lang["en"].matter.get("title") or "" if "en" in by_lang else ""
    if ascii_slug(english_title):
        return ascii_slug(english_title)
    original = by_lang.get(default_lang, group[0])
    return slug_for_text(original.matter.get("title") or original.stem) or "untitled"


def group_problems(group: list[Source], default_lang: str) -> list[Problem]:
    found = []
    by_lang = defaultdict(list)
    for source in group:
        by_lang[source.lang].append(source)
    for same_language in by_lang.values():
        found += [same_slug(later, same_language[0]) for later in same_language[1:]]
    if default_lang not in by_lang:
        original = LANGUAGE_NAMES_IN_ENGLISH.get(default_lang, default_lang)
        for source in group:
            fix = f"{source.stem}{source.path.suffix}"
            found.append(problem(source, "slug", "no original", original, fix))
    return found


def same_slug(source: Source, other: Source) -> Problem:
    return problem(source, "slug", "same slug", source.slug, other.shown)


def slug_clash_problems(groups: list[list[Source]]) -> list[Problem]:
    first_with: dict[tuple, Source] = {}
    found = []
    for group in groups:
        head = group[0]
        key = (head.kind, head.slug)
        if key in first_with:
            found.append(same_slug(head, first_with[key]))
        else:
            first_with[key] = head
    return found


def translation_groups(sources: list[Source], default_lang: str) -> list[list[Source]]:
    groups = defaultdict(list)
    for source in sources:
        groups[pairing_key(source)].append(source)
    for group in groups.values():
        slug = group_slug(group, default_lang)
        original = next((source for source in group if source.lang == default_lang), None)
        for source in group:
            source.slug, source.group = slug, group
            source.original = original if source is not original else None
    return list(groups.values())


def named_slugs(settings: dict) -> dict[str, str]:
    """CATEGORY_NAMES / TAG_NAMES map a slug to its name in each language;
    every one of those names gets that slug."""
    table = {}
    for key in ("CATEGORY_NAMES", "TAG_NAMES"):
        for slug, names in settings.get(key, {}).items():
            table.update({name: slug for name in names.values()})
            table.update({name.lower(): slug for name in names.values()})
    return table


ROMANIZED_FILE = "romanized-names.json"
SLUG_RULES_VERSION = "royin-words-1"  # change it when slug_for_text changes its output


def load_romanized(cache_path: str) -> dict[str, str]:
    try:
        saved = json.loads((Path(cache_path) / ROMANIZED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return saved.get("names", {}) if saved.get("rules") == SLUG_RULES_VERSION else {}


def save_romanized(cache_path: str, names: dict[str, str]) -> None:
    saved = {"rules": SLUG_RULES_VERSION, "names": names}
    text = json.dumps(saved, ensure_ascii=False, indent=1)
    write_if_changed(Path(cache_path) / ROMANIZED_FILE, text.encode("utf-8"))


# ---- All together -----------------------------------------------------------


def build_index(settings: dict) -> ContentIndex:
    languages = site_languages(settings)
    default_lang = settings["DEFAULT_LANG"]
    sources, unreadable = find_sources(settings, languages)
    romanized = load_romanized(settings["CACHE_PATH"])
    index = ContentIndex(
        {str(s.path): s for s in sources},
        name_slugs={**romanized, **named_slugs(settings)},
        romanized=romanized,
    )
    index.problems += unreadable
    for source in sources:
        index.problems += field_problems(source, languages)
    # A file whose language is wrong is left out of pairing: that would only repeat it.
    unsure = {s.path for s in sources if language_problems(s, languages)}
    groups = [
        [s for s in group if s.path not in unsure]
        for group in translation_groups(sources, default_lang)
    ]
    groups = [group for group in groups if group]
    for group in groups:
        index.problems += group_problems(group, default_lang)
    index.problems += slug_clash_problems(groups)
    learned, problems = learn_name_pairs(groups, default_lang, named_slugs(settings))
    index.name_slugs.update(learned)
    index.problems += problems
    index.problems.sort(key=lambda p: (p.path, p.line))
    return index
