"""A month's data table on as many slides as it takes to be read across a room.

The table's type is large (`tablefit.TABLE_PX`), so a table of more rows than fit
under its heading at that size runs on over further slides, as a slide tool's table
does: each slide repeats the header row, no row is split between slides, and the
total row is on the last slide only. The rows are shared out evenly over the fewest
slides they fit, a slide's share by their estimated heights (`tablefit`), and each
slide's heading says which it is: "Drug tests (1 of 2)". A table too wide for the slide
even with its text wrapped shows its columns a few at a time, the first column (what
each row is) on every slide. All of it is decided here, at build time, from the table
and the deck's theme: the same table makes the same slides.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup

from ..tableviews import CellView, ColumnView, TableView
from . import tablefit as fit


@dataclass(frozen=True)
class TablePage:
    """What one slide shows of a table."""

    title: str                                 # with "(2 of 3)" where the table runs on
    columns: tuple[ColumnView, ...]
    rows: tuple[tuple[CellView, ...], ...]
    total: tuple[CellView, ...] | None         # on the last slide of its columns only
    first_row: int                             # counted from 1, for the speaker notes
    number: int = 1
    count: int = 1
    # Each column's longest text in characters, where the table runs on unwrapped: set as
    # the columns' widths (in ch), or each slide sized its columns to its own rows, and
    # the table shifted from slide to slide.
    widths: tuple[int, ...] = ()
    long_title: bool = False    # set smaller (tablefit.heading_is_long)


def table_pages(table: TableView, theme: str) -> tuple[TablePage, ...]:
    """The slides `table` takes in a deck of `theme`, in reading order."""
    groups = _column_groups(table)
    # One size for the headings of all the table's slides, whatever their number says.
    long = fit.heading_is_long(f"{table.title} (9 of 9)", theme)
    measured = [_measured(table, group) for group in groups]   # whatever the heading
    count = 1
    while True:   # a longer heading ("(1 of 2)") can leave room for fewer rows
        heading = fit.heading_height(_numbered(table.title, count, count), theme, long)
        shares = [_shares(each.heights, *each.room(heading)) for each in measured]
        needed = sum(len(s) for s in shares)
        if needed <= count:
            break
        count = needed
    return tuple(_pages(table, groups, shares, needed, long))


def table_notes(table: TableView, page: TablePage) -> str:
    """The speaker notes of a table's slide: where it runs on from and to, the table's
    caption, and the note on its total where the slide shows the total."""
    notes = f"<p>{_esc(table.caption or table.title)}</p>"
    if page.total is not None:
        notes += _total_note(table)
    if page.count == 1:
        return notes
    rows = f"rows {page.first_row} to {page.first_row + len(page.rows) - 1} of {len(table.rows)}"
    if len(page.columns) < len(table.columns):
        rows += f"; columns {', '.join(c.label for c in page.columns[1:])}"
    said = (f"Continues the table {table.title} from the previous slide ({rows})."
            if page.number > 1 else
            f"The table runs on over {page.count} slides: this one has {rows}.")
    return f"<p>{_esc(said)}</p>" + notes


def chart_notes(table: TableView) -> str:
    """The chart slide's notes: the table's caption, and the note on its total."""
    return f"<p>{_esc(table.caption or table.title)}</p>" + _total_note(table)


def _total_note(table: TableView) -> str:
    # a total that is not the rows' sum, presented, needs its reason
    return f"<p>Note on the total: {_esc(table.total_note)}</p>" if table.total_note else ""


def _column_groups(table: TableView) -> list[tuple[int, ...]]:
    """The columns each slide shows: all of them, unless the table is too wide for the
    slide with its text wrapped; then as many after the first as fit beside it unwrapped."""
    texts = _column_texts(table)
    if fit.fits_slide(texts) or len(texts) < 3:
        return [tuple(range(len(texts)))]
    widths = [fit.natural_width(column) for column in texts]
    groups: list[list[int]] = []
    for index in range(1, len(texts)):
        if groups and sum(widths[i] for i in groups[-1]) + widths[index] <= fit.SLIDE_WIDTH:
            groups[-1].append(index)
        else:
            groups.append([0, index])
    return [tuple(group) for group in groups]


def _column_texts(table: TableView, group: Sequence[int] | None = None) -> list[list[str]]:
    rows = [*table.rows, *([table.total] if table.total else [])]
    shown = range(len(table.columns)) if group is None else group
    return [[table.columns[i].label, *(row[i].text for row in rows)] for i in shown]


@dataclass(frozen=True)
class _Measured:
    """A group of columns' heights, estimated once: only the heading changes between the
    passes of `table_pages`."""

    heights: list[float]        # each row's
    header: float
    total: float | None         # the total row's, with its rule above it
    note: bool                  # the line saying the total has a note

    def room(self, heading: float) -> tuple[float, float]:
        """Height left for the rows under the heading and header row: on any slide, and on
        the last, which has the total and the line saying it has a note."""
        room = fit.SLIDE_HEIGHT - heading - self.header - fit.FOOT
        last = room
        if self.total is not None:
            last -= self.total
            last -= fit.NOTE if self.note else 0
        return room, last


def _measured(table: TableView, group: Sequence[int]) -> _Measured:
    widths = fit.column_widths(_column_texts(table, group))
    total = (fit.row_height([table.total[i].text for i in group], widths) + fit.TOTAL_RULE
             if table.total else None)
    return _Measured([fit.row_height([row[i].text for i in group], widths) for row in table.rows],
                     fit.row_height([table.columns[i].label for i in group], widths), total,
                     bool(table.total_note))


def _shares(heights: Sequence[float], room: float, last_room: float) -> list[int]:
    """How many rows each slide has: the fewest slides, and then the rows shared as evenly
    as they go (seven and six, not twelve and one). A row taller than a slide has one of
    its own."""
    fewest = len(_fill(heights, room, last_room, float("inf")))
    low, high = 0.0, max(room, last_room, *heights) if heights else room
    for _ in range(40):   # the smallest most-a-slide-holds that keeps to the fewest slides
        middle = (low + high) / 2
        low, high = (low, middle) if len(_fill(heights, room, last_room, middle)) <= fewest \
            else (middle, high)
    return _fill(heights, room, last_room, high)


def _fill(heights: Sequence[float], room: float, last_room: float, most: float) -> list[int]:
    """Rows per slide, filled from the last slide back (it has the least room), none
    holding more than `most` px of rows."""
    counts: list[int] = []
    used, limit = 0.0, min(last_room, most)
    for height in reversed(heights):
        if counts and counts[-1] and used + height > limit:
            counts.append(0)
            used, limit = 0.0, min(room, most)
        if not counts:
            counts.append(0)
        counts[-1] += 1
        used += height
    return list(reversed(counts)) or [0]


def _pages(table: TableView, groups: list[tuple[int, ...]], shares: list[list[int]],
           count: int, long: bool):
    number = 0
    for group, share in zip(groups, shares):
        start, texts = 0, _column_texts(table, group)
        widths = (tuple(max(map(len, column)) for column in texts)
                  if count > 1 and sum(map(fit.natural_width, texts)) <= fit.SLIDE_WIDTH else ())
        for index, rows in enumerate(share):
            number += 1
            last = index == len(share) - 1
            yield TablePage(
                _numbered(table.title, number, count),
                tuple(table.columns[i] for i in group),
                tuple(tuple(row[i] for i in group) for row in table.rows[start:start + rows]),
                tuple(table.total[i] for i in group) if table.total and last else None,
                start + 1, number, count, widths, long)
            start += rows


def _numbered(title: str, number: int, count: int) -> str:
    return title if count == 1 else f"{title} ({number} of {count})"


def _esc(text: str) -> str:
    return str(Markup.escape(text))
