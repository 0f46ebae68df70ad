import hashlib
from dataclasses import dataclass
from pathlib import Path

from plugins.core.files import write_if_changed


@dataclass(frozen=True)
class Stylesheet:
    name: str  # css/site.<hash>.css, below the theme's folder
    text: str


def bundle_css(theme: str, layers: list[str], named_by_content: bool = True) -> Stylesheet:
    """Join the layers in order; the name carries a hash of the text (the preview's does not:
    a change to a layer there rewrites this one file, not every page that links it)."""
    folder = Path(theme) / "css"  # sources: only the bundle is published
    text = "\n".join((folder / f"{layer}.css").read_text(encoding="utf-8") for layer in layers)
    if not named_by_content:
        return Stylesheet("css/site.css", text)
    digest = hashlib.sha256(text.encode()).hexdigest()[:10]
    return Stylesheet(f"css/site.{digest}.css", text)


def write_bundle(output_path: str, theme_static_dir: str, sheet: Stylesheet) -> Path:
    target = Path(output_path) / theme_static_dir / sheet.name
    write_if_changed(target, sheet.text.encode("utf-8"))
    return target
