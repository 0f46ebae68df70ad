"""Saving the office's work to GitHub and publishing by hand, against a local bare repository
standing for GitHub: `invoke save`, `make github` that pushes main (and leaves publishing to
the workflow when it publishes each push), and the rule on SITEURL's form."""

import os
import subprocess

import pytest
from test_office import make_project, run
from test_publish import commit_all, git

from office.saving import address_problem


def project_with_origin(folder):
    """The office's copy, with GitHub (a bare repository) as origin, main pushed once."""
    origin = folder / "github.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(origin)], check=True)
    project = make_project(folder / "site")
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.email", "office@example.org")
    git(project, "config", "user.name", "Office")
    (project / ".gitignore").write_text("output/\ncache/\n__pycache__/\n")
    commit_all(project, "The site")
    git(project, "remote", "add", "origin", str(origin))
    git(project, "push", "-q", "origin", "main")
    return project, origin


@pytest.fixture
def office(tmp_path):
    return project_with_origin(tmp_path)


def test_save_commits_the_content_and_pushes_main(office):
    project, origin = office
    news = project / "content/news/first-day.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nเพิ่มเติม\n", encoding="utf-8")
    (project / "content/news/year-end.md").unlink()
    done = run(project, "save", "--message", "แก้ข่าววันแรก")
    assert done.returncode == 0, done.stderr
    assert "บันทึกและส่งขึ้น GitHub แล้ว: แก้ข่าววันแรก" in done.stdout
    assert git(origin, "log", "-1", "--format=%s", "main").strip() == "แก้ข่าววันแรก"
    assert "เพิ่มเติม" in git(origin, "show", "main:content/news/first-day.md")
    assert "content/news/year-end.md" not in git(origin, "ls-tree", "-r", "--name-only", "main")
    assert git(project, "status", "--porcelain", "--", "content").strip() == ""


def test_save_refuses_while_github_has_a_colleagues_save(office, tmp_path):
    project, origin = office
    colleague = tmp_path / "colleague"
    git(tmp_path, "clone", "-q", str(origin), str(colleague))
    (colleague / "content/news/first-day.md").write_text(
        "Title: ข่าว\nDate: 2024-05-28\n\nของเพื่อน\n"
    )
    git(colleague, "-c", "user.name=C", "-c", "user.email=c@x", "commit", "-qam", "A colleague's")
    git(colleague, "push", "-q", "origin", "main")
    (project / "content/news/mine.md").write_text("Title: ข่าว\nDate: 2024-06-01\n\nของฉัน\n")
    refused = run(project, "save")
    assert refused.returncode == 1 and "git pull" in refused.stderr
    assert git(origin, "log", "-1", "--format=%s", "main").strip() == "A colleague's"  # kept
    git(project, "pull", "-q", "--no-rebase", "origin", "main")
    assert run(project, "save").returncode == 0
    assert "ของฉัน" in git(origin, "show", "main:content/news/mine.md")


def test_save_says_how_to_give_git_a_name(office, tmp_path):
    project, _ = office
    git(project, "config", "--unset", "user.name")
    alone = {"HOME": str(tmp_path / "home"), "GIT_CONFIG_NOSYSTEM": "1"}
    done = run(project, "save", env=alone)
    assert done.returncode == 1 and 'git config --global user.name "ชื่อ นามสกุล"' in done.stderr


def test_make_github_with_the_workflow_pushes_main_and_leaves_publishing_to_it(office):
    project, origin = office
    (project / "content/news/fresh.md").write_text("Title: ข่าว\nDate: 2024-06-01\n\nใหม่\n")
    commit_all(project, "New news")
    done = run(project, "gh-pages")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the Publish workflow checks, builds and publishes it" in done.stdout
    assert git(origin, "log", "-1", "--format=%s", "main").strip() == "New news"
    assert "gh-pages" not in git(origin, "branch", "--list")  # one publisher: the workflow


def test_the_workflow_itself_publishes(office):
    project, origin = office
    in_actions = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": os.devnull}
    done = run(project, "gh-pages", env=in_actions)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "index.html" in git(origin, "ls-tree", "-r", "--name-only", "gh-pages")


@pytest.mark.parametrize(
    ("siteurl", "cname", "repository", "fine"),
    [
        ("https://acme.github.io", "", "acme/acme.github.io", True),
        ("https://acme.github.io/otop", "", "acme/otop", True),
        ("https://otop.example.org", "otop.example.org", "acme/otop", True),
        ("https://acme.github.io", "", "acme/otop", False),  # served under /otop/
        ("https://acme.github.io/otop", "otop.example.org", "acme/otop", False),
    ],
)
def test_siteurl_must_be_where_github_pages_serves_the_repository(siteurl, cname, repository, fine):
    assert (address_problem(siteurl, cname, repository) is None) is fine


def test_check_names_a_siteurl_that_cannot_work(tmp_path):
    project = make_project(tmp_path / "site")
    git(project, "init", "-q")
    git(project, "remote", "add", "origin", "https://github.com/acme/otop.git")  # made up
    said = run(project, "check").stdout
    assert "publishconf.py\n  line " in said
    assert ("SITEURL is https://otopcity-khonkaen.github.io, but GitHub Pages will serve the "
            "repository acme/otop at https://acme.github.io/otop") in said  # fmt: skip
