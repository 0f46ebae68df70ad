"""Nothing a writer types can run in a reader's browser: templates escape, Markdown's HTML is
cleaned by an allow-list, links are web links, and every page carries a
Content-Security-Policy that allows no inline script."""

import json
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import SITES, build_site, page, write_tree
from photos import marked, save_jpeg

from plugins.core.problems import ContentError
from plugins.core.safe_html import is_embed, sanitize

HOSTILE_NEWS = """Title: ข่าว "พิเศษ" <script>alert(1)</script>
Date: 2024-05-28 10:00
Summary: <img src=x onerror=alert(2)> สรุป
Tags: <b onmouseover=alert(3)>แท็ก</b>
Gallery: market

<script>alert(4)</script>

<a href="javascript:alert(5)">ลิงก์</a> <a href="https://example.org/ok">ดี</a>

ย่อหน้า {: onclick="alert(6)" }

<iframe src="https://evil.example/player"></iframe>

<iframe src="https://www.youtube.com/embed/abc123"></iframe>

<svg onload=alert(7)></svg><style>body{display:none}</style>
"""
HOSTILE_PRODUCT = """Title: ผ้า "ลายใหม่" <script>alert(8)</script>
Category: textiles
Stars: 4
Producer: <img src=x onerror=alert(9)>กลุ่มทอผ้า
District: ชนบท
Booth: A02

<script>alert(10)</script>เนื้อหา
"""
GALLERY_NOTES = "Title: ตลาด\n\nstall.jpg: <img src=x onerror=alert(11)>แผงผ้า\n"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(SITES / "minimal/content", content)
    write_tree(content, {"news/hostile.md": HOSTILE_NEWS, "products/cloth.md": HOSTILE_PRODUCT,
                         "galleries/market/index.md": GALLERY_NOTES})  # fmt: skip
    save_jpeg(content / "galleries/market/stall.jpg", marked((800, 600)))
    return build_site(content, root / "output")


def every_page(output):
    """Every public page: the editor's (admin/, third-party UI) has its own test below."""
    for path in sorted(output.rglob("*.html")):
        if path.relative_to(output).parts[0] != "admin":
            yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_no_page_carries_a_script_a_handler_or_a_javascript_link(hostile_site):
    seen = 0
    for path, html in every_page(hostile_site):
        seen += 1
        for script in html.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # data, whole
            else:
                assert script.get("src") and not script.string, (path, script)
        for element in html.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, (path, element)
            for name in ("href", "src", "action"):
                value = str(element.get(name, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:text")), (path, element)
        for frame in html.find_all("iframe"):
            assert is_embed(frame.get("src", "")) or not frame.get("src"), path
        assert not html.find("style") and not html.find("svg", onload=True), path
    assert seen > 50


def test_the_hostile_text_is_shown_as_text(hostile_site):
    article = page(hostile_site, "news/hostile/")
    assert article.h1.text.startswith('ข่าว "พิเศษ"')
    assert "ลิงก์" in article.find(class_="prose").text  # the link's words stay
    assert article.find("a", href="https://example.org/ok")
    assert article.find("iframe", src="https://www.youtube.com/embed/abc123")
    product = page(hostile_site, "products/cloth/")
    assert "กลุ่มทอผ้า" in product.text and "alert(10)" not in str(product.find(class_="prose"))


def test_quotes_and_thai_survive_whole_into_the_sharing_tags(hostile_site):
    head = page(hostile_site, "news/hostile/")
    title = head.find("meta", property="og:title")["content"]
    assert title.startswith('ข่าว "พิเศษ"')  # not cut at the first quote
    assert head.find("meta", attrs={"name": "twitter:title"})["content"] == title
    product = page(hostile_site, "products/cloth/")
    assert product.find("meta", property="og:title")["content"].startswith('ผ้า "ลายใหม่"')


def test_every_page_carries_a_policy_without_inline_script(hostile_site):
    for path, html in every_page(hostile_site):
        policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None, path
        rules = dict(rule.strip().split(" ", 1) for rule in policy["content"].split(";"))
        assert rules["script-src"].split() == ["'self'", "'wasm-unsafe-eval'"]
        assert rules["object-src"] == "'none'" and rules["base-uri"] == "'self'"
        assert "unsafe-inline" not in policy["content"]
        first = html.head.find_all(True)[:2]
        assert policy in first, path  # before any script or style it governs


def test_the_editors_page_has_a_policy_of_its_own_and_no_eval(hostile_site):
    html = page(hostile_site, "admin/")
    policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert policy in html.head.find_all(True)[:2]
    rules = dict(rule.strip().split(" ", 1) for rule in policy["content"].split(";"))
    assert rules["script-src"].split() == ["'self'", "'wasm-unsafe-eval'"]
    assert "unsafe-eval" not in policy["content"].replace("wasm-unsafe-eval", "")
    assert rules["object-src"] == "'none'" and rules["base-uri"] == "'self'"
    hosts = {word for rule in rules.values() for word in rule.split() if "://" in word}
    allowed = {"https://api.github.com", "https://www.githubstatus.com"}
    assert hosts == allowed | {"https://avatars.githubusercontent.com"}
    assert html.find("script", src=True)["src"].startswith("assets/")  # from the site itself
    assert not html.find("script", src=False)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("Facebook", "javascript:alert(1)"),
        ("Facebook", "http://facebook.com/x"),
        ("Website", "www.example.org"),
    ],
)
def test_a_web_field_must_be_an_https_address(tmp_path, field, value):
    content = write_tree(tmp_path / "content", {
        "products/x.md": HOSTILE_PRODUCT.replace("Booth: A02", f"Booth: A02\n{field}: {value}"),
    })  # fmt: skip
    with pytest.raises(ContentError) as error:
        build_site(content, tmp_path / "output")
    assert [str(p) for p in error.value.problems] == [
        f'content/products/x.md:7: {field} "{value}" is not a web address '
        f"(write {'https://www.facebook.com/…' if field == 'Facebook' else 'https://…'})"
    ]


def test_the_cleaner_keeps_ordinary_writing():
    html = sanitize(
        '<p lang="en">A <strong>b</strong> <a href="{static}/images/x.jpg">c</a></p>'
        '<table><tr><th scope="col">h</th></tr></table><sup id="fnref:1">1</sup>'
    )
    assert html == (
        '<p lang="en">A <strong>b</strong> <a href="{static}/images/x.jpg">c</a></p>'
        '<table><tbody><tr><th scope="col">h</th></tr></tbody></table><sup id="fnref:1">1</sup>'
    )
