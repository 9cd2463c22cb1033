"""How tall and how wide a month's data table is on a slide, estimated at build time.

A slide is 960 x 700 pixels, scaled as a whole to the screen, so what is too tall
is cut off at its foot on every projector alike, with no sign. The table's type is
26 px on the slide (`TABLE_PX`, in templates/decks/deck.css), as the chart slide's
labels: 25 px on a 1024 x 768 projector in a window beside *Exit this page* (where
reveal.js scales the slide to 0.97), 27 px in full screen. It was 0.42em, 17 px, which
could not be read from the back of a council chamber (a council officer's trial).

Each size below was measured in Chromium at 1024 x 768, in every theme reveal.js
ships, set in the fonts a deck falls back to here, where the themes' web fonts are not
loaded (DejaVu Sans, wider than the Arial of a projector's laptop): a row of one line
is 44.7 px, each further line 33.8 px more; a heading line is 1.2 of its size, which
is the theme's. tests/decks/test_deck_table_browser.py lays the slides out in each
theme and holds the estimates to what Chromium draws.
"""
from __future__ import annotations

from typing import Sequence

SLIDE_WIDTH, SLIDE_HEIGHT = 960, 700
TABLE_PX = 26
LINE = 1.3 * TABLE_PX       # deck.css sets the line height, the same in every theme
ROW_PADDING = 10.9          # a row's padding (0.2em above and below) and its rule
TOTAL_RULE = 5.7            # the total row's heavier rule above it
NOTE = 56.1                 # "* The bulletin has a note on this total.", and its margin
FOOT = 20                   # the margin under what comes last on the slide
HEADING_GAP = 20            # under the heading
LONG_HEADING_PX = 46        # a long heading's size (`heading_is_long`): 1.1em of the text
CELL_PADDING = 1.2 * TABLE_PX   # 0.6em either side of a cell's text
# Text in a cell averaged at most 0.49em a character (bold, in DejaVu Sans), digits 0.56em
# and a space 0.28em: counting every other character as a digit errs towards a wider,
# taller table.
_CHARACTER = 0.56 * TABLE_PX
# Each theme's heading: its size in px, and how wide its letters are in ems as the
# theme sets them (most in capitals), measured on titles like the bulletin's; the
# estimate adds a tenth for titles of wider letters.
_HEADINGS = {"beige": (67.2, 0.62), "black": (67.2, 0.52), "black-contrast": (67.2, 0.52),
             "blood": (84.4, 0.62), "dracula": (67.2, 0.51), "league": (84.4, 0.32),
             "moon": (84.4, 0.32), "night": (84.4, 0.44), "serif": (88.6, 0.46),
             "simple": (64.0, 0.62), "sky": (84.4, 0.57), "solarized": (84.4, 0.32),
             "white": (67.2, 0.52), "white-contrast": (67.2, 0.52)}
_WIDER_LETTERS = 1.1
_LARGEST = (88.6, 0.62)     # for a theme not above: the largest size, the widest letters


def heading_is_long(title: str, theme: str) -> bool:
    """Whether the heading takes more than three lines in the theme's size: it is set in
    `LONG_HEADING_PX` then (deck.css's h2.deck-heading--long). In a theme of large headings
    (blood's are 84 px, 16 capitals to a line) a long title filled the slide, and its
    table took one row a slide, or none."""
    size, letter = _HEADINGS.get(theme, _LARGEST)
    return _heading_lines(title, size, letter) > 3


def heading_height(title: str, theme: str, long: bool = False) -> float:
    """The slide's heading, in the theme's size (`LONG_HEADING_PX` if `long`), and the gap
    under it."""
    size, letter = _HEADINGS.get(theme, _LARGEST)
    size = LONG_HEADING_PX if long else size
    return _heading_lines(title, size, letter) * 1.2 * size + HEADING_GAP


def _heading_lines(title: str, size: float, letter: float) -> int:
    return wrapped_lines(title, SLIDE_WIDTH, size * letter * _WIDER_LETTERS)


def row_height(cells: Sequence[str], widths: Sequence[float]) -> float:
    """A row's height: its tallest cell, each wrapped in its column's width."""
    lines = max((wrapped_lines(text, width - CELL_PADDING, _CHARACTER)
                 for text, width in zip(cells, widths)), default=1)
    return lines * LINE + ROW_PADDING


def column_widths(columns: Sequence[Sequence[str]]) -> tuple[float, ...]:
    """How wide Chromium lays out each column (its texts, header first), as its automatic
    table layout does: each as wide as its widest text where they all fit the slide;
    otherwise each its longest word, and the rest of the slide shared in proportion to
    how much more each would take. Where the longest words alone are wider than the slide,
    each is its longest word, and the table is wider than the slide (see `fits_slide`)."""
    widest = [natural_width(texts) for texts in columns]
    narrowest = [_narrowest(texts) for texts in columns]
    spare, wanted = SLIDE_WIDTH - sum(narrowest), sum(widest) - sum(narrowest)
    if sum(widest) <= SLIDE_WIDTH:
        return tuple(widest)
    if spare <= 0:
        return tuple(narrowest)
    return tuple(n + spare * (w - n) / wanted for w, n in zip(widest, narrowest))


def fits_slide(columns: Sequence[Sequence[str]]) -> bool:
    """Whether the table fits the slide's width, its text wrapped at its spaces."""
    return sum(map(_narrowest, columns)) <= SLIDE_WIDTH


def natural_width(texts: Sequence[str]) -> float:
    """A column's width with none of its texts wrapped."""
    return max(map(_width, texts)) + CELL_PADDING


def _narrowest(texts: Sequence[str]) -> float:
    return max(_width(word) for text in texts for word in text.split() or [""]) + CELL_PADDING


def wrapped_lines(text: str, width: float, character: float) -> int:
    """Lines `text` takes wrapped at its spaces in `width` px, each character `character`
    px wide and a space half that (a word longer than the line takes a line of its own,
    as a browser's does)."""
    lines, used = 1, 0.0
    for word in text.split():
        wanted = len(word) * character
        if used and used + character / 2 + wanted > width + 0.01:   # 0.01: sums of floats
            lines, used = lines + 1, wanted
        else:
            used += (character / 2 if used else 0) + wanted
    return lines


def _width(text: str) -> float:
    return sum(_CHARACTER / 2 if c == " " else _CHARACTER for c in text)
