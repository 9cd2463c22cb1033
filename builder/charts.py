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

Pair it with the `bulletin-chart` styles in assets/scss/_bulletin.scss; it
also reads correctly without them (feeds, other sites), as it carries its
own presentation attributes.
"""
from __future__ import annotations

import math
import re
from html import escape
from typing import Sequence

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
    labels = [_clean(label) for label in labels]
    numbers = [_number(v) for v in values]
    title = _clean(title)
    value_label = _clean(value_label)
    if len(labels) != len(numbers):
        raise ValueError(f"bar chart {chart_id!r}: {len(labels)} labels but {len(numbers)} values")
    if not chart_id or any(ch.isspace() for ch in chart_id):
        raise ValueError(f"bar chart id must be a non-empty word without spaces, not {chart_id!r}")
    if any(n < 0 for n in numbers):
        raise ValueError(f"bar chart {chart_id!r}: a bar chart cannot show negative values")

    title_id = f"{chart_id}-title"
    desc_id = f"{chart_id}-desc"
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


    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bulletin-chart__svg" role="img" '
        f'aria-labelledby="{_esc(title_id)} {_esc(desc_id)}" focusable="false" '
        f'viewBox="0 0 {VIEW_WIDTH} {_n(height)}" width="{VIEW_WIDTH}" height="{_n(height)}" '
        f'font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}">'
        f'<title id="{_esc(title_id)}">{_esc(title)}</title>'
        f'<desc id="{_esc(desc_id)}">{_esc(describe(labels, numbers, value_label))}</desc>'
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
    return (f"{what} for {n} items. {_join(highest)} {has} the highest value, {_format(high)}; "
            f"{_join(lowest)} the lowest, {_format(low)}.")


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


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _char_em(ch: str) -> float:
    if ch in _NARROW:
        return 0.32
    if ch in _WIDE:
        return 0.92
    if ch.isupper() or ch.isdigit():
        return 0.68
    return 0.56


def _text_width(text: str, bold: bool = False) -> float:
    width = sum(_char_em(ch) for ch in text) * FONT_SIZE
    return width * (1.08 if bold else 1.0)


def _wrap(text: str, width: float) -> list[str]:
    """Split a label into lines that fit `width`, at spaces where it can."""
    if not text:
        return [""]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if _text_width(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        # A word longer than the line is cut.
        while _text_width(word) > width:
            cut = len(word)
            while cut > 1 and _text_width(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines
