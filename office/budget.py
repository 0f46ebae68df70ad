"""The site's size against its budget (SITE_SIZE_BUDGET, GitHub Pages' 1 GB), as the last
build measured it: `make check` prints it and warns at 80 %, `make github` refuses above."""

from . import Refused

WARN_AT = 0.8
SHRINK = (
    "set GALLERY_PAST_WIDTHS = [480, 960] in pelicanconf.py (past editions' photos in two "
    "widths), or move a past edition's galleries to a Pages site of their own (README: "
    '"When the editions no longer fit")'
)


def megabytes(size: int) -> str:
    return f"{size / 1e9:.2f} GB" if size >= 1e9 else f"{size / 1e6:.1f} MB"


def size_lines(report: dict) -> list[str]:
    share = report["total"] / report["budget"]
    lines = [
        f"Site size: {megabytes(report['total'])} of {megabytes(report['budget'])} "
        f"({share:.0%} of SITE_SIZE_BUDGET)"
    ]
    for edition, size in sorted(report["editions"].items(), key=lambda item: item[0]):
        name = f"edition {edition}" if edition != "none" else "no edition"
        lines.append(f"  photos of {name}: {megabytes(size)}")
    if report["offline"]:
        lines.append(
            f"Kept on a phone for offline use after one visit: {megabytes(report['offline'])} "
            f"(OFFLINE_BUDGET {megabytes(report['offline_budget'])})"
        )
    return lines


def parts(largest: list) -> str:
    return ", ".join(f"{name} ({megabytes(size)})" for name, size in largest)


def page_problems(report: dict) -> list[tuple[str, str]]:
    """(page, what is wrong) for every page heavier than PAGE_BUDGET as it opens."""
    budget = megabytes(report.get("page_budget", 1_000_000))
    return [
        (f"output/{page['page']}",
         f"weighs {megabytes(page['bytes'])} as it opens, more than PAGE_BUDGET ({budget}) on a "
         f"phone's data; the largest parts: {parts(page['largest'])} (make the largest smaller: "
         "a venue map with fewer details, photos in the pipeline's sizes)")
        for page in report.get("heavy_pages", [])
    ]  # fmt: skip


def offline_warning(report: dict) -> str | None:
    """What a first visit would keep, above OFFLINE_BUDGET: said, never cut silently."""
    if report["offline"] <= report["offline_budget"]:
        return None
    largest = report.get("offline_largest") or []
    return (
        f"a first visit keeps {megabytes(report['offline'])} for offline use, more than "
        f"OFFLINE_BUDGET ({megabytes(report['offline_budget'])}); the largest: {parts(largest)}: "
        "keep fewer pages in "
        "OFFLINE_PAGES, or smaller product photos"
    )


def biggest(report: dict, count: int = 3) -> str:
    return ", ".join(
        f"{gallery['name']} ({megabytes(gallery['bytes'])})"
        for gallery in report["galleries"][:count]
    )


def over_warning(report: dict) -> str | None:
    share = report["total"] / report["budget"]
    if share < WARN_AT:
        return None
    return (
        f"the site is {megabytes(report['total'])}, {share:.0%} of SITE_SIZE_BUDGET; "
        f"the biggest galleries are {biggest(report)}: {SHRINK}"
    )


def refuse_over_budget(report: dict | None) -> None:
    if report is None:
        raise Refused("the build did not measure the site's size (build again)")
    if report["total"] > report["budget"]:
        raise Refused(
            f"the site is {megabytes(report['total'])}, more than SITE_SIZE_BUDGET "
            f"({megabytes(report['budget'])}, GitHub Pages' limit); the biggest galleries are "
            f"{biggest(report)}: {SHRINK}"
        )
