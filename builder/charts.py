"""Horizontal bar charts drawn at build time as inline, accessible SVG.

    bar_chart_svg("Drug tests by CSP", ["Broxbourne", "Dacorum"], [448, 1234],
                  chart_id="drug-tests-chart", value_label="Total tests")

returns one `<svg>` string (no JavaScript, no external request) that:

* is an image to assistive technology (`role="img"`), named by its `<title>`
  and described by a `<desc>` that says the highest and lowest values in
  words; the data table beside it carries every figure;
* writes each bar's label above the bar and its value, with thousands
  separators, just after the bar's end, so nothing relies on colour (there is
  one colour; the bars only show size);
* scales with its viewBox: it is drawn 340 units wide and shown at most
  340 px wide, so its 18-unit text is 18 px on a wide screen and stays at
  least 14 px while the chart is 265 px wide or more (a 320 px-wide phone
  leaves 290 px);
* is deterministic: the same input gives the same bytes.

`slide_bar_chart_svg` draws the same chart for a monthly deck's slide: each
label right-aligned beside its bar, 26-unit text on a 960-unit drawing that a
slide shows about 1:1.

Pair it with the `bulletin-chart` styles in assets/scss/_bulletin.scss; it
also reads correctly without them (feeds, other sites), as it carries its
own presentation attributes.
"""
from __future__ import annotations

import math
import re
from html import escape
from typing import Sequence

from .texts import joined

VIEW_WIDTH = 340          # viewBox width, and the largest width shown in px
FONT_SIZE = 18            # user units: >= 14 px while the chart is >= 265 px wide
LINE_HEIGHT = 22
BAR_HEIGHT = 22
LABEL_GAP = 4             # between a label's last line and its bar
ROW_GAP = 14              # between one bar and the next label
VALUE_GAP = 6             # between a bar's end and its value
TOP = 2

TEXT_COLOUR = "#0b0c0c"   # GOV.UK black: 19:1 on white
BAR_COLOUR = "#1d70b8"    # GOV.UK blue: 5.2:1 on white (non-text needs 3:1)

# Rough advance widths in em, for wrapping labels and leaving room for the
# values. They err wide so text does not run off the drawing.
_NARROW = set("iljtfrI.,;:'!|() ")
_WIDE = set("mwMW@%")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def bar_chart_svg(title: str, labels: Sequence[str], values: Sequence[float], *,
                  chart_id: str, value_label: str) -> str:
    title, labels, numbers, value_label = _checked(title, labels, values, chart_id, value_label)
    texts = [_format(n) for n in numbers]
    value_room = max((_text_width(t, bold=True) for t in texts), default=0) + VALUE_GAP + 2
    bar_room = max(VIEW_WIDTH - value_room - 1, 40)
    top_value = max(numbers, default=0)

    rows: list[str] = []
    y = TOP
    for label, number, text in zip(labels, numbers, texts, strict=True):
        lines = _wrap(label, VIEW_WIDTH)
        parts = ['<g class="bulletin-chart__row">']
        for i, line in enumerate(lines):
            baseline = y + FONT_SIZE + i * LINE_HEIGHT
            parts.append(f'<text class="bulletin-chart__label" x="0" y="{_n(baseline)}">{_esc(line)}</text>')
        bar_y = y + len(lines) * LINE_HEIGHT + LABEL_GAP
        width = bar_room * number / top_value if top_value > 0 else 0.0
        if width > 0:
            width = max(width, 1.0)  # a tiny value still shows
            parts.append(
                f'<rect class="bulletin-chart__bar" x="0" y="{_n(bar_y)}" width="{_n(width)}" '
                f'height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>')
        # The bar's baseline, so a bar of zero still shows where it starts.
        parts.append(
            f'<line class="bulletin-chart__axis" x1="0.5" y1="{_n(bar_y - 3)}" x2="0.5" '
            f'y2="{_n(bar_y + BAR_HEIGHT + 3)}" stroke="{TEXT_COLOUR}" stroke-width="1"/>')
        value_baseline = bar_y + BAR_HEIGHT / 2 + FONT_SIZE * 0.35
        parts.append(
            f'<text class="bulletin-chart__value" x="{_n(width + VALUE_GAP)}" y="{_n(value_baseline)}" '
            f'font-weight="bold">{_esc(text)}</text>')
        parts.append("</g>")
        rows.append("".join(parts))
        y = bar_y + BAR_HEIGHT + ROW_GAP
    height = max(y - ROW_GAP + TOP, TOP * 2 + LINE_HEIGHT)
    return _svg("bulletin-chart__svg", chart_id, title, describe(labels, numbers, value_label),
                VIEW_WIDTH, height, FONT_SIZE, rows)


# A slide is seen from across a council chamber: the page's chart, with each label
# above its bar, shrank to fit a slide's height until its text was 11 px of a 720 px
# slide. On a slide each label stands beside its bar, in larger text.
SLIDE_WIDTH = 960         # viewBox width; a slide shows it about 1:1
SLIDE_FONT_SIZE = 26
SLIDE_LINE_HEIGHT = 30
SLIDE_BAR_HEIGHT = 28
SLIDE_ROW_GAP = 12
SLIDE_LABEL_GAP = 12      # between the label column and the bars


def slide_bar_chart_svg(title: str, labels: Sequence[str], values: Sequence[float], *,
                        chart_id: str, value_label: str) -> str:
    """The chart for a slide: each label right-aligned beside its bar. Same checks, title,
    description and colours as `bar_chart_svg`."""
    title, labels, numbers, value_label = _checked(title, labels, values, chart_id, value_label)
    texts = [_format(n) for n in numbers]
    size = SLIDE_FONT_SIZE
    label_room = min(max((_text_width(label, size=size) for label in labels), default=0),
                     SLIDE_WIDTH * 0.4)
    bars_at = label_room + SLIDE_LABEL_GAP
    value_room = max((_text_width(t, bold=True, size=size) for t in texts), default=0) + VALUE_GAP
    bar_room = max(SLIDE_WIDTH - bars_at - value_room - 2, 40)
    top_value = max(numbers, default=0)
    rows: list[str] = []
    y = TOP
    for label, number, text in zip(labels, numbers, texts, strict=True):
        lines = _wrap(label, label_room, size=size)
        row_height = max(len(lines) * SLIDE_LINE_HEIGHT, SLIDE_BAR_HEIGHT)
        middle = y + row_height / 2
        first = middle - (len(lines) - 1) * SLIDE_LINE_HEIGHT / 2 + size * 0.35
        parts = ['<g class="bulletin-chart__row">']
        parts += [f'<text class="bulletin-chart__label" x="{_n(label_room)}" '
                  f'y="{_n(first + i * SLIDE_LINE_HEIGHT)}" text-anchor="end">{_esc(line)}</text>'
                  for i, line in enumerate(lines)]
        bar_y = middle - SLIDE_BAR_HEIGHT / 2
        width = max(bar_room * number / top_value, 1.0) if top_value > 0 and number > 0 else 0.0
        if width > 0:
            parts.append(f'<rect class="bulletin-chart__bar" x="{_n(bars_at)}" y="{_n(bar_y)}" '
                         f'width="{_n(width)}" height="{SLIDE_BAR_HEIGHT}" fill="{BAR_COLOUR}"/>')
        parts.append(f'<line class="bulletin-chart__axis" x1="{_n(bars_at + 0.5)}" y1="{_n(bar_y - 3)}" '
                     f'x2="{_n(bars_at + 0.5)}" y2="{_n(bar_y + SLIDE_BAR_HEIGHT + 3)}" '
                     f'stroke="{TEXT_COLOUR}" stroke-width="1"/>')
        parts.append(f'<text class="bulletin-chart__value" x="{_n(bars_at + width + VALUE_GAP)}" '
                     f'y="{_n(middle + size * 0.35)}" font-weight="bold">{_esc(text)}</text>')
        parts.append("</g>")
        rows.append("".join(parts))
        y += row_height + SLIDE_ROW_GAP
    height = max(y - SLIDE_ROW_GAP + TOP, TOP * 2 + SLIDE_LINE_HEIGHT)
    return _svg("bulletin-chart__svg bulletin-chart__svg--slide", chart_id, title,
                describe(labels, numbers, value_label), SLIDE_WIDTH, height, size, rows)


def _checked(title: str, labels: Sequence[str], values: Sequence[float], chart_id: str,
             value_label: str) -> tuple[str, list[str], list[float], str]:
    """The chart's texts cleaned and its values read, or ValueError saying what is wrong."""
    labels = [_clean(label) for label in labels]
    numbers = [_number(v) for v in values]
    if len(labels) != len(numbers):
        raise ValueError(f"bar chart {chart_id!r}: {len(labels)} labels but {len(numbers)} values")
    if not chart_id or any(ch.isspace() for ch in chart_id):
        raise ValueError(f"bar chart id must be a non-empty word without spaces, not {chart_id!r}")
    if any(n < 0 for n in numbers):
        raise ValueError(f"bar chart {chart_id!r}: a bar chart cannot show negative values")
    return _clean(title), labels, numbers, _clean(value_label)


def _svg(classes: str, chart_id: str, title: str, description: str, width: float,
         height: float, size: int, rows: list[str]) -> str:
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{classes}" role="img" '
        f'aria-labelledby="{_esc(title_id)} {_esc(desc_id)}" focusable="false" '
        f'viewBox="0 0 {width} {_n(height)}" width="{width}" height="{_n(height)}" '
        f'font-size="{size}" fill="{TEXT_COLOUR}">'
        f'<title id="{_esc(title_id)}">{_esc(title)}</title>'
        f'<desc id="{_esc(desc_id)}">{_esc(description)}</desc>'
        f'{"".join(rows)}</svg>'
    )


def describe(labels: Sequence[str], values: Sequence[float], value_label: str) -> str:
    """The chart in words, e.g. "Bar chart of Total for 3 items. Out of County
    has the highest value, 4,872; No fixed abode the lowest, 380." """
    n = len(values)
    what = f"Bar chart of {value_label}" if value_label else "Bar chart"
    if n == 0:
        return f"{what}: no data."
    if n == 1:
        return f"{what}: {labels[0]}, {_format(values[0])}."
    high, low = max(values), min(values)
    if high == low:
        return f"{what} for {n} items, all with the same value, {_format(high)}."
    highest = [label for label, v in zip(labels, values, strict=True) if v == high]
    lowest = [label for label, v in zip(labels, values, strict=True) if v == low]
    has = "have" if len(highest) > 1 else "has"
    return (f"{what} for {n} items. {joined(highest)} {has} the highest value, {_format(high)}; "
            f"{joined(lowest)} the lowest, {_format(low)}.")


# --------------------------------------------------------------------------

def _number(value: object) -> float:
    if isinstance(value, bool):
        raise ValueError(f"a bar chart value must be a number, not {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"a bar chart value must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"a bar chart value must be a finite number, not {value!r}")
    return number


def _format(number: float) -> str:
    """4872 -> "4,872"; 12.5 -> "12.5"; 0.125 -> "0.13"."""
    if float(number).is_integer():
        return f"{int(number):,}"
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text


def _n(x: float) -> str:
    """A coordinate with at most one decimal place, the same bytes each run."""
    x = round(x, 1)
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def _esc(text: str) -> str:
    return escape(text, quote=True)


def _clean(text: object) -> str:
    return _CONTROL.sub("", " ".join(str(text).split()))


def _char_em(ch: str) -> float:
    if ch in _NARROW:
        return 0.32
    if ch in _WIDE:
        return 0.92
    if ch.isupper() or ch.isdigit():
        return 0.68
    return 0.56


def _text_width(text: str, bold: bool = False, size: int = FONT_SIZE) -> float:
    width = sum(_char_em(ch) for ch in text) * size
    return width * (1.08 if bold else 1.0)


def _wrap(text: str, width: float, size: int = FONT_SIZE) -> list[str]:
    """Split a label into lines that fit `width`, at spaces where it can."""
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if _text_width(candidate, size=size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        # A word longer than the line is cut.
        while _text_width(word, size=size) > width:
            cut = len(word)
            while cut > 1 and _text_width(word[:cut], size=size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines
