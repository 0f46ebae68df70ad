"""One stylesheet per site: the theme's CSS layers joined in order, named by content hash.

The layers (tokens → reset → layout → components → media) stay separate files in
``theme/css``, which is not published (only the bundle is); pages load one file, which a
browser may cache for ever because its name changes whenever its content does.
``plugins.pipeline`` joins them when a build starts (``stylesheet``) and writes the file
when every language is written (``write``).
"""

from pathlib import Path

from .bundle import Stylesheet, bundle_css, write_bundle


def stylesheet(settings: dict) -> Stylesheet:
    named_by_content = not settings.get("PREVIEW")  # the preview serves it with no-store
    return bundle_css(settings["THEME"], settings["CSS_LAYERS"], named_by_content)


def is_layer(path: Path, settings: dict) -> bool:
    """A file the stylesheet is joined from."""
    folder = Path(settings["THEME"]).resolve() / "css"
    return path.resolve().parent == folder and path.stem in settings["CSS_LAYERS"]


def write(state, sheet: Stylesheet | None = None) -> None:
    """The build's stylesheet into output/ (`sheet`: one joined again since, by the preview)."""
    write_bundle(state.output_path, state.theme_static_dir, sheet or state.stylesheet)


def register():
    """Nothing to connect: the build's steps (plugins.pipeline) call this plugin."""
