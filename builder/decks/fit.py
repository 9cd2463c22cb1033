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
(the space between paragraphs).

Columns side by side (a `<div>` laid out as a flex row, reveal.js's `r-hstack`,
or a grid with `grid-template-columns`, each child `<div>` a column) take the
height of the tallest, each as narrow as its share of the slide: a table beside
a chart was called 16 lines, its columns added up and its `<div>` lines
counted as text, where it filled three quarters of the slide. A line of tags
alone takes no line. Images are not counted, nor inline SVG drawings (their
lines are markup, not text) or `<style>` blocks, so the estimate errs towards
silence: it is a lint warning, which an editor may acknowledge for a deck
(`reviewed: too-tall`).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

_LINE_CHARACTERS = 44
SLIDE_LINES = 13      # a little over what fits, so that a full slide is not called too tall
# In thirds of a line, to count exactly in whole numbers.
_HEADING, _GAP, _ROW_PADDING = 6, 1, 1
_CODE_LINE, _CODE_MOST = 1.5, 22   # 27.6 px a line; a block scrolls past 400 px
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`~|]|<[^>]+>")
_LIST_MARK = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_RULE_ROW = re.compile(r"^\|?[\s:|-]+\|?$")
_TAGS_ALONE = re.compile(r"^(?:<[^<>]*>\s*)+$")
_DIV = re.compile(r"<(/?)div\b([^>]*)>", re.I)
_SKIPPED = (("<svg", "</svg>"), ("<style", "</style>"))
_ROW = re.compile(r"display\s*:\s*(?:inline-)?flex\b|\br-hstack\b")
_COLUMN_WISE = re.compile(r"flex-direction\s*:\s*column")
_GRID = re.compile(r"display\s*:\s*(?:inline-)?grid\b")
_TRACKS = re.compile(r"grid-template-columns\s*:\s*([^;\"']+)")


@dataclass
class _Box:
    """A `<div>` (or the slide): its attributes, lowercased, and what it holds in order:
    written lines ('' for a blank one), a code block's thirds, and the boxes inside."""

    attributes: str = ""
    items: list = field(default_factory=list)


def estimated_lines(text: str) -> int:
    """Lines of body text the slide's Markdown would take, as above."""
    return math.ceil(_thirds(_boxes(text), _LINE_CHARACTERS) / 3)


def _boxes(text: str) -> _Box:
    """The slide's lines, in the `<div>`s they are written in."""
    slide = _Box()
    open_boxes, code, in_code, skipping = [slide], 0, False, None
    for raw in text.splitlines():
        line = raw.strip()
        if skipping is None and not in_code:
            skipping = next((end for start, end in _SKIPPED if line.startswith(start)), None)
        if skipping is not None:
            skipping = None if skipping in line else skipping
            continue
        if line.startswith(("```", "~~~")):
            if in_code:
                open_boxes[-1].items.append(code)
            in_code, code = not in_code, 0
        elif in_code:
            code += 1
            continue
        elif _TAGS_ALONE.match(line):
            for tag in _DIV.finditer(line):
                if tag.group(1):
                    if len(open_boxes) > 1:   # a stray </div> closes nothing
                        open_boxes.pop()
                else:
                    open_boxes[-1].items.append(box := _Box(tag.group(2).lower()))
                    open_boxes.append(box)
            continue
        open_boxes[-1].items.append(line)
    if in_code:
        open_boxes[-1].items.append(code)
    return slide


def _thirds(box: _Box, width: int) -> int:
    """Thirds of a line `box` takes, its lines `width` characters long."""
    columns = _columns(box)
    if columns:
        return _side_by_side(box, width, columns)
    thirds, spaced, started = 0, False, False
    for item in box.items:
        if isinstance(item, int):
            thirds += _code(item)
            continue
        if item == "":
            spaced = started
            continue
        if isinstance(item, _Box):
            height = _thirds(item, width)
        elif item.startswith(("<!--", "![")):
            continue
        else:
            height = _line(item, width)
        if isinstance(item, _Box) and not height:
            continue
        if spaced:
            thirds += _GAP
        spaced, started = False, True
        thirds += height
    return thirds


def _columns(box: _Box) -> int:
    """How many columns `box` lays its `<div>`s out in side by side; 0 for one under another."""
    children = sum(isinstance(item, _Box) for item in box.items)
    if children < 2:
        return 0
    if _ROW.search(box.attributes) and not _COLUMN_WISE.search(box.attributes):
        return children
    tracks = _TRACKS.search(box.attributes) if _GRID.search(box.attributes) else None
    if tracks is None:
        return 0
    value = tracks.group(1)   # 1fr 1fr, repeat(2, 1fr), minmax(0, 2fr) 1fr: a word a track
    repeated = sum(int(n) - 1 for n in re.findall(r"repeat\(\s*(\d+)", value))
    while value != (value := re.sub(r"\([^()]*\)", "", value)):
        pass
    return min(children, len(value.split()) + repeated)


def _side_by_side(box: _Box, width: int, columns: int) -> int:
    """A column is a box of its own, whose first and last blocks keep their margins, where
    one under another they share them: a paragraph or list at its top or foot adds a gap
    there, a table (no margin) or a heading at the top (none above it) does not."""
    cells = [item for item in box.items if isinstance(item, _Box)]
    narrow = max(1, width // columns)
    heights = [_thirds(cell, narrow) + _GAP * (_edge(cell, 0) not in ("|", "#"))
               + _GAP * (_edge(cell, -1) not in ("|", "")) for cell in cells]
    return sum(max(heights[row:row + columns]) for row in range(0, len(heights), columns))


def _edge(box: _Box, end: int) -> str:
    """The first character of the first (end 0) or last (end -1) block `box` shows, '' for none."""
    for item in box.items[::1 if end == 0 else -1]:
        found = (_edge(item, end) if isinstance(item, _Box) else "```" if isinstance(item, int)
                 else "" if item.startswith("<!--") else item[:1])
        if found:
            return found
    return ""


def _line(line: str, width: int) -> int:
    """Thirds of a line that one written line takes; a fence's own line takes none."""
    if line.startswith(("```", "~~~")):
        return 0
    if line.startswith("#"):
        return _HEADING
    if line.startswith("|"):
        return 0 if _RULE_ROW.match(line) else 3 * _wrapped(line, width) + _ROW_PADDING
    return 3 * _wrapped(_LIST_MARK.sub("", line), width)


def _wrapped(line: str, width: int) -> int:
    words = " ".join(_MARKS.sub(" ", _LINK.sub(r"\1", line)).split())
    return max(1, math.ceil(len(words) / width))


def _code(lines: int) -> int:
    return min(math.ceil(lines * _CODE_LINE), _CODE_MOST)
