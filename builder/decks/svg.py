"""The inline SVG a deck may hold: drawings, never scripts, never another host.

Charts and icons pasted into a reveal-md deck as `<svg>` were build errors. The
subset here draws (shapes, paths, text, gradients, clips, masks, markers, and
`<use>` of a shape in the same SVG) and does nothing else: no `<script>` and no
`on...` attributes (as everywhere in decks), no `<foreignObject>` (HTML inside
a drawing, which the HTML checks would not see), no `<image>` (a file from
anywhere: use an <img> or ![...](file) instead), no `<animate>` or `<set>` (which
can set an attribute, a link's address among them, to a script), and no
reference out of the drawing: `href` only to `#id`, and `url(#id)` only in
`fill`, `clip-path`, `mask` and the rest.

Names are written as SVG spells them, as nh3 needs them; the HTML checker reads
them lowercased, as the HTML parser does.
"""
from __future__ import annotations

import re

TAGS = frozenset({
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "circle", "ellipse", "line",
    "polyline", "polygon", "rect", "text", "tspan", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "marker", "pattern",
})
ATTRIBUTES = frozenset({
    "viewBox", "preserveAspectRatio", "xmlns", "xmlns:xlink", "version", "xml:space",
    "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy",
    "d", "points", "pathLength", "transform", "fill", "fill-opacity", "fill-rule", "stroke",
    "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
    "stroke-dashoffset", "stroke-miterlimit", "opacity", "clip-path", "clip-rule", "mask",
    "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits",
    "refX", "refY", "orient", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "gradientTransform", "spreadMethod", "patternUnits", "patternContentUnits",
    "patternTransform", "clipPathUnits", "maskUnits", "maskContentUnits", "font-family",
    "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "alignment-baseline", "letter-spacing", "dx", "dy", "rotate", "textLength", "lengthAdjust",
    "visibility", "display", "color", "vector-effect", "shape-rendering", "focusable",
})
LINKS = frozenset({"href", "xlink:href"})       # on <use> only, and only to #id
LOWER_TAGS = frozenset(tag.lower() for tag in TAGS)
# As text, compiled (and kept by `re`) when a deck first has SVG.
_URL = r"url\(\s*(['\"]?)(.*?)\1\s*\)"


def reference_out(tag: str, name: str, value: str) -> bool:
    """True when an attribute of an SVG element points out of its drawing."""
    if name.lower() in LINKS:
        return tag.lower() != "use" or not value.strip().startswith("#")
    return any(not address.strip().startswith("#")
               for _, address in re.findall(_URL, value, re.I))


def nh3_attributes() -> dict[str, set[str]]:
    return {tag: set(ATTRIBUTES) | (set(LINKS) if tag == "use" else set()) for tag in TAGS}
