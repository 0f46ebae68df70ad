"""Publishing to GitHub Pages: through `invoke gh-pages`, to a local bare repository that
stands for `origin`, with every guard."""

import re
import subprocess

import pytest
from conftest import write_tree
from test_office import make_project, run

SITE = "https://example.github.io/otop"
DOMAIN = "otop.example.org"


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
    set_site(project, SITE, DOMAIN)
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.email", "office@example.org")
    git(project, "config", "user.name", "Office")
    (project / ".gitignore").write_text("output/\ncache/\n__pycache__/\n")
    commit_all(project, "The site")
    git(project, "remote", "add", "origin", str(origin))
    return project, origin


def set_site(project, siteurl: str, domain: str) -> None:
    """The published address and custom domain, as the office commits them in publishconf.py."""
    settings = project / "publishconf.py"
    text = settings.read_text()
    text = re.sub(r'^SITEURL = ".*"$', f'SITEURL = "{siteurl}"', text, flags=re.MULTILINE)
    text = re.sub(r'^GITHUB_PAGES_CNAME = ".*"', f'GITHUB_PAGES_CNAME = "{domain}"', text,
                  flags=re.MULTILINE)  # fmt: skip
    # these tests publish from the computer itself (test_saving.py: through the workflow)
    settings.write_text(
        text.replace("PUBLISHED_BY_WORKFLOW = True", "PUBLISHED_BY_WORKFLOW = False")
    )


def publish(project, *options):
    return run(project, "gh-pages", *options)


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
        "there are changes that are not committed (content/news/new.md): commit them first"
        in refused.stderr
    )
    assert "gh-pages" not in git(origin, "branch", "--list")


@pytest.mark.parametrize(
    "changed", ["pelicanconf.py", "theme/templates/base.html", "plugins/fair/names.py"]
)
def test_publishing_refuses_uncommitted_settings_theme_or_plugins(repositories, changed):
    project, origin = repositories
    path = project / changed
    path.write_text(path.read_text() + "\n")
    refused = publish(project)
    assert refused.returncode == 1
    assert f"there are changes that are not committed ({changed})" in refused.stderr
    assert "gh-pages" not in git(origin, "branch", "--list")


def test_publishing_refuses_files_git_ignores_inside_content(repositories):
    project, origin = repositories
    (project / ".gitignore").write_text("output/\ncache/\n__pycache__/\nprivate/\n")
    commit_all(project, "Ignore private/")
    write_tree(project / "content", {"pages/private/salaries.md": "Title: x\n\nx\n"})
    refused = publish(project)
    assert refused.returncode == 1
    assert "content/pages/private/salaries.md" in refused.stderr and "ignores" in refused.stderr
    assert "gh-pages" not in git(origin, "branch", "--list")


def test_the_address_and_domain_online_change_only_when_asked(repositories):
    project, origin = repositories
    assert publish(project).returncode == 0
    set_site(project, SITE, "")  # as a forgotten variable used to do
    commit_all(project, "No custom domain")
    refused = publish(project)
    assert refused.returncode == 1
    assert (
        f"the site is online at {SITE} (custom domain: {DOMAIN}); publishconf.py would move it "
        f"to {SITE} (custom domain: none). If that is meant, run: invoke gh-pages --move"
    ) in refused.stderr
    assert git(origin, "show", "gh-pages:CNAME").strip() == DOMAIN
    moved = publish(project, "--move")
    assert moved.returncode == 0, moved.stderr
    assert "CNAME" not in published_files(origin)


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("../../x /news/", "../../x"),
        ("/news/a/ https://evil.example/", "https://evil.example/"),
        ("/news/only-one/", None),
    ],
)
def test_a_redirect_line_must_name_two_addresses_of_the_site(repositories, line, shown):
    project, origin = repositories
    write_tree(project / "content", {"redirects.txt": f"# moved pages\n{line}\n"})
    commit_all(project, "A redirect")
    refused = publish(project)
    assert refused.returncode == 1
    what = f'"{shown}" is not an address of this site' if shown else "needs two addresses"
    assert (
        f"content/redirects.txt:2: {what} (write: /news/old-address/ /news/new-address/)"
        in refused.stderr
    )
    assert (
        not list((project / "output").glob("**/x/index.html"))
        if (project / "output").exists()
        else True
    )
    assert "gh-pages" not in git(origin, "branch", "--list")


def test_publishing_refuses_when_the_check_finds_errors(repositories):
    project, origin = repositories
    write_tree(project / "content", {"news/bad.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n"})
    commit_all(project, "A mistake")
    refused = publish(project)
    assert refused.returncode == 1
    assert 'line 2    error    Date "28/13/2567" has no month 13' in refused.stdout
    assert "gh-pages" not in git(origin, "branch", "--list")


def test_the_workflow_passes_actionlint():
    """actionlint: syntax, expressions, variable names GitHub refuses, actions on runtimes
    GitHub is removing."""
    import sys
    from pathlib import Path

    from conftest import ROOT

    actionlint = Path(sys.executable).parent / "actionlint"
    workflows = sorted(str(p) for p in (ROOT / ".github/workflows").glob("*.yml"))
    done = subprocess.run(
        [str(actionlint), *workflows], capture_output=True, text=True, check=False
    )
    assert workflows and done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_sets_no_variable_github_refuses():
    """GitHub refuses repository variables whose names start with GITHUB_: one used in a
    workflow is always empty (the custom domain was lost on every automatic publish)."""
    from conftest import ROOT

    for workflow in (ROOT / ".github/workflows").glob("*.yml"):
        text = workflow.read_text()
        assert not re.search(r"\$\{\{\s*vars\.GITHUB_", text), workflow
        assert "GITHUB_PAGES_CNAME:" not in text, workflow  # it comes from publishconf.py


def test_a_site_over_its_size_budget_is_not_published(repositories):
    """`make check` reports the size and warns at 80 %; `make github` refuses above the
    budget, naming the biggest galleries and how to shrink them."""
    from photos import marked

    project, origin = repositories
    write_tree(project / "content", {"galleries/stage/index.md": "Title: เวที\nDate: 2024-05-28\n"})
    for number in range(3):  # as photos enter the repository: without their camera's data
        marked((2400, 1600)).save(project / f"content/galleries/stage/{number}.jpg", quality=92)
    with (project / "pelicanconf.py").open("a") as settings:
        settings.write("\nSITE_SIZE_BUDGET = 400_000\nOFFLINE_BUDGET = 100_000\n")
    commit_all(project, "Photos, and a small budget")
    checked = run(project, "check")
    assert "Site size: " in checked.stdout and "of 0.4 MB" in checked.stdout
    assert "photos of edition 27: " in checked.stdout
    assert "warning  the site is " in checked.stdout and "stage (" in checked.stdout
    assert "error    a first visit keeps" in checked.stdout  # an error now: never cut silently
    assert "for offline use, more than OFFLINE_BUDGET (0.1 MB)" in checked.stdout
    settings = (project / "pelicanconf.py").read_text()
    (project / "pelicanconf.py").write_text(settings.replace("OFFLINE_BUDGET = 100_000\n", ""))
    commit_all(project, "The offline budget as it was")

    done = publish(project)
    assert done.returncode == 1
    said = done.stdout + done.stderr
    assert "more than SITE_SIZE_BUDGET (0.4 MB, GitHub Pages' limit)" in said
    assert "the biggest galleries are stage (" in said and "GALLERY_PAST_WIDTHS" in said
    assert "gh-pages" not in git(origin, "branch", "--list")


def test_the_workflows_summary_says_why_nothing_was_published(repositories, tmp_path):
    """In GitHub's workflow the office reads the run's summary, not its log: each reason
    nothing was published, with the file, the line and the fix; or what was published."""
    project, _ = repositories
    summary = tmp_path / "summary.md"
    workflow = {"GITHUB_STEP_SUMMARY": str(summary)}
    write_tree(project / "content", {"news/bad.md": "Title: ข่าว\nDate: 28/13/2567\n\nข่าว\n"})
    commit_all(project, "A date that is no date")
    assert run(project, "gh-pages", env=workflow).returncode == 1
    said = summary.read_text(encoding="utf-8")
    assert said.startswith("## ยังไม่เผยแพร่ · Not published\n")
    assert '| `content/news/bad.md` | 2 | วันที่ "28/13/2567" ไม่มีเดือนที่ 13' in said  # Thai first
    assert '· Date "28/13/2567" has no month 13 (write 2024-05-28, or 28 พ.ค. 2567) |' in said
    (project / "content/news/bad.md").unlink()
    commit_all(project, "Fixed")
    summary.unlink()
    assert run(project, "gh-pages", env=workflow).returncode == 0
    assert summary.read_text(encoding="utf-8").startswith("## เผยแพร่แล้ว · Published\n")
    for name in ("first-day.md", "first-day.en.md"):
        (project / "content/news" / name).unlink()
    commit_all(project, "A page gone")
    summary.unlink()
    assert run(project, "gh-pages", env=workflow).returncode == 1
    said = summary.read_text(encoding="utf-8")
    assert "## ยังไม่เผยแพร่ · Not published" in said and "/news/first-day/" in said
    assert "would disappear" in said


def test_a_broken_link_in_the_publishing_build_stops_it_before_the_push(repositories):
    """make github checks the links of the build it publishes (whole addresses included),
    not of a second build of its own."""
    project, origin = repositories
    link = f"[ข่าวที่ไม่มี]({SITE}/news/nope/) [ข่าวที่มี]({SITE}/news/first-day/)"
    write_tree(project / "content", {"news/links.md": f"Title: ลิงก์\nDate: 2024-05-28\n\n{link}\n"})
    commit_all(project, "A link to nowhere")
    done = publish(project)
    assert done.returncode == 1
    assert "output/news/links/index.html\n  file      error    links to /news/nope/" in done.stdout
    assert "/news/first-day/" not in done.stdout.split("output/news/links/index.html")[1]
    assert "gh-pages" not in git(origin, "branch", "--list")


def test_an_older_checkout_does_not_roll_the_site_back(repositories, tmp_path):
    project, origin = repositories
    assert publish(project).returncode == 0
    git(project, "push", "-q", "origin", "HEAD:main")
    colleague = tmp_path / "colleague"
    git(tmp_path, "clone", "-q", "-b", "main", str(origin), str(colleague))
    git(colleague, "config", "user.email", "colleague@example.org")
    git(colleague, "config", "user.name", "Colleague")
    news = colleague / "content/news/first-day.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nข่าวเพิ่มเติม\n", encoding="utf-8")
    commit_all(colleague, "More news")
    git(colleague, "push", "-q", "origin", "main")
    assert publish(colleague).returncode == 0
    live = git(origin, "log", "-1", "--format=%B", "gh-pages")
    assert f"Source-Commit: {git(colleague, 'rev-parse', 'HEAD').strip()}" in live
    behind = publish(project)  # this copy has not pulled the colleague's commit
    assert behind.returncode == 1
    said = behind.stdout + behind.stderr
    assert "which this copy of the site does not have" in said and "git pull" in said
    assert "redirects.txt" not in said  # not "add a redirect": that would undo a colleague
    git(project, "pull", "-q", "origin", "main")
    git(project, "checkout", "-q", "HEAD~1")  # a detached, older commit
    detached = publish(project)
    assert detached.returncode == 1 and "not after" in detached.stdout + detached.stderr
    assert publish(project, "--rollback").returncode == 0  # asked for
    assert git(origin, "show", "gh-pages:news/first-day/index.html").count("ข่าวเพิ่มเติม") == 0
