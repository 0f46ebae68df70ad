import hashlib
from pathlib import Path


def bundle_css(theme: str, layers: list[str]) -> tuple[str, str]:
    """Join the layers in order; return ('css/site.<hash>.css', text)."""
    folder = Path(theme) / "static" / "css"
    text = "\n".join((folder / f"{layer}.css").read_text(encoding="utf-8") for layer in layers)
    digest = hashlib.sha256(text.encode()).hexdigest()[:10]
    return f"css/site.{digest}.css", text


def write_bundle(settings: dict, name: str, text: str) -> Path:
    target = Path(settings["OUTPUT_PATH"]) / settings["THEME_STATIC_DIR"] / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
