"""Publishing to GitHub Pages with ghp-import, behind guards that keep a broken or
shrunken site from ever going online and keep every earlier commit of gh-pages."""

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import Refused

REDIRECTS_FILE = "redirects.txt"
REDIRECT_PAGE = """<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>{new}</title>
<meta http-equiv="refresh" content="0; url={new}"><link rel="canonical" href="{new}">
<meta name="robots" content="noindex"></head>
<body><p><a href="{new}">{new}</a></p></body></html>
"""


def git(repo: Path, *arguments: str, check: bool = True) -> str:
    done = subprocess.run(
        ["git", *arguments], cwd=repo, capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        raise Refused(f"git {' '.join(arguments)} failed: {done.stderr.strip()}")
    return done.stdout


# Everything that shapes the published site.
SITE_SOURCES = ["content", "theme", "plugins", "pelicanconf.py", "publishconf.py",
                "requirements.txt", "tasks.py"]  # fmt: skip
ADDRESS = re.compile(r"^/(?:[A-Za-z0-9._~%-]+/)*(?:[A-Za-z0-9._~%-]+(?:/|\.html)?)?$")


def uncommitted_content(repo: Path) -> list[str]:
    """Changed, new or deleted files that shape the site and are not committed."""
    status = git(repo, "status", "--porcelain", "--", *SITE_SOURCES)
    return [line[3:] for line in status.splitlines()]


def ignored_content(repo: Path) -> list[str]:
    """Files inside content/ that git ignores: never in the repository, so never published."""
    listed = git(repo, "ls-files", "--others", "--ignored", "--exclude-standard", "--", "content")
    return [name for name in listed.splitlines() if "__pycache__" not in name]


def fetch_live_branch(repo: Path, remote: str, branch: str) -> bool:
    """Bring the published branch here, so the new commit goes on top of its history."""
    if not git(repo, "ls-remote", "--heads", remote, branch).strip():
        return False
    git(repo, "fetch", "--quiet", remote, f"+{branch}:refs/heads/{branch}")
    return True


def addresses_in_tree(names: list[str]) -> set[str]:
    """Page addresses from file names: news/x/index.html → /news/x/, 404.html → /404.html."""
    found = set()
    for name in names:
        if name.endswith("index.html"):
            found.add("/" + name.removesuffix("index.html"))
        elif name.endswith(".html"):
            found.add("/" + name)
    return found


def live_addresses(repo: Path, branch: str) -> set[str]:
    names = git(repo, "ls-tree", "-r", "--name-only", f"refs/heads/{branch}").splitlines()
    return addresses_in_tree(names)


def built_addresses(output: Path) -> set[str]:
    return addresses_in_tree([str(path.relative_to(output)) for path in output.rglob("*.html")])


def read_redirects(content: Path) -> dict[str, str]:
    """content/redirects.txt: one `old-address new-address` a line; # starts a comment.
    Each must be an address of this site (/news/old-name/), else it is refused by line."""
    path = content / REDIRECTS_FILE
    redirects = {}
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    for number, line in enumerate(lines, start=1):
        words = line.split("#", 1)[0].replace("->", " ").replace("→", " ").split()
        if not words:
            continue
        bad = [word for word in words if not ADDRESS.match(normalised(word)) or ".." in word]
        if len(words) != 2 or bad:
            what = f'"{bad[0]}" is not an address of this site' if bad else "needs two addresses"
            raise Refused(
                f"content/{REDIRECTS_FILE}:{number}: {what} "
                "(write: /news/old-address/ /news/new-address/)"
            )
        redirects[normalised(words[0])] = normalised(words[1])
    return redirects


def normalised(address: str) -> str:
    address = "/" + address.strip("/")
    return address if address.endswith(".html") else address + "/"


def write_redirect_pages(output: Path, redirects: dict[str, str], siteurl: str) -> None:
    for old, new in redirects.items():
        target = output / old.strip("/") / ("" if old.endswith(".html") else "index.html")
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(REDIRECT_PAGE.format(new=siteurl.rstrip("/") + new), encoding="utf-8")


def vanished(live: set[str], built: set[str], redirects: dict[str, str]) -> list[str]:
    return sorted(address for address in live - built if address not in redirects)


def first_few(names: list[str]) -> str:
    return ", ".join(names[:5]) + (" …" if len(names) > 5 else "")


def refuse_uncommitted(repo: Path) -> None:
    """What is published must be what is committed: the site can always be rebuilt."""
    changed = uncommitted_content(repo)
    if changed:
        raise Refused(f"there are changes that are not committed ({first_few(changed)}): "
                      "commit them first")  # fmt: skip
    ignored = ignored_content(repo)
    if ignored:
        raise Refused(f"git ignores these files in content/, so they are not kept, but they "
                      f"would be published ({first_few(ignored)}): delete them, or stop "
                      "ignoring them and commit them")  # fmt: skip


def live_site(repo: Path, branch: str) -> tuple[str, str]:
    """(address, custom domain) of what is online: robots.txt's sitemap line, CNAME."""
    robots = git(repo, "show", f"refs/heads/{branch}:robots.txt", check=False)
    found = re.search(r"^Sitemap: (\S+)/sitemap\.xml$", robots, re.MULTILINE)
    cname = git(repo, "show", f"refs/heads/{branch}:CNAME", check=False).strip()
    return (found[1] if found else ""), cname


def refuse_moving(repo: Path, branch: str, siteurl: str, cname: str) -> None:
    """A changed address or domain loses every link to the site: only when asked for."""
    live_url, live_cname = live_site(repo, branch)
    if (live_url and live_url != siteurl.rstrip("/")) or live_cname != cname:
        raise Refused(
            f"the site is online at {live_url or '?'} (custom domain: {live_cname or 'none'}); "
            f"publishconf.py would move it to {siteurl} (custom domain: {cname or 'none'}). "
            "If that is meant, run: invoke gh-pages --move"
        )


SOURCE_TRAILER = "Source-Commit"  # in each gh-pages commit: the commit it was built from
PULL_FIRST = (
    "what is online was built from {live}, which this copy of the site does not have{why}: "
    "publishing now would take back what was published since. Bring this copy up to date "
    "first (git pull, or in GitHub Desktop: Fetch origin, then Pull). To go back to an "
    "older site on purpose: invoke gh-pages --rollback"
)


def live_source(repo: Path, branch: str) -> str | None:
    """The source commit the published site was built from (its gh-pages commit says)."""
    message = git(repo, "log", "-1", "--format=%B", f"refs/heads/{branch}", check=False)
    found = re.search(rf"^{SOURCE_TRAILER}: ([0-9a-f]{{40}})$", message, re.MULTILINE)
    return found[1] if found else None


def refuse_rolling_back(repo: Path, branch: str) -> None:
    """What is online must be in this checkout's history: a copy that is behind, or a
    detached older commit, would publish an older site."""
    live = live_source(repo, branch)
    if live is None:
        return  # published before sources were recorded: nothing to compare with
    head = git(repo, "rev-parse", "HEAD").strip()
    known = subprocess.run(["git", "cat-file", "-e", f"{live}^{{commit}}"], cwd=repo,
                           capture_output=True, check=False).returncode == 0  # fmt: skip
    if known and subprocess.run(["git", "merge-base", "--is-ancestor", live, head], cwd=repo,
                                capture_output=True, check=False).returncode == 0:  # fmt: skip
        return
    why = "" if not known else f" (it is at {head[:7]}, not after {live[:7]})"
    raise Refused(PULL_FIRST.format(live=live[:7], why=why))


def guard(repo: Path, output: Path, content: Path, settings: dict, move: bool,
          rollback: bool = False) -> dict[str, str]:  # fmt: skip
    """Refuse to publish what would lose or break something; return the redirects to add."""
    refuse_uncommitted(repo)
    redirects = read_redirects(content)
    remote, branch = settings["GITHUB_PAGES_REMOTE"], settings["GITHUB_PAGES_BRANCH"]
    if fetch_live_branch(repo, remote, branch):
        if not rollback:  # first: a page online but not here is then a colleague's, not a move
            refuse_rolling_back(repo, branch)
        if not move:
            refuse_moving(repo, branch, settings["SITEURL"], settings["GITHUB_PAGES_CNAME"])
        gone = vanished(live_addresses(repo, branch), built_addresses(output), redirects)
        if gone:
            listed = ", ".join(gone[:5]) + (" …" if len(gone) > 5 else "")
            raise Refused(
                f"{len(gone)} address(es) online now would disappear: {listed} "
                f"(bring the page back, or add a line 'old new' to content/{REDIRECTS_FILE})"
            )
    missing = [new for new in redirects.values() if new not in built_addresses(output)]
    if missing:
        raise Refused(
            f"content/{REDIRECTS_FILE} points to pages that do not exist: {', '.join(missing)}"
        )
    return redirects


def commit_message(edition: str, source: str) -> str:
    """The gh-pages commit's message, with the source commit it was built from."""
    now = datetime.now(ZoneInfo("Asia/Bangkok")).strftime("%Y-%m-%d %H:%M %z")
    title = f"Publish the site, edition {edition}, {now}" if edition else f"Publish the site, {now}"
    return f"{title}\n\n{SOURCE_TRAILER}: {source}"


def push(repo: Path, output: Path, remote: str, branch: str, cname: str, message: str) -> None:
    command = [
        str(Path(sys.executable).parent / "ghp-import"),
        "--no-jekyll",
        "--push",
        "--remote",
        remote,
        "--branch",
        branch,
    ]
    command += ["--message", message] + (["--cname", cname] if cname else []) + [str(output)]
    done = subprocess.run(command, cwd=repo, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise Refused(f"ghp-import could not publish: {done.stderr.strip() or done.stdout.strip()}")
