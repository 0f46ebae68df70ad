"""Our Pelican plugins, listed in PLUGINS as ``plugins.<name>``; each folder with a
``register()`` is one. ``core`` (the build state, problems, addresses) and ``search``
(a step of ``pipeline``) are shared code, not plugins."""
