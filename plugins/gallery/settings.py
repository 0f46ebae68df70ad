"""The gallery plugin's settings, all prefixed GALLERY_, with their defaults."""

import os

DEFAULTS = {
    "GALLERY_PATH": "galleries",  # below PATH: one folder per gallery
    "GALLERY_WIDTHS": [480, 960, 1600, 2400],
    # Measured here on 12-megapixel photos at 1600 px: WebP method 2 encodes 2.3× faster
    # than method 4 (Pillow's default) and came out no larger; progressive JPEG doubles the
    # encoding time for the fallback that only browsers without WebP ever load.
    "GALLERY_FORMATS": {
        "webp": {"quality": 80, "method": 2},
        "jpeg": {"quality": 82, "optimize": True},
    },
    # Every browser the readers use shows WebP (Safari since 14, Chrome, Samsung Internet,
    # LINE's in-app browser): one JPEG is kept, for LINE's and Facebook's link previews.
    # Measured (make bench, 12-megapixel photos): WebP + JPEG at every width 2,691 KB and
    # 449 ms a photo; WebP + one JPEG 1,376 KB, 374 ms; AVIF + one JPEG 1,037 KB, 385 ms,
    # but 2× slower on flat pictures, and Safari before 16 would need a fallback again.
    "GALLERY_ONLY_AT": {"jpeg": [1200]},
    "GALLERY_MAX_PIXELS": 210_000_000,  # 200-megapixel phones, and not a pixel more
    "GALLERY_FULL_SIZE": False,  # also publish each photo at its full size (still stripped)
    "GALLERY_WORKERS": os.cpu_count() or 1,
    "GALLERY_STRICT": False,  # publishconf.py: a bad photo stops the build
    # Templates: thumbnails are two a row on phones, three or four on wider screens.
    "GALLERY_THUMB_SIZES": "(min-width: 60rem) 14rem, (min-width: 40rem) 30vw, 46vw",
    "GALLERY_EAGER_PHOTOS": 4,  # the first photos load at once, the rest when scrolled to
    "GALLERY_INLINE_SIZES": "(min-width: 42rem) 40rem, 94vw",  # photos in a page's text
    "GALLERY_MAIN_SIZES": "(min-width: 42rem) 40rem, 94vw",  # a page's own photo, on top
    "GALLERY_CARD_SIZES": "(min-width: 60rem) 17rem, (min-width: 40rem) 45vw, 94vw",
    "GALLERY_ROW_SIZES": "(min-width: 40rem) 12rem, 40vw",  # a row of products, home page
    "GALLERY_LIST_SIZES": "(min-width: 40rem) 10rem, 7rem",  # beside a news item in a list
}


def with_defaults(settings: dict) -> dict:
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    return settings
