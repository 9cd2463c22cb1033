"""Whether a slide's text is likely to fit it: reveal.js cuts off what does not.

A slide is 960 x 700 pixels, scaled as a whole to the screen, so what overflows
it is cut off on every projector alike, with no sign (and the PDF splits it over
pages). The text is measured in lines of body text as reveal.js's themes set
it (42 px type, about 44 characters to a line on a 960 px slide, about 12 lines
to a slide): a heading counts as two, a table row or a line of code as one, a
paragraph or list item by its length. Images are not counted, so the estimate
errs towards silence: it is a lint warning, which an editor may acknowledge
for a deck (`reviewed: too-tall`).
"""
from __future__ import annotations

import math
import re

_LINE_CHARACTERS = 44
SLIDE_LINES = 13      # a little over what fits, so that a full slide is not called too tall
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`~]|<[^>]+>")
_LIST_MARK = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_RULE_ROW = re.compile(r"^\|?[\s:|-]+\|?$")


def estimated_lines(text: str) -> int:
    """Lines of body text the slide's Markdown would take, as above."""
    lines, in_code = 0, False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            lines += 1
        elif not line or line.startswith("<!--") or line.startswith("!["):
            continue
        elif line.startswith("#"):
            lines += 2
        elif line.startswith("|"):
            lines += 0 if _RULE_ROW.match(line) else 1
        else:
            words = _MARKS.sub("", _LINK.sub(r"\1", _LIST_MARK.sub("", line)))
            lines += max(1, math.ceil(len(words) / _LINE_CHARACTERS))
    return lines
