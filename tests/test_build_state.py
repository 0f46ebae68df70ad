"""One build state per run, its steps in one ordered place, addresses from one source,
plugins that do not depend on their order in PLUGINS."""

import filecmp
from pathlib import Path

import pytest
from conftest import ROOT, SITES, build_site, make_settings, new_pelican, page, write_tree
from pelican.plugins._utils import load_plugins

from plugins.core.addresses import Addresses
from plugins.core.state import BuildState, NoBuildState, is_main_run, state_of
from plugins.pipeline.steps import AFTER_ALL_LANGUAGES
from plugins.sitemap import robots_text, sitemap_text

# ---- without a disk -----------------------------------------------------------------


def test_a_run_without_a_state_says_what_to_do():
    with pytest.raises(NoBuildState, match=r"plugins\.pipeline in PLUGINS"):
        state_of({"DEFAULT_LANG": "th"})


def test_the_main_run_is_the_one_whose_language_is_not_a_subsite():
    subsites = {"en": {}}
    assert is_main_run({"DEFAULT_LANG": "th", "I18N_SUBSITES": subsites})
    assert not is_main_run({"DEFAULT_LANG": "en", "I18N_SUBSITES": subsites})


def test_the_state_is_never_kept_in_pelicans_content_cache():
    import pickle

    state = BuildState(
        ["th", "en"],
        Addresses({"th": "", "en": "/en"}, ""),
        "theme",
        "o",
        "c",
        {"th": "x", "en": "x"},
    )
    category_settings = {"BUILD": state, "SITEURL": ""}
    assert pickle.loads(pickle.dumps(category_settings)) == {"BUILD": None, "SITEURL": ""}


def test_addresses_follow_the_settings_patterns():
    settings = {"SITEURL": "", "DEFAULT_LANG": "th", "I18N_SUBSITES": {"en": {}},
                "FEED_DOMAIN": "http://localhost:8000", "PRODUCT_URL": "shop/{slug}/"}  # fmt: skip
    addresses = Addresses.from_settings(settings)
    assert addresses.path("PRODUCT", slug="silk") == "shop/silk/"
    assert addresses.path("GALLERY", slug="day-1") == "galleries/day-1/"  # the default
    assert addresses.address("en", addresses.path("PRODUCT", slug="silk")) == "/en/shop/silk/"
    assert addresses.whole("/en/shop/silk/") == "http://localhost:8000/en/shop/silk/"
    published = Addresses.from_settings({**settings, "SITEURL": "https://h.example/otop"})
    assert published.absolute("en", "shop/silk/") == "https://h.example/otop/en/shop/silk/"
    assert published.whole("/otop/en/") == "https://h.example/otop/en/"


def test_the_sitemap_lists_each_address_once_in_order_with_its_versions():
    pages = [
        {"loc": "https://h/b/", "lastmod": None, "versions": {"th": "https://h/b/"}},
        {
            "loc": "https://h/a/",
            "lastmod": "2024-05-28T10:00:00+07:00",
            "versions": {"th": "https://h/a/", "en": "https://h/en/a/"},
        },
        {"loc": "https://h/b/", "lastmod": None, "versions": {"th": "https://h/b/"}},
    ]
    text = sitemap_text(pages)
    assert text.count("<url>") == 2 and text.index("https://h/a/") < text.index("https://h/b/")
    assert '<xhtml:link rel="alternate" hreflang="en" href="https://h/en/a/"/>' in text
    assert "Disallow: /en/drafts/" in robots_text("https://h", ["th", "en"], "drafts/", [])


def test_the_last_steps_run_in_one_declared_order():
    names = [step.name for step in AFTER_ALL_LANGUAGES]
    assert names.index("search index") > names.index("sitemap and robots.txt")
    assert names.index("sharing cards") > names.index("search index")  # cards finish last
    assert len(names) == len(set(names))


def test_each_step_is_given_what_earlier_steps_made_and_the_state_is_fixed(tmp_path):
    """A step's needs are made by a step before it, once; and in a real build the size
    report gets the offline step's and the last guard's results, typed, while the build
    state itself can no longer be changed."""
    from pelican import signals

    from plugins.gallery.budget import read_size_report

    made_before: set[str] = set()
    for step in AFTER_ALL_LANGUAGES:
        assert set(step.needs) <= made_before, step.name
        assert step.makes not in made_before
        made_before |= {step.makes} if step.makes else set()
    seen = {}

    def note(generator):
        seen["state"] = state_of(generator.settings)

    signals.article_generator_init.connect(note)
    try:
        build_site(SITES / "minimal" / "content", tmp_path / "output")
    finally:
        signals.article_generator_init.disconnect(note)
    with pytest.raises(AttributeError, match="fixed once the build has started"):
        seen["state"].fair = None
    report = read_size_report(tmp_path / "output-cache")
    assert report["offline"] > 0 and report["total"] > report["offline"]


def test_our_plugins_load_from_this_repository_under_their_package_name():

    settings = make_settings(SITES / "minimal/content", Path("/nonexistent/output"))
    ours = [name for name in settings["PLUGINS"] if not name.startswith("pelican.")]
    assert ours and all(name.startswith("plugins.") for name in ours)
    for module in load_plugins(settings):
        if module.__name__ in ours:
            assert Path(module.__file__).is_relative_to(ROOT / "plugins"), module


# ---- real builds --------------------------------------------------------------------


def html_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html"))


def test_the_order_of_plugins_changes_nothing(tmp_path):
    content = SITES / "minimal/content"
    usual = build_site(content, tmp_path / "usual")
    settings = make_settings(content, tmp_path / "x")
    reversed_plugins = list(reversed(settings["PLUGINS"]))
    other = build_site(content, tmp_path / "reversed", PLUGINS=reversed_plugins)
    files = html_files(usual)
    assert files == html_files(other) and len(files) > 50
    same, mismatch, errors = filecmp.cmpfiles(usual, other, files, shallow=False)
    assert (mismatch, errors) == ([], []) and len(same) == len(files)


def test_the_fairs_and_galleries_addresses_come_from_the_settings(tmp_path):
    from photos import marked, save_jpeg

    content = tmp_path / "content"
    write_tree(content, {"galleries/market/index.md": "Title: ตลาด\n"})
    save_jpeg(content / "galleries/market/stall.jpg", marked((800, 600)))
    for path in (SITES / "minimal/content").rglob("*.md"):
        target = content / path.relative_to(SITES / "minimal/content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    urls = {"PRODUCT_URL": "shop/{slug}/", "EDITION_URL": "fair/{number}/",
            "GALLERY_URL": "photos/{slug}/", "GALLERIES_URL": "photos/"}  # fmt: skip
    output = build_site(content, tmp_path / "output", **urls)
    for path in ("shop/silk/", "en/shop/silk/", "fair/27/", "fair/27/venue/", "photos/market/"):
        assert (output / path / "index.html").is_file(), path
    assert (output / "shop/silk/qr.svg").is_file()
    assert (output / "photos/market/stall-480.webp").is_file()
    assert not (output / "products/silk").exists() and not (output / "galleries").exists()
    catalogue = page(output, "en/products/")
    assert "/en/shop/silk/" in {a["href"] for a in catalogue.find_all("a", href=True)}
    nav = {a["href"] for a in page(output, "").select("nav a[href]")}
    assert "/photos/" in nav
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "http://localhost:8000/fair/27/" in sitemap and "/editions/27/" not in sitemap


def test_a_second_run_of_the_same_pelican_sees_new_products_and_css(tmp_path):
    """As `pelican --autoreload` does: one Pelican object, run again after changes."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme, ignore=shutil.ignore_patterns("*.mo"))
    output = tmp_path / "output"
    pelican = new_pelican(make_settings(content, output, THEME=str(theme)))
    pelican.run()
    product = content / "products/silk.md"
    product.write_text(product.read_text().replace("Title: ผ้าไหมมัดหมี่", "Title: ผ้าไหมรุ่นใหม่"))
    css = theme / "css/components.css"
    css.write_text(css.read_text() + ".second-run { color: teal }\n")
    pelican.run()
    assert page(output, "products/silk/").h1.text.strip() == "ผ้าไหมรุ่นใหม่"
    sheet = page(output, "").find("link", rel="stylesheet")["href"]
    assert ".second-run" in (output / sheet.lstrip("/")).read_text()


def mtimes(folder: Path, names: list[str]) -> dict[str, int]:
    return {name: (folder / name).stat().st_mtime_ns for name in names}


def test_a_warm_build_leaves_unchanged_work_alone_and_matches_a_clean_build(tmp_path):
    import shutil

    content = tmp_path / "content"
    shutil.copytree(SITES / "minimal/content", content)
    (content / "images").mkdir()
    (content / "images/leaflet.pdf").write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    )
    output = tmp_path / "output"
    searched = {"SEARCH_INDEX": True}
    build_site(content, output, **searched)
    kept = ["pagefind/pagefind-entry.json", "products/silk/qr.svg", "products/silk/qr.png",
            "images/leaflet.pdf", "sitemap.xml", "robots.txt", "editions/27/programme.ics"]  # fmt: skip

    before = mtimes(output, kept)
    build_site(content, output, **searched)
    assert mtimes(output, kept) == before  # nothing changed, nothing rewritten
    news = content / "news/first-day.md"
    news.write_text(news.read_text().replace("เนื้อข่าววันแรก", "ข่าววันแรกฉบับแก้"))
    build_site(content, output, **searched)
    after = mtimes(output, kept)
    assert after["pagefind/pagefind-entry.json"] != before["pagefind/pagefind-entry.json"]
    assert after["products/silk/qr.svg"] == before["products/silk/qr.svg"]
    clean = build_site(content, tmp_path / "clean", CACHE_PATH=str(tmp_path / "c"), **searched)
    # Pagefind 1.5.2 names and orders its files differently on each run of the same input.
    files = sorted(str(p.relative_to(clean)) for p in clean.rglob("*")
                   if p.is_file() and not p.is_relative_to(clean / "pagefind"))  # fmt: skip
    same, mismatch, errors = filecmp.cmpfiles(clean, output, files, shallow=False)
    assert (mismatch, errors) == ([], []) and len(same) == len(files) > 100


def test_rendering_a_page_again_changes_nothing_in_the_build(tmp_path):
    """Templates only render: the sitemap and the sharing cards are collected from each
    page's head (decided in Python), so a page rendered again gives the same bytes and
    adds nothing to the build's state."""
    from pelican import signals

    written, environments = {}, {}

    def note_page(path, context):
        written[path] = context

    def note_environment(generator):
        environments[generator.settings["DEFAULT_LANG"]] = generator.env

    signals.content_written.connect(note_page)
    signals.article_generator_finalized.connect(note_environment)
    try:
        output = build_site(SITES / "minimal" / "content", tmp_path / "output")
    finally:
        signals.content_written.disconnect(note_page)
        signals.article_generator_finalized.disconnect(note_environment)
    path = output / "news/first-day/index.html"
    context = written[str(path)]
    state = state_of(context)
    pages, cards = len(state.pages), dict(state.cards_wanted)
    assert pages > 10 and cards and context["head"].canonical.endswith("/news/first-day/")
    again = environments["th"].get_template("article.html").render(context)
    assert again == path.read_text(encoding="utf-8")
    assert len(state.pages) == pages and state.cards_wanted == cards


def test_every_template_helper_is_listed_once_and_bound_to_the_page_language(tmp_path):
    """The helpers the templates may use are the ones template_helpers.py lists, and no
    template passes the page's language to one of them."""
    import re

    import jinja2
    from pelican import signals

    from plugins.pipeline import template_helpers

    environments = []
    handler = lambda generator: environments.append(generator.env)  # noqa: E731
    signals.article_generator_finalized.connect(handler)
    try:
        build_site(SITES / "minimal" / "content", tmp_path / "output")
    finally:
        signals.article_generator_finalized.disconnect(handler)
    plain = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    plain.install_null_translations(newstyle=True)  # gettext, ngettext… (i18n_subsites)

    pelicans = {"strftime"}  # Pelican's own filter
    ours = (set(environments[0].globals) - set(plain.globals)) | (
        set(environments[0].filters) - set(plain.filters) - pelicans
    )

    listed = template_helpers.__doc__
    assert len(ours) > 25
    unlisted = [name for name in sorted(ours) if not re.search(rf"\b{name}\b", listed)]
    assert unlisted == [], unlisted
    templates = (ROOT / "theme" / "templates").rglob("*.html")
    names = "|".join(sorted(ours))
    helper_given_lang = re.compile(
        rf"\b({names})\(DEFAULT_LANG|\|\s*({names})\([^)]*DEFAULT_LANG\)"
    )
    passing = [p.name for p in templates if helper_given_lang.search(p.read_text())]
    assert passing == []


def test_template_lines_stay_short():
    """~120 characters; only a sentence for translation, which cannot be cut, goes over."""
    long = [
        f"{path.name}:{number}"
        for path in (ROOT / "theme" / "templates").rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > 120 and '_("' not in line
    ]
    assert long == []
