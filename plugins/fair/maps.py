"""The venue map in the page itself, as SVG, so that its Thai labels are drawn with the site's
own web font (an SVG shown through <img> cannot use it, and shows empty boxes on a phone
without a Thai font).

The office draws the map; what is put in the page is only drawing: an allow-list of SVG
elements and presentation attributes, no script, no style, no links out, no events.
"""

import html
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from markupsafe import Markup

from plugins.core.problems import WriterMistake

SVG = "{http://www.w3.org/2000/svg}"
ELEMENTS = {
    "svg", "g", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "path", "text", "tspan", "defs", "linearGradient", "radialGradient", "stop",
}  # fmt: skip
ATTRIBUTES = {
    "viewBox", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
    "d", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "opacity",
    "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "letter-spacing", "dx", "dy", "offset", "stop-color", "stop-opacity", "id",
    "gradientUnits", "gradientTransform", "preserveAspectRatio",
}  # fmt: skip


class MapError(WriterMistake):
    """The venue map named by an edition cannot be put in its page."""


def read_map(path: Path, shown: str) -> ElementTree.Element:
    try:
        root = ElementTree.parse(path).getroot()
    except FileNotFoundError:
        raise MapError(f"{shown} is not there (check the name)") from None
    except ElementTree.ParseError as error:
        raise MapError(
            f"{shown} is not a drawing that can be read ({error}; save it again as SVG)"
        ) from None
    if root.tag != f"{SVG}svg":
        raise MapError(f"{shown} is not an SVG drawing (save it as SVG)")
    if deepest(root) > MAX_DEPTH:
        raise MapError(
            f"{shown} has drawings inside drawings more than {MAX_DEPTH} levels deep (save it "
            "again from the drawing program, with its groups flattened)"
        )
    return root


MAX_DEPTH = 64  # a venue map needs a handful; thousands would only stop the build


def deepest(root: ElementTree.Element) -> int:
    """How many levels the drawing goes down, counted without recursion."""
    deepest_seen, waiting = 0, [(root, 1)]
    while waiting:
        element, depth = waiting.pop()
        deepest_seen = max(deepest_seen, depth)
        waiting += [(child, depth + 1) for child in element]
    return deepest_seen


def map_problem(text, content: Path) -> str | None:
    """What is wrong with the map an edition's Map: line names, if anything."""
    relative = text.get("map")
    try:
        read_map(content / relative, f"{content.name}/{relative}") if relative else None
    except MapError as error:
        return f"Map: {error}"
    return None


PHONE_WIDTH = 328  # CSS px the map is drawn at on a 360 px phone (the page's margins aside)
SMALLEST_LABEL = 14  # px: smaller labels cannot be read standing in the park


def smallest_label(root: ElementTree.Element) -> float | None:
    """The smallest label of the drawing, in CSS px on a 360 px phone (None: no labels or
    no viewBox to scale by)."""
    box = root.get("viewBox", "").replace(",", " ").split()
    width = float(box[2]) if len(box) == 4 else float(root.get("width", "0").rstrip("px") or 0)
    sizes, waiting = [], [(root, 16.0)]
    while waiting:
        element, inherited = waiting.pop()
        size = font_size(element.get("font-size"), inherited)
        if local(element.tag) == "text" and (element.text or "").strip():
            sizes.append(size)
        waiting += [(child, size) for child in element]
    return min(sizes) * PHONE_WIDTH / width if sizes and width else None


def font_size(written: str | None, inherited: float) -> float:
    try:
        return float((written or "").removesuffix("px")) if written else inherited
    except ValueError:
        return inherited


def small_labels(text, content: Path) -> str | None:
    """A warning when the map's labels would be smaller than SMALLEST_LABEL on a phone."""
    relative = text.get("map")
    try:
        shown = smallest_label(read_map(content / relative, relative)) if relative else None
    except MapError:
        return None  # said as an error elsewhere
    if shown is None or shown >= SMALLEST_LABEL:
        return None
    return (
        f"Map: the labels of {relative} are {shown:.0f} px on a phone, too small to read "
        f"(write them at least {SMALLEST_LABEL} px there: a larger font-size, or draw the map "
        "narrower)"
    )


def local(tag: str) -> str:
    return tag.removeprefix(SVG)


def drawing(element: ElementTree.Element, extra: str = "") -> str:
    """The element as HTML, with only the allowed elements and attributes."""
    name = local(element.tag)
    if name not in ELEMENTS:
        return ""
    attributes = "".join(
        f' {key}="{html.escape(value)}"'
        for key, value in element.attrib.items()
        if key in ATTRIBUTES or (key.startswith("aria-") and name == "svg")
    )
    inner = html.escape(element.text or "", quote=False)
    for child in element:
        inner += drawing(child) + html.escape(child.tail or "", quote=False)
    return f"<{name}{attributes}{extra}>{inner}</{name}>"


def venue_map(content: Path, relative: str, label: str) -> Markup:
    """The map named by an edition's Map: line (below content/), labelled for screen readers."""
    root = read_map(content / relative, f"{content.name}/{relative}")
    extra = f' role="img" aria-label="{html.escape(label)}" class="venue__drawing"'
    return Markup(drawing(root, extra))
