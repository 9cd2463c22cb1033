"""Whether a slide's text is likely to fit it: reveal.js cuts off what does not.

A slide is 960 x 700 pixels, scaled as a whole to the screen, so what overflows
it is cut off on every projector alike, with no sign (and in the PDF). The text
is measured in lines of body text as reveal.js's themes set it (42 px type,
about 44 characters to a line on a 960 px slide, about 12 lines to a slide).
Each size below was measured in Chromium, in every theme reveal.js ships: a
heading counts two lines; a paragraph or list item its length; a table row a
third more than its text (its padding and rule: 72 px against a line's 55),
which is how ten rows under a heading were cut off after the eighth with no
warning; a line of code half a line (code is set smaller, and a block scrolls
past 400 px instead of growing); and each blank line between blocks a third
(the space between paragraphs). Images are not counted, nor inline SVG drawings
(their lines are markup, not text), so the estimate errs
towards silence: it is a lint warning, which an editor may acknowledge for a
deck (`reviewed: too-tall`).
"""
from __future__ import annotations

import math
import re

_LINE_CHARACTERS = 44
SLIDE_LINES = 13      # a little over what fits, so that a full slide is not called too tall
# In thirds of a line, to count exactly in whole numbers.
_HEADING, _GAP, _ROW_PADDING = 6, 1, 1
_CODE_LINE, _CODE_MOST = 1.5, 22   # 27.6 px a line; a block scrolls past 400 px
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`~|]|<[^>]+>")
_LIST_MARK = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_RULE_ROW = re.compile(r"^\|?[\s:|-]+\|?$")


def estimated_lines(text: str) -> int:
    """Lines of body text the slide's Markdown would take, as above."""
    thirds, code, in_code, spaced, started, in_svg = 0, 0, False, False, False, False
    for raw in text.splitlines():
        line = raw.strip()
        if in_svg or line.startswith("<svg"):
            in_svg = "</svg>" not in line
            continue
        if line.startswith(("```", "~~~")):
            if in_code:
                thirds += _code(code)
            in_code, code = not in_code, 0
        elif in_code:
            code += 1
            continue
        elif not line:
            spaced = started
            continue
        elif line.startswith("<!--") or line.startswith("!["):
            continue
        if spaced:
            thirds += _GAP
        spaced, started = False, True
        thirds += _line(line)
    return math.ceil((thirds + (_code(code) if in_code else 0)) / 3)


def _line(line: str) -> int:
    """Thirds of a line that one written line takes; a fence's own line takes none."""
    if line.startswith(("```", "~~~")):
        return 0
    if line.startswith("#"):
        return _HEADING
    if line.startswith("|"):
        return 0 if _RULE_ROW.match(line) else 3 * _wrapped(line) + _ROW_PADDING
    return 3 * _wrapped(_LIST_MARK.sub("", line))


def _wrapped(line: str) -> int:
    words = " ".join(_MARKS.sub(" ", _LINK.sub(r"\1", line)).split())
    return max(1, math.ceil(len(words) / _LINE_CHARACTERS))


def _code(lines: int) -> int:
    return min(math.ceil(lines * _CODE_LINE), _CODE_MOST)
