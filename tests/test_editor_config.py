"""The editor's configuration, as a build writes it to admin/config.yml: valid for the
pinned Sveltia (its own JSON schema), checking what the build checks, saving to the
repository the checkout's git remote names. (Driving the editor: tests/test_editor.py.)"""

import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import SITES, build_site, page
from test_office import make_project, run

from plugins.content_rules.slugs import CLEAN_SLUG
from plugins.editor.bundle import SCHEMA, editor_bundle, pinned_version
from plugins.fair.model import BOOTH_CODE, PRICE_AS_WRITTEN, WEB_ADDRESS
from plugins.fair.names import CATEGORIES, DISTRICTS


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    return build_site(SITES / "sample" / "content", tmp_path_factory.mktemp("config") / "output",
                      EDITOR_REPOSITORY="acme/fair-site")  # fmt: skip


def config_of(output: Path) -> dict:
    return yaml.safe_load((output / "admin/config.yml").read_text(encoding="utf-8"))


def fields_of(config: dict, collection: str) -> dict[str, dict]:
    found = next(c for c in config["collections"] if c["name"] == collection)
    return {field["name"]: field for field in found["fields"]}


def test_the_configuration_is_valid_for_the_pinned_sveltia(sample_site):
    from conftest import ROOT

    bundle = editor_bundle(Path(__import__("os").environ["EDITOR_CACHE"]))
    schema = json.loads((bundle / SCHEMA).read_text(encoding="utf-8"))
    jsonschema.validate(config_of(sample_site), schema)
    assert (
        pinned_version()
        == json.loads((ROOT / "plugins/editor/bundle/package.json").read_text())["dependencies"][
            "@sveltia/cms"
        ]
    )
    entry = page(sample_site, "admin/").find("script", src=True)["src"]
    assert pinned_version() in (sample_site / "admin" / entry).read_text(encoding="utf-8")


def test_the_editor_refuses_what_the_build_refuses(sample_site):
    config = config_of(sample_site)
    product = fields_of(config, "products")
    assert [o["value"] for o in product["Category"]["options"]] == list(CATEGORIES)
    assert [o["value"] for o in product["District"]["options"]] == [
        n["th"] for n in DISTRICTS.values()
    ]
    assert (product["Stars"]["min"], product["Stars"]["max"]) == (1, 5)
    assert product["Booth"]["pattern"][0] == BOOTH_CODE.pattern
    assert product["Price"]["pattern"][0] == PRICE_AS_WRITTEN.pattern
    assert product["Facebook"]["pattern"][0] == WEB_ADDRESS.pattern
    for collection in config["collections"]:
        assert collection["slug"]["editable"] == ["create"]  # fixed once saved
        if collection["name"] != "editions":
            assert collection["slug"]["pattern"][0] == CLEAN_SLUG.pattern
    for pattern, good, bad in ((BOOTH_CODE, "A07", "a 7"), (PRICE_AS_WRITTEN, "1,800-6,500", "ฟรี")):
        assert re.match(pattern.pattern, good) and not re.match(pattern.pattern, bad)
    assert config["output"]["omit_empty_optional_fields"] is True
    assert config["backend"] == {"name": "github", "repo": "acme/fair-site"}


def test_the_editor_is_out_of_the_sitemap_search_and_feeds_and_closed_to_robots(sample_site):
    assert "/admin/" not in (sample_site / "sitemap.xml").read_text()
    assert "Disallow: /admin/" in (sample_site / "robots.txt").read_text()
    assert not any("admin" in f.read_text() for f in (sample_site / "feeds").glob("*.xml"))
    assert "data-pagefind-body" not in (sample_site / "admin/index.html").read_text()
    assert "/admin/" not in (sample_site / "sw.js").read_text()


def test_the_repository_comes_from_the_git_remote_and_make_check_says_when_it_cannot(tmp_path):
    project = make_project(tmp_path / "site")
    checked = run(project, "check")
    assert "does not know which GitHub repository to save to" in checked.stdout
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    remote = "git@github.com:khonkaen-office/otop-city.git"
    subprocess.run(["git", "remote", "add", "origin", remote], cwd=project, check=True)
    assert run(project, "build").returncode == 0
    assert config_of(project / "output")["backend"]["repo"] == "khonkaen-office/otop-city"
    assert "does not know which GitHub repository" not in run(project, "check").stdout
