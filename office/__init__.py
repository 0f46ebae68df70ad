"""The office's commands (`invoke new-post`, `import-photos`, `check`, `gh-pages` …).

Not a Pelican plugin: tasks.py calls these functions; each returns or raises plainly so
that a command can answer with one clear line.
"""


class Refused(Exception):
    """A command will not go on; the message says why and what to do."""
