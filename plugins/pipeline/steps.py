"""What a build does before its languages are written, and after, in order.

Both lists are read top to bottom: a step may use what the steps above it made.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plugins import content_rules, editor, fair, gallery, offline, paper, social, theme_assets
from plugins.bilingual import compiled_catalogs
from plugins.core.addresses import Addresses, site_languages, site_names
from plugins.core.files import OUTSIDE, links_outside
from plugins.core.problems import ContentError, Problem, in_order, shown_path
from plugins.core.state import BuildState
from plugins.search import index_site
from plugins.sitemap import write_sitemap

from .content_cache import forget_damaged, forget_if_read_differently


def new_state(settings: dict) -> BuildState:
    """A fresh state for this build: each step fills in what the next ones read."""
    languages = site_languages(settings)
    state = BuildState(
        languages=languages,
        addresses=Addresses.from_settings(settings),
        theme_static_dir=settings["THEME_STATIC_DIR"],
        output_path=settings["OUTPUT_PATH"],
        cache_path=settings["CACHE_PATH"],
        site_names=site_names(settings),
    )

    forget_if_read_differently(settings)
    forget_damaged(settings)
    refuse_links_outside(settings)
    settings["I18N_GETTEXT_LOCALEDIR"] = compiled_catalogs(settings, languages)
    state.index = content_rules.build_index(settings)  # with the fair's: said in one run
    state.fair, problems = fair.read_and_judge(settings, languages, state.addresses, state.index)
    if state.index.problems or problems:
        raise ContentError(in_order(state.index.problems + problems))

    state.galleries, state.photos = gallery.build_photos(gallery.with_defaults(settings), state)
    fair.attach_photos(state.fair, state.photos)
    state.stylesheet = theme_assets.stylesheet(settings)
    state.card_maker = social.card_maker(settings, state)
    state.freeze()
    return state


def refuse_links_outside(settings: dict) -> None:
    """Before anything is read: a link in content/ to a file outside the site's folder."""
    content = Path(settings["PATH"])
    shown = shown_path(settings)
    problems = [
        Problem(shown(link.parent) + "/" + link.name, 0, OUTSIDE.format(target=target))
        for link, target in links_outside(content, content.resolve().parent)
    ]
    if problems:
        raise ContentError(in_order(problems))


@dataclass(frozen=True)
class Step:
    """One step after every language is written: ``run(state, settings, *needs)``, where
    `needs` names what earlier steps made (their `makes`), handed on in that order."""

    name: str
    run: Callable[..., object]
    wanted: Callable[[dict], bool] = lambda settings: True
    makes: str = ""  # a name for what `run` returns, if a later step needs it
    needs: tuple[str, ...] = ()


def run_steps(steps: list[Step], state: BuildState, settings: dict) -> dict[str, object]:
    """Each wanted step in order, given what the steps before it made; what they made."""
    made: dict[str, object] = {}
    for step in steps:
        if step.wanted(settings):
            result = step.run(state, settings, *(made[name] for name in step.needs))
            if step.makes:
                made[step.makes] = result
    return made


def print_papers(state: BuildState, settings: dict) -> None:
    output, cache = Path(state.output_path), Path(state.cache_path)
    paper.write_papers(state.papers, output, cache, settings.get("PAPER_BROWSER", ""))


def search_index(state: BuildState, settings: dict) -> None:
    index_site(state.output_path, state.cache_path, settings.get("SEARCH_NODE", ""))


# The sharing cards come after the search index: their worker processes go on making
# the last ones while Pagefind indexes.
AFTER_ALL_LANGUAGES = [
    Step("stylesheet", lambda state, settings: theme_assets.write(state)),
    Step("gallery photos", lambda state, settings: gallery.publish(state)),
    Step("booth QR codes", lambda state, settings: fair.write_booth_codes(state)),
    Step(
        "printable editions (PDF)", print_papers, lambda settings: settings.get("PRINTED_EDITIONS")
    ),
    Step("sitemap and robots.txt", lambda state, settings: write_sitemap(state)),
    Step("search index", search_index, lambda settings: settings.get("SEARCH_INDEX", True)),
    Step("sharing cards", social.write_cards),
    Step("offline use: icons, manifests, service worker", offline.write_offline, makes="offline"),
    Step("the browser editor at /admin/", editor.write_editor, editor.wanted),
    Step(
        "no published image with metadata or too large",
        gallery.check_published,
        makes="output_files",
    ),
    Step("site size", gallery.write_size_report, needs=("offline", "output_files")),
    Step("romanized names", lambda state, settings: content_rules.remember_names(state)),
]
