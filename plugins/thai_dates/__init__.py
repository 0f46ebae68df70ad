"""Buddhist-Era Thai dates and English dates (``formatting.py``).

In templates, bound to the page's language by plugins.pipeline.template_helpers:
``{{ article.date | day }}``, ``{{ start | date_range(end) }}``, ``{{ article.date | iso_date }}``.
"""


def register():
    """Nothing to connect: plugins.pipeline.template_helpers binds the filters."""
