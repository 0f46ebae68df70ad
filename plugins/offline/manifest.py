"""A web app manifest per language, from the site's settings: the site installs on a phone's
home screen in the reader's language and opens on its home page."""

import json
from urllib.parse import urlsplit

from .icons import ICONS

THEME_COLOUR = "#7a1f5c"
BACKGROUND = "#fffdf8"


def manifest(lang: str, name: str, short_name: str, root: str, icon_root: str) -> str:
    home = urlsplit(root).path + "/"
    icons = [
        {
            "src": f"{icon_root}/{file}",
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "maskable" if file.startswith("maskable") else "any",
        }
        for file, (size, _) in ICONS.items()
    ]
    data = {
        "name": name,
        "short_name": short_name,
        "lang": lang,
        "dir": "ltr",
        "id": home,
        "start_url": home,
        "scope": home,
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND,
        "icons": icons,
    }
    return json.dumps(data, ensure_ascii=False, indent=1)
