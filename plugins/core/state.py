"""The state of one build: made fresh when a build starts, handed to every language's run,
read through plain attributes, thrown away when the build ends.

``plugins.pipeline`` makes it (in a fixed order: addresses, content index, the fair, the
galleries, the stylesheet) and puts it under one settings key, ``BUILD``, which
i18n_subsites copies into each language's run with the rest of the settings. Nothing is
ever computed "if missing": a run without a state is a mistake, said so.

Once made, its fields are fixed (``freeze``): what the languages' runs collect goes into
its three lists (pages, cards, papers), and what a last step makes for a later one is that
step's return value (``OfflineKept``, ``OutputFiles``), handed on by plugins.pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .addresses import Addresses
from .pelican_seams import (
    kept_out_of_content_cache,
    no_state,  # noqa: F401 (caches made before it name state.no_state)
)

if TYPE_CHECKING:
    from plugins.content_rules.checks import ContentIndex
    from plugins.fair.readers import Fair
    from plugins.gallery.galleries import GallerySite
    from plugins.gallery.site_photos import SitePhotos
    from plugins.social.maker import CardMaker
    from plugins.theme_assets.bundle import Stylesheet

KEY = "BUILD"


class NoBuildState(RuntimeError):
    pass


@kept_out_of_content_cache  # Pelican's content cache pickles settings: none of this state
@dataclass
class BuildState:
    languages: list[str]  # the main language first
    addresses: Addresses
    theme_static_dir: str  # the main site's: language runs are given "../theme"
    output_path: str  # the main site's output/, where every language ends up
    cache_path: str
    site_names: dict[str, str]  # the site's name in each language

    index: ContentIndex | None = None
    fair: Fair | None = None
    galleries: GallerySite | None = None
    photos: SitePhotos | None = None  # every photo outside the galleries
    stylesheet: Stylesheet | None = None
    card_maker: CardMaker | None = None  # makes the cards while the pages are written
    # Collected while the languages are written (appended to, never replaced):
    cards_wanted: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    pages: list[dict] = field(default_factory=list)  # every written page, for the sitemap
    papers: list = field(default_factory=list)  # the printable editions (plugins.paper)

    def freeze(self) -> None:
        """From now on no field is replaced (the build has started)."""
        object.__setattr__(self, "frozen", True)

    def __setattr__(self, name, value):
        if self.__dict__.get("frozen"):
            raise AttributeError(f"BuildState.{name} is fixed once the build has started")
        super().__setattr__(name, value)

    @property
    def main_lang(self) -> str:
        return self.languages[0]

    @property
    def theme_root(self) -> str:
        """The address of the theme's files (one copy, under the main language)."""
        return self.addresses.address(self.main_lang, self.theme_static_dir)


@dataclass(frozen=True)
class OfflineKept:
    """What a first visit keeps for offline use (plugins.offline makes it)."""

    total: int  # bytes
    budget: int  # OFFLINE_BUDGET
    largest: list[tuple[str, int]]  # the largest of those files: (address, bytes)


OutputFiles = dict[str, list[int]]  # every file of output/ → [size, time] (the last guard's)


def state_of(settings: dict) -> BuildState:
    try:
        return settings[KEY]
    except KeyError:
        raise NoBuildState(
            "no build state: list plugins.pipeline in PLUGINS (pelicanconf.py)"
        ) from None


def is_main_run(settings: dict) -> bool:
    """The main language's run; i18n_subsites runs each other language inside it."""
    return settings["DEFAULT_LANG"] not in settings.get("I18N_SUBSITES", {})
