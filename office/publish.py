"""Publishing to GitHub Pages with ghp-import, behind guards that keep a broken or
shrunken site from ever going online and keep every earlier commit of gh-pages."""

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


def uncommitted_content(repo: Path) -> list[str]:
    return [line[3:] for line in git(repo, "status", "--porcelain", "--", "content").splitlines()]


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
    """content/redirects.txt: one `old-address new-address` a line; # starts a comment."""
    path = content / REDIRECTS_FILE
    redirects = {}
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        words = line.split("#", 1)[0].replace("->", " ").replace("→", " ").split()
        if len(words) == 2:
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


def refuse_uncommitted(repo: Path) -> None:
    """What is published must be what is committed: the site can always be rebuilt."""
    changed = uncommitted_content(repo)
    if changed:
        listed = ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")
        raise Refused(f"content/ has changes that are not committed ({listed}): commit them first")


def guard(repo: Path, output: Path, content: Path, remote: str, branch: str) -> dict[str, str]:
    """Refuse to publish what would lose or break something; return the redirects to add."""
    refuse_uncommitted(repo)
    redirects = read_redirects(content)
    if fetch_live_branch(repo, remote, branch):
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


def commit_message(edition: str) -> str:
    now = datetime.now(ZoneInfo("Asia/Bangkok")).strftime("%Y-%m-%d %H:%M %z")
    return f"Publish the site, edition {edition}, {now}" if edition else f"Publish the site, {now}"


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
