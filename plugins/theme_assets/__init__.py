"""One stylesheet per site: the theme's CSS layers joined in order, named by content hash.

The layers (tokens → reset → layout → components → media) stay separate files in
``theme/static/css``; pages load one file, which a browser may cache for ever because
its name changes whenever its content does.
"""

from pelican import signals

from .bundle import bundle_css, write_bundle

BUNDLE_KEY = "CSS_BUNDLE"


def name_bundle(pelican):
    settings = pelican.settings
    if BUNDLE_KEY not in settings:
        settings[BUNDLE_KEY], settings["CSS_BUNDLE_TEXT"] = bundle_css(
            settings["THEME"], settings["CSS_LAYERS"]
        )


def write_main_bundle(pelican):
    settings = pelican.settings
    if settings["DEFAULT_LANG"] not in settings.get("I18N_SUBSITES", {}):
        write_bundle(settings, settings[BUNDLE_KEY], settings["CSS_BUNDLE_TEXT"])


def register():
    signals.initialized.connect(name_bundle)
    signals.finalized.connect(write_main_bundle)
