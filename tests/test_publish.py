"""Publishing to GitHub Pages: through `invoke gh-pages`, to a local bare repository that
stands for `origin`, with every guard."""

import subprocess

import pytest
from conftest import write_tree
from test_office import make_project, run

SITE = "https://example.github.io/otop"
ENV = {"SITEURL": SITE, "GITHUB_PAGES_CNAME": "otop.example.org"}


def git(folder, *arguments) -> str:
    done = subprocess.run(
        ["git", *arguments], cwd=folder, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit_all(project, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)


def published_files(origin) -> set[str]:
    return set(git(origin, "ls-tree", "-r", "--name-only", "gh-pages").splitlines())


def published_commits(origin) -> list[str]:
    return git(origin, "log", "--format=%s", "gh-pages").splitlines()


@pytest.fixture
def repositories(tmp_path):
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "init", "-q", "--bare", str(origin)], check=True)
    project = make_project(tmp_path / "site")
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.email", "office@example.org")
    git(project, "config", "user.name", "Office")
    (project / ".gitignore").write_text("output/\ncache/\n__pycache__/\n")
    commit_all(project, "The site")
    git(project, "remote", "add", "origin", str(origin))
    return project, origin


def publish(project):
    return run(project, "gh-pages", env=ENV)


def test_publishing_keeps_history_and_refuses_to_lose_pages(repositories):
    project, origin = repositories
    first = publish(project)
    assert first.returncode == 0, first.stdout + first.stderr
    files = published_files(origin)
    assert {
        ".nojekyll",
        "CNAME",
        "index.html",
        "en/index.html",
        "news/first-day/index.html",
    } <= files
    assert not any(name.startswith(("drafts/", "en/drafts/")) for name in files)
    assert git(origin, "show", "gh-pages:CNAME").strip() == "otop.example.org"
    assert f'href="{SITE}/en/news/first-day/"' in git(
        origin, "show", "gh-pages:news/first-day/index.html"
    )
    assert published_commits(origin)[0].startswith("Publish the site, edition 27, ")

    write_tree(project / "content", {"news/second.md": "Title: ข่าวที่สอง\nDate: 2024-05-30\n\nข่าว\n"})
    commit_all(project, "Second news")
    assert publish(project).returncode == 0
    assert len(published_commits(origin)) == 2 and "news/second/index.html" in published_files(
        origin
    )

    for name in ("first-day.md", "first-day.en.md"):
        (project / "content/news" / name).unlink()
    commit_all(project, "Remove the first day")
    refused = publish(project)
    assert refused.returncode == 1
    assert (
        "2 address(es) online now would disappear: /en/news/first-day/, /news/first-day/"
        in refused.stderr
    )
    assert len(published_commits(origin)) == 2

    write_tree(
        project / "content",
        {"redirects.txt": "/news/first-day/ /news/\n/en/news/first-day/ -> /en/news/\n"},
    )
    commit_all(project, "Redirect the first day")
    done = publish(project)
    assert done.returncode == 0, done.stderr
    page = git(origin, "show", "gh-pages:news/first-day/index.html")
    assert f'<meta http-equiv="refresh" content="0; url={SITE}/news/">' in page
    assert len(published_commits(origin)) == 3


def test_publishing_refuses_uncommitted_content(repositories):
    project, origin = repositories
    write_tree(project / "content", {"news/new.md": "Title: ใหม่\nDate: 2024-05-30\n\nข่าว\n"})
    refused = publish(project)
    assert refused.returncode == 1
    assert (
        "content/ has changes that are not committed (content/news/new.md): commit them first"
        in refused.stderr
    )
    assert "gh-pages" not in git(origin, "branch", "--list")


def test_publishing_refuses_when_the_check_finds_errors(repositories):
    project, origin = repositories
    write_tree(project / "content", {"news/bad.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n"})
    commit_all(project, "A mistake")
    refused = publish(project)
    assert refused.returncode == 1
    assert 'line 2    error    Date "28/13/2567" is not a date' in refused.stdout
    assert "gh-pages" not in git(origin, "branch", "--list")
