"""`make bench`: build time of our site against plain Pelican on a generated corpus.

Generates N Thai press releases (most with an English translation) in bench-work/
(in /dev/shm where there is one),
then builds them, each build in its own process, with
  whole: `make html` as it is: this repository's pelicanconf.py (theme, plugins, Thai +
         English sites), the search index, the sitemap and a sharing card per page
  ours:  the same without the search index and the per-page cards (the generator alone)
  plain: Pelican alone on the same Markdown (default theme, no plugins),
cold (no cache, no output) and warm (again, nothing changed), interleaved, and prints the
medians and the ratios to plain.  Usage: python tests/bench.py [--articles 1000] [--runs 5]
"""

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# In memory where the machine has it: the ratio should measure the builds, not disk jitter.
SHARED_MEMORY = Path("/dev/shm")
WORK = (SHARED_MEMORY if SHARED_MEMORY.is_dir() else ROOT) / "bench-work"
PELICAN = Path(sys.executable).parent / "pelican"

THAI_SENTENCES = [
    "งาน OTOP City ขอนแก่น จัดขึ้นที่สวนรัชดานุสรณ์ อำเภอเมืองขอนแก่น",
    "ผู้ผลิตและผู้ประกอบการจากทุกอำเภอนำผลิตภัณฑ์ชุมชนมาจัดแสดงและจำหน่าย",
    "ผ้าไหมมัดหมี่ทอมือเป็นสินค้าที่ผู้มาเที่ยวงานให้ความสนใจมากที่สุด",
    "สำนักงานพัฒนาชุมชนจังหวัดขอนแก่นร่วมกับเครือข่าย OTOP จังหวัดขอนแก่นเป็นผู้จัดงาน",
    "ภายในงานมีการแสดงบนเวทีกลางทุกค่ำตั้งแต่เวลา 18.00 น. เป็นต้นไป",
    "การพัฒนาคุณภาพและมาตรฐานผลิตภัณฑ์ช่วยสร้างรายได้ให้แก่ครอบครัวและชุมชน",
    "ผู้ซื้อสามารถพูดคุยกับผู้ผลิตโดยตรงและเลือกซื้อสินค้าจากภูมิปัญญาท้องถิ่น",
    "อาหารแปรรูปและสมุนไพรจากกลุ่มแม่บ้านขายดีตลอดทั้งสัปดาห์",
]
ENGLISH_SENTENCES = [
    "OTOP City in Khon Kaen takes place in Ratchadanusorn Park, Mueang Khon Kaen.",
    "Producers from every district show and sell their community products.",
    "Hand-woven mudmee silk draws the most interest from visitors.",
    "The Provincial Community Development Office organises the fair with the OTOP network.",
    "The central stage has shows every evening from 6 pm.",
    "Better quality and standards bring more income to families and communities.",
    "Buyers talk to the makers directly and choose goods made with local knowledge.",
    "Processed food and herbal products from housewives' groups sell well all week.",
]
CATEGORIES = [("ข่าว", "News"), ("ประกาศ", "Announcements")]
TAGS = [("ผ้าไหม", "Silk"), ("อาหาร", "Food"), ("เวที", "Stage"), ("สมุนไพร", "Herbs")]


def body(rng: random.Random, sentences: list[str]) -> str:
    paragraphs = [" ".join(rng.choices(sentences, k=4)) for _ in range(rng.randint(4, 7))]
    return "\n\n".join(paragraphs)


def article(number: int, rng: random.Random, english: bool) -> str:
    """A press release, or its translation (same category and tag, in English)."""
    names = random.Random(number)  # the same choice for both languages of a release
    category, tag = names.choice(CATEGORIES), names.choice(TAGS)
    day = f"2024-05-{1 + number % 28:02d} {number % 24:02d}:00"
    if english:
        head = (
            f"Title: Fair news number {number}\nLang: en\nCategory: {category[1]}\nTags: {tag[1]}"
        )
        return f"{head}\nDate: {day}\n\n{body(rng, ENGLISH_SENTENCES)}\n"
    head = f"Title: ข่าวงาน OTOP City ฉบับที่ {number}\nCategory: {category[0]}\nTags: {tag[0]}"
    return f"{head}\nDate: {day}\n\n{body(rng, THAI_SENTENCES)}\n"


CORPUS_VERSION = 2  # change it when the generated articles change


def make_corpus(count: int) -> Path:
    content = WORK / f"corpus-{CORPUS_VERSION}-{count}"
    if content.exists():
        return content
    news = content / "news"
    news.mkdir(parents=True)
    rng = random.Random(27)
    for number in range(1, count + 1):
        (news / f"news-{number:05d}.md").write_text(article(number, rng, False), "utf-8")
        if number % 10:  # one in ten stays Thai only
            (news / f"news-{number:05d}.en.md").write_text(article(number, rng, True), "utf-8")
    (content / "pages").mkdir()
    return content


PLAIN_SETTINGS = """
PATH = {content!r}
TIMEZONE = "Asia/Bangkok"
DEFAULT_LANG = "th"
SITEURL = ""
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
"""


def settings_files(content: Path) -> dict[str, Path]:
    plain = WORK / "plainconf.py"
    plain.write_text(PLAIN_SETTINGS.format(content=str(content)), "utf-8")
    ours = ROOT / "pelicanconf.py"
    return {"whole": ours, "ours": ours, "plain": plain}


# "ours" is the generator alone; "whole" adds the search index and the per-page cards.
EXTRA = {"ours": ["SEARCH_INDEX=false", "SOCIAL_PAGE_CARDS=false"]}


def build(name: str, settings: Path, content: Path, cold: bool) -> float:
    output, cache = WORK / f"out-{name}", WORK / f"cache-{name}"
    if cold:
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
    command = [str(PELICAN), str(content), "-o", str(output), "-s", str(settings), "-q"]
    command += ["-e", f'CACHE_PATH="{cache}"', *EXTRA.get(name, [])]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def measure(files: dict[str, Path], content: Path, runs: int) -> dict[tuple[str, str], float]:
    times = {(name, state): [] for name in files for state in ("cold", "warm")}
    for _ in range(runs):
        for name, settings in files.items():  # interleaved, so load hits both alike
            times[(name, "cold")].append(build(name, settings, content, cold=True))
            times[(name, "warm")].append(build(name, settings, content, cold=False))
    return {key: statistics.median(values) for key, values in times.items()}


TARGETS = {("ours", "cold"): 1.5, ("ours", "warm"): 1.2, ("whole", "cold"): 2.0,
           ("whole", "warm"): 1.2}  # fmt: skip


def report(medians: dict[tuple[str, str], float], count: int, pages: int) -> None:
    print(f"\n{count} Thai articles, {pages} Markdown files; median of the runs, in seconds")
    print(f"{'':12} {'ours':>8} {'plain':>8} {'ours/plain':>11}  target")
    for name, label in (("ours", "generator"), ("whole", "make html")):
        for state in ("cold", "warm"):
            ours, plain = medians[(name, state)], medians[("plain", state)]
            target = TARGETS[(name, state)]
            print(f"{label} {state:4} {ours:6.2f} {plain:8.2f} {ours / plain:10.2f}x  <= {target}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    print(f"working in {WORK}")
    content = make_corpus(args.articles)
    files = settings_files(content)
    medians = measure(files, content, args.runs)
    report(medians, args.articles, len(list(content.rglob("*.md"))))


if __name__ == "__main__":
    main()
