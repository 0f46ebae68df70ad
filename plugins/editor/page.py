"""The editor's page (admin/index.html) and its stylesheet (admin/editor.css).

The page carries a Content-Security-Policy of its own, wider than the public pages' in
exactly what the editor needs: inline styles (it injects <style> elements), blob: (its
preview and workers), WebAssembly (HEIC and WebP in the browser) and GitHub's API (and its
status page) once signed in. No `unsafe-eval`, no other host. Its UI is drawn with the
site's own Thai web face, so Thai is readable on a PC without Thai fonts.
"""

import html
import re

EDITOR_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https://avatars.githubusercontent.com",
        "font-src 'self' data:",
        "connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "media-src 'self' blob: data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
FONT_URL = re.compile(r'url\("\.\./fonts/')
FONT_FACE = re.compile(r"@font-face\s*{[^}]*}")


def editor_page(title: str, theme_root: str, stylesheet: str, entry: str) -> str:
    """`theme_root`: the theme's address; `stylesheet`: the site's, below it; `entry`: the
    bundle's entry script, below admin/."""
    values = {name: html.escape(value) for name, value in {
        "title": title, "policy": EDITOR_POLICY, "theme": theme_root,
        "stylesheet": f"{theme_root}/{stylesheet}", "entry": entry,
    }.items()}  # fmt: skip
    return """<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<link rel="icon" href="{theme}/images/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="editor.css">
<meta name="editor-preview-style" content="{stylesheet}">
<meta name="editor-preview-style" content="editor.css">
<script type="module" src="{entry}"></script>
</head>
<body></body>
</html>
""".format(**values)


def editor_css(tokens_css: str, theme_root: str) -> str:
    """The site's own @font-face rules (from the theme's tokens.css), pointed at the theme's
    fonts, and Sveltia's UI font with the Thai face after its Latin one."""
    faces = [
        FONT_URL.sub(f'url("{theme_root}/fonts/', face).replace("optional", "swap")
        for face in FONT_FACE.findall(tokens_css)
    ]
    stack = '"Source Sans 3", "Sarabun", system-ui, sans-serif'
    rule = f"html:root {{ --sui-font-family-default: {stack}; }}"  # over Sveltia's own :root
    return "\n".join([*faces, rule, ""])
