"""`invoke check`: every problem in the content in one report, grouped by file, then a
test build whose every internal link and asset must resolve."""

import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from plugins.content_rules.checks import build_index
from plugins.core.addresses import Addresses, site_languages
from plugins.core.messages import for_staff
from plugins.core.problems import Problem, shown_path

NOT_A_PHOTO = "is not a photo format the site takes (use JPEG, PNG, WebP or HEIC)"


@dataclass(frozen=True)
class Finding:
    problem: Problem
    severity: str  # "error" or "warning"


def content_findings(settings: dict) -> list[Finding]:
    outside = outside_link_findings(settings)
    if outside:
        return outside  # nothing else is read before these are gone
    index = build_index(settings)
    findings = [Finding(problem, "error") for problem in index.problems]
    findings += translation_warnings(index, settings) + untranslated_findings(index, settings)
    fair, found = fair_findings(settings, index)
    findings += found + static_findings(settings, fair) + year_warnings(index, fair)
    findings += gallery_findings(settings)
    findings += name_warnings(index, settings) + private_photo_findings(settings)
    findings += editor_findings(settings)
    return said_once(placeholder_findings(settings), findings)


def said_once(placeholders: list[Finding], findings: list[Finding]) -> list[Finding]:
    """A line still holding what a command wrote is said as that, not also as, say, a date
    that cannot be read."""
    lines = {finding.problem.where for finding in placeholders}
    return [f for f in findings if f.problem.where not in lines] + placeholders


def editor_findings(settings: dict) -> list[Finding]:
    """The editor saves to a GitHub repository: one it cannot name is said here."""
    from plugins.editor import UNKNOWN_REPOSITORY, repository_of

    if not settings.get("EDITOR", True) or repository_of(settings) != UNKNOWN_REPOSITORY:
        return []
    message = (
        "the browser editor (/admin/) does not know which GitHub repository to save to: add it "
        "as the remote origin (git remote add origin https://github.com/<owner>/<name>.git) or "
        "set EDITOR_REPOSITORY in pelicanconf.py"
    )
    return [Finding(Problem("pelicanconf.py", 0, message), "warning")]


NOT_IN_TABLE = (
    'Category "{value}" is not in {table}, so the editor cannot show it (add it to {table} '
    "in pelicanconf.py, in both languages)"
)


def name_message(key: str, table: str, written: str, known: set[str]) -> str | None:
    """A slip near a known name (did you mean …?), or a category the editor cannot show."""
    import difflib

    near = difflib.get_close_matches(written, sorted(known), n=1, cutoff=0.6)
    if near:
        return f'{key.capitalize()} "{written}" is not in {table} (did you mean {near[0]}?)'
    return NOT_IN_TABLE.format(value=written, table=table) if key == "category" else None


def name_warnings(index, settings: dict) -> list[Finding]:
    """Categories and tags against CATEGORY_NAMES and TAG_NAMES."""
    found = []
    for key, table in (("category", "CATEGORY_NAMES"), ("tags", "TAG_NAMES")):
        named = settings.get(table, {})
        known = {name for names in named.values() for name in names.values()} | set(named)
        for source in index.sources.values():
            matter = source.matter
            for number, written in enumerate(matter.items(key)):
                message = name_message(key, table, written, known) if written not in known else None
                line = matter.item_line(key, number) if matter.is_list(key) else matter.line_of(key)
                found += (
                    [Finding(Problem(source.shown, line, message), "warning")] if message else []
                )
    return found


def outside_link_findings(settings: dict) -> list[Finding]:

    from plugins.core.files import OUTSIDE, links_outside

    content, shown = Path(settings["PATH"]), shown_path(settings)
    return [
        Finding(
            Problem(shown(link.parent) + "/" + link.name, 0, OUTSIDE.format(target=target)), "error"
        )
        for link, target in links_outside(content, content.resolve().parent)
    ]


def private_photo_findings(settings: dict) -> list[Finding]:
    from .privacy import PRIVATE, private_photos

    shown = shown_path(settings)
    return [
        Finding(Problem(shown(path), 0, PRIVATE.format(what=what)), "error")
        for path, what in private_photos(Path(settings["PATH"])).items()
    ]


def repository_findings(root: Path) -> tuple[list[str], list[Finding]]:
    """The repository's size as a line to print, and a warning near GitHub's 1 GB."""
    from .budget import megabytes
    from .privacy import REPOSITORY_BUDGET, WARN_AT, repository_size

    size = repository_size(root)
    if size is None:
        return [], []
    share = size / REPOSITORY_BUDGET
    line = f"Repository: {megabytes(size)} of GitHub's recommended {megabytes(REPOSITORY_BUDGET)}"
    if share < WARN_AT:
        return [line], []
    message = (
        f"the repository is {megabytes(size)}, {share:.0%} of the 1 GB GitHub recommends: keep "
        "camera originals out of it (README: where the camera originals belong); photos enter "
        "it as web masters through the editor or invoke import-photos"
    )
    return [line], [Finding(Problem(".", 0, message), "warning")]


PLACEHOLDER = re.compile(r"^\(.+\)$")  # what the new-* commands write, to be replaced


def placeholder_findings(settings: dict) -> list[Finding]:
    """A field or a text still holding what new-post, new-product, new-edition or new-gallery
    wrote in its place ("(ชื่อกลุ่มผู้ผลิต)", "เขียนเนื้อข่าวที่นี่" …), in any file, drafts too:
    unfinished work is never published, and a draft made public later is finished first."""
    from plugins.core.front_matter import read

    from .new_content import PLACEHOLDER_TEXTS

    shown, found = shown_path(settings), []
    for path in sorted(Path(settings["PATH"]).rglob("*.md")):
        matter, body = read(path)
        for key, line, value in texts_of(matter):
            if PLACEHOLDER.match(value):
                message = f'{key} is still "{value}", as new-* wrote it (write the real one)'
                found.append(Finding(Problem(shown(path), line, message), "error"))
        for number, text in enumerate(body.splitlines(), start=matter.body_offset + 1):
            command = PLACEHOLDER_TEXTS.get(text.strip())
            if command:
                fix = "write the text in its place"
                message = f'the text is still "{text.strip()}", as {command} wrote it ({fix})'

                found.append(Finding(Problem(shown(path), number, message), "error"))
    return found


def texts_of(matter):
    """(key as written, line, text) of every text in the front matter, in lists too."""
    for key, field in matter.fields.items():
        name = matter.names.get(key, key.capitalize())
        values = field.value if isinstance(field.value, list) else [field.value]
        for number, value in enumerate(values):
            line = field.item_line(number) if isinstance(field.value, list) else field.line
            parts = value.items() if isinstance(value, dict) else [(name, value)]
            yield from ((part, line, text) for part, text in parts if isinstance(text, str))


def translation_warnings(index, settings: dict) -> list[Finding]:
    languages = site_languages(settings)
    found = []
    for source in index.sources.values():
        if source.lang != languages[0] or not source.published:
            continue
        for lang in languages[1:]:
            if not any(other.lang == lang for other in source.group):
                fix = f"add {source.stem}.{lang}{source.path.suffix} beside it"
                found.append(
                    Finding(
                        Problem(source.shown, 0, f"no {lang} translation yet ({fix})"), "warning"
                    )
                )
    return found


THAI_LETTER = re.compile(r"[\u0e01-\u0e4f]")
LETTER = re.compile(r"[^\W\d_]")


def mostly_thai(text: str) -> bool:
    letters = len(LETTER.findall(text))
    return letters > 0 and len(THAI_LETTER.findall(text)) > letters / 2


def untranslated_findings(index, settings: dict) -> list[Finding]:
    """A translation published while its text is still the Thai one (import-release starts
    the English twin with the Thai text, to translate over)."""
    from plugins.core.front_matter import read

    main = site_languages(settings)[0]
    found = []
    for source in index.sources.values():
        if source.lang == main or not source.published:
            continue
        body = read(source.path)[1]
        if mostly_thai(str(source.matter.get("title") or "")) or mostly_thai(body):
            line = source.matter.line_of("title")
            fix = "translate it, or keep it a draft (Status: draft)"
            message = f"the {source.lang} page is still in Thai: {fix}"

            found.append(Finding(Problem(source.shown, line, message), "error"))

    return found


def fair_findings(settings: dict, index) -> tuple[object, list[Finding]]:

    from plugins.fair import DEFAULTS, read_and_judge

    settings = {**DEFAULTS, **settings}
    addresses = Addresses.from_settings(settings)
    fair, problems = read_and_judge(settings, site_languages(settings), addresses, index)
    found = [Finding(problem, "error") for problem in problems]
    edition = current_edition_warnings(fair, Path(settings["PATH"]))
    return fair, found + product_photo_warnings(fair) + edition


def current_edition_warnings(fair, content: Path) -> list[Finding]:
    """The newest edition is the home page's: without a photo or a venue map it shows none,
    and a map whose labels are too small on a phone cannot be read in the park."""
    from plugins.fair.maps import small_labels

    if not fair.editions:
        return []
    current = fair.editions[0]
    text = current.texts[current.main_lang]
    wanted = {
        "photo": "has no Photo: yet, so the home page shows no picture (add Photo: with a photo "
        "of the fair, e.g. last year's: /galleries/opening-day/evening.jpg)",
        "map": "has no Map: yet, so the venue page shows no map (add Map: images/<the map>.svg)",
    }
    found = [Finding(text.problem(key, message), "warning")
             for key, message in wanted.items() if not text.get(key)]  # fmt: skip
    small = small_labels(text, content)
    return found + ([Finding(text.problem("map", small), "warning")] if small else [])


def year_warnings(index, fair) -> list[Finding]:
    """Dates whose year is surely a slip (0001, 2399): shown, not stopping anything."""
    from plugins.core.staff_dates import doubtful_year, read_date

    found = []
    for source in index.sources.values():
        written = source.matter.get("date")
        day = read_date(written).day if written else None
        wrong = doubtful_year(day) if day else None
        if wrong:
            problem = Problem(
                source.shown, source.matter.line_of("date"), f'Date "{written}" {wrong}'
            )
            found.append(Finding(problem, "warning"))
    for edition in fair.editions:
        for key, day in (("Start", edition.start), ("End", edition.end)):
            wrong = doubtful_year(day)
            if wrong:
                text = edition.texts[edition.main_lang]
                found.append(
                    Finding(text.problem(key, f'{key} "{text.get(key)}" {wrong}'), "warning")
                )
    return found


def static_findings(settings: dict, fair) -> list[Finding]:
    """Files of STATIC_PATHS the site would refuse to publish (HTML, SVG but maps …)."""
    from plugins.core.file_kinds import kind_of, verdict
    from plugins.gallery.static_files import map_paths

    content, maps, shown = Path(settings["PATH"]), map_paths(fair), shown_path(settings)
    found = []
    for folder in settings.get("STATIC_PATHS", []):
        for path in sorted((content / folder).rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                relative = path.relative_to(content).as_posix()
                _, problem = verdict(kind_of(path), relative in maps)
                found += [Finding(Problem(shown(path), 0, problem), "error")] if problem else []
    return found


NO_PHOTO = (
    "has no photo yet (put one beside it, e.g. {stem}.jpg, and add the line Photo: {stem}.jpg)"
)


def product_photo_warnings(fair) -> list[Finding]:
    found = []
    for product in fair.products:
        if not product.photo_paths:
            text = product.texts["th"]
            message = NO_PHOTO.format(stem=text.path.stem)
            found.append(Finding(Problem(text.shown, 0, message), "warning"))
    return found


def gallery_findings(settings: dict) -> list[Finding]:
    from plugins.gallery.galleries import find_galleries, photo_files, read_notes
    from plugins.gallery.settings import with_defaults

    settings = with_defaults(dict(settings))
    shown, languages = shown_path(settings), site_languages(settings)
    found = []
    for gallery in find_galleries(Path(settings["PATH"]) / settings["GALLERY_PATH"]):
        found += [Finding(p, "error") for p in read_notes(gallery, languages, shown)]
        photos, others = photo_files(gallery.folder)
        found += [Finding(Problem(shown(p), 0, NOT_A_PHOTO), "error") for p in others]
        found += [photo_finding(path, shown) for path in photos]
        found += caption_warnings(gallery, languages, shown)
    return [finding for finding in found if finding]


def photo_finding(path: Path, shown) -> Finding | None:
    from PIL import Image

    from plugins.gallery.plan import Job, Spec
    from plugins.gallery.runner import describe
    from plugins.gallery.settings import DEFAULTS

    try:
        if path.stat().st_size == 0:
            raise EOFError("empty")
        with Image.open(path) as image:
            image.draft("RGB", (320, 320))  # a small decode finds damage quickly
            image.load()
        return None
    except Exception as error:
        job = Job(str(path), "", "", Spec.from_settings(DEFAULTS))
        return Finding(Problem(shown(path), 0, describe(error, job)), "error")


def caption_warnings(gallery, languages: list[str], shown) -> list[Finding]:
    from plugins.content_rules.checks import LANGUAGE_NAMES_IN_ENGLISH as NAMES

    found = []
    for photo in gallery.photos:
        for lang in languages:
            if not photo.captions.get(lang):
                key = "Caption" if lang == languages[0] else f"Caption_{lang}"
                fix = f"write its {key}: under Photos: in index.md, or in the editor"
                message = f"no {NAMES.get(lang, lang)} caption, which is also its alt text ({fix})"
                found.append(
                    Finding(Problem(shown(gallery.folder / photo.file), 0, message), "warning")
                )
    return found


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        wanted = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset"}
        for name, value in attrs:
            if name == wanted.get(tag) and value:
                self.links += (
                    [part.split()[0] for part in value.split(",")] if name == "srcset" else [value]
                )


def broken_links(output: Path, site: str = "") -> list[Finding]:
    """Every link and asset of every page that the built site does not have; `site` is the
    site's own whole address (a publishing build writes whole addresses)."""
    found = []
    own = urlparse(site.rstrip("/") + "/") if site else None
    for page in sorted(output.rglob("*.html")):
        collector = LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        for link in collector.links:
            target = urlparse(link)
            if own and (target.scheme, target.netloc) == (own.scheme, own.netloc):
                target = urlparse(target.path.removeprefix(own.path.rstrip("/")) or "/")
            if target.scheme or target.netloc or not target.path:
                continue
            if not resolves(output, page, unquote(target.path)):
                message = f"links to {target.path}, which the built site does not have"
                found.append(
                    Finding(Problem(f"output/{page.relative_to(output)}", 0, message), "error")
                )
    return found


def resolves(output: Path, page: Path, path: str) -> bool:
    base = output if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def built_site_findings(config: str, content: Path) -> list[Finding]:
    """A test build's broken links. The project's own cache: photos already made are not
    made again; no search index, per-page cards or editor: they hold no links to check."""
    from pelican import Pelican
    from pelican.settings import read_settings

    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "output"
        quick = {"SEARCH_INDEX": False, "SOCIAL_PAGE_CARDS": False, "EDITOR": False}
        settings = read_settings(
            config, override={"PATH": str(content), "OUTPUT_PATH": str(output), **quick}
        )
        Pelican(settings).run()
        return broken_links(output)


def size_findings(cache_path: Path) -> tuple[list[str], list[Finding]]:
    """What the last build weighed, as lines to print; a warning near the site's budget, and
    errors for a page over PAGE_BUDGET or a first visit over OFFLINE_BUDGET."""
    from plugins.gallery.budget import read_size_report

    from .budget import offline_warning, over_warning, page_problems, size_lines

    measured = read_size_report(cache_path)
    if measured is None:
        return [], []
    found = [Finding(Problem("output/", 0, w), "warning") for w in [over_warning(measured)] if w]
    offline = offline_warning(measured)
    found += [Finding(Problem("output/sw.js", 0, offline), "error")] if offline else []
    found += [
        Finding(Problem(page, 0, message), "error") for page, message in page_problems(measured)
    ]
    return size_lines(measured), found


def report(findings: list[Finding]) -> str:
    by_file = defaultdict(list)
    for finding in findings:
        by_file[finding.problem.path].append(finding)
    lines = []
    for path in sorted(by_file):
        lines.append(path)
        for finding in sorted(by_file[path], key=lambda f: (f.severity, f.problem.line)):
            where = f"line {finding.problem.line}" if finding.problem.line else "file"
            lines.append(f"  {where:9} {finding.severity:8} {for_staff(finding.problem.message)}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    lines.append(f"ต้องแก้ {errors} ควรดู {warnings} · {errors} error(s), {warnings} warning(s)")

    return "\n".join(lines)


def address_findings(root: Path) -> list[Finding]:
    """SITEURL (publishconf.py) against where GitHub Pages serves the site's repository."""
    from pelican.settings import read_settings

    from plugins.editor import UNKNOWN_REPOSITORY, repository_of

    from .saving import address_problem

    config = root / "publishconf.py"
    settings = read_settings(str(config))
    repository = repository_of(settings)
    if repository == UNKNOWN_REPOSITORY or not settings.get("SITEURL"):
        return []
    wrong = address_problem(settings["SITEURL"], settings.get("GITHUB_PAGES_CNAME", ""), repository)
    if not wrong:
        return []
    lines = config.read_text(encoding="utf-8").splitlines()
    line = next((n for n, text in enumerate(lines, 1) if text.startswith("SITEURL")), 0)
    return [Finding(Problem("publishconf.py", line, wrong), "error")]
