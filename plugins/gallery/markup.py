"""The one <img> of a published photo: the templates' `photo_img` and the photos named in a
page's text are written here, the same way (WebP at every width it has, its size given so
nothing moves as it loads, lazy unless it is among the first or the page's main photo)."""

import html

from markupsafe import Markup, escape

MAIN, EAGER, LAZY = "main", "eager", "lazy"
LOADING = {MAIN: ' fetchpriority="high"', EAGER: "", LAZY: ' loading="lazy"'}
KEPT = ("alt", "title", "lang")


def img_tag(photo, root: str, sizes: str, attributes: dict, loading: str, near: int = 960):
    """`attributes` (alt, title, lang) are already escaped."""
    width, height, path = photo.fallback(near=near)
    srcset = html.escape(photo.srcset("webp", root))
    kept = "".join(f' {name}="{attributes[name]}"' for name in KEPT if name in attributes)
    return Markup(
        f'<img src="{html.escape(root)}/{html.escape(path)}" srcset="{srcset}" '
        f'sizes="{html.escape(sizes)}" width="{width}" height="{height}"{kept}'
        f'{LOADING[loading]} decoding="async">'
    )


def photo_img(
    root: str, photo, sizes: str, alt="", first=False, main=False, lang_of_alt=None, near=960
):
    """For the templates (`photo_img`): the text given is escaped here, once."""
    attributes = {"alt": escape(alt), **({"lang": escape(lang_of_alt)} if lang_of_alt else {})}
    loading = MAIN if main else EAGER if first else LAZY
    return img_tag(photo, root, sizes, attributes, loading, near)
