"""The office's work kept on GitHub: `invoke save` commits content/ and pushes `main` (the
office's backup of its content, and what the publishing workflow builds from); `make
github` pushes `main` too. And the rule GitHub Pages sets on the site's address.
"""

import re
import subprocess
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from . import Refused
from .publish import git

MAIN = "main"
NO_NAME = (
    "git does not know who is saving: tell it once, on this computer (git config --global "
    'user.name "ชื่อ นามสกุล" and git config --global user.email "you@example.org"; in '
    "GitHub Desktop: File → Options → Git)"
)


def refuse_behind(repo: Path, remote: str) -> None:
    """What is on GitHub must be in this copy: a colleague's saves are pulled first."""
    if not git(repo, "ls-remote", "--heads", remote, MAIN, check=False).strip():
        return  # nothing on GitHub yet: this is the first save
    git(repo, "fetch", "--quiet", remote, MAIN)
    behind = subprocess.run(["git", "merge-base", "--is-ancestor", "FETCH_HEAD", "HEAD"],
                            cwd=repo, capture_output=True, check=False).returncode  # fmt: skip
    if behind:
        raise Refused(
            "GitHub has saves that this copy does not have (a colleague's, or the editor's): "
            "bring them here first (git pull, or in GitHub Desktop: Fetch origin, then Pull), "
            "then save again"
        )


def push_main(repo: Path, remote: str) -> None:
    """`main` to GitHub, after checking it is not behind what is there."""
    branch = git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip()
    if branch != MAIN:
        raise Refused(f"this copy is on {branch}, not {MAIN}: go back to it (git switch {MAIN})")
    refuse_behind(repo, remote)
    done = subprocess.run(["git", "push", "--quiet", remote, f"HEAD:refs/heads/{MAIN}"],
                          cwd=repo, capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        raise Refused(f"GitHub did not take the save: {done.stderr.strip()} (sign in to push: "
                      "README, เผยแพร่เว็บไซต์ · Publishing, With git)")  # fmt: skip


def save(repo: Path, remote: str, message: str = "") -> str:
    """content/ committed (new, changed and deleted files) and pushed; the commit's message."""
    if not git(repo, "config", "user.name", check=False).strip():
        raise Refused(NO_NAME)
    git(repo, "add", "--all", "--", "content")
    if git(repo, "diff", "--cached", "--name-only").strip():
        now = datetime.now(ZoneInfo("Asia/Bangkok")).strftime("%Y-%m-%d %H:%M")
        message = message.strip() or f"บันทึกงาน {now}"
        git(repo, "commit", "--quiet", "-m", message)
    else:
        message = ""
    push_main(repo, remote)
    return message


PAGES_HOST = re.compile(r"^(?P<owner>[\w-]+)\.github\.io$", re.IGNORECASE)


def address_problem(siteurl: str, cname: str, repository: str) -> str | None:
    """Where GitHub Pages serves the repository `owner/name`, against SITEURL: a custom
    domain at its root; an `<owner>.github.io` repository at that root; any other under
    `/<name>/`. None when SITEURL is that address."""
    owner, _, name = repository.partition("/")
    if cname:
        served = f"https://{cname}"
    elif name.lower() == f"{owner}.github.io".lower():
        served = f"https://{name.lower()}"
    else:
        served = f"https://{owner.lower()}.github.io/{name}"
    given = siteurl.rstrip("/")
    if urlsplit(given)._replace(netloc=urlsplit(given).netloc.lower()).geturl() == served:
        return None
    return (
        f"SITEURL is {given}, but GitHub Pages will serve the repository {repository} at "
        f'{served} (write SITEURL = "{served}" in publishconf.py; or name the repository '
        f"{owner}.github.io, or give it a custom domain in GITHUB_PAGES_CNAME)"
    )
