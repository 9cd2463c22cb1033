"""What both Markdown writers add to a pipe table an editor writes: the scroll box a data
table has, the box and the table named for screen readers, and a message for a row whose
cells are fewer or more than its header's.

A Markdown table was written bare: on a phone the whole page scrolled sideways
(725px wide at 320px, WCAG 1.4.10), where a data table scrolls inside its own box.
And markdown-it, as GitHub does, fills out a short row with empty cells and leaves
out a long row's extra cells, without a word. `builder.markdownitpy` and
`builder.treewriter` call these functions at the same places in the same order,
so both write the same bytes and report the same problems.
"""
from __future__ import annotations

import re
from typing import Callable

from .texts import count, joined
from .tokens import Token

# More column names than this make a box's name too long to hear on every visit.
NAMED_COLUMNS = 5
# A '|' not escaped by the '\' before it ends a cell (markdown-it's `escapedSplit`).
_CELL_END = re.compile(r"(?<!\\)\|")
# A block quote's marks before a row: markdown-it reads the row after them.
_QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+")


def box(ctx, header: Callable[[], list[str]]) -> Token | None:
    """The <div> a table goes in (None where the flavour puts tables in none), given how
    to find the words of its header cells: only a table before any heading is named by
    them, so most tables never ask. Called once a table, where it starts."""
    if not ctx.flavour.tables_in_boxes:
        return None
    ctx.tables_under_heading += 1
    heading = " ".join(ctx.last_heading.split())
    name = box_name(heading, ctx.tables_under_heading, header() if not heading else [])
    return Token("div", attrs={"class": "bulletin-table", "role": "region",
                               "aria-label": name, "tabindex": "0"})


def table_name(box: Token) -> Token:
    """The attributes a boxed <table> has of its own, after its class: its box's name. A
    screen reader moving from table to table says each table's name, not its box's, and
    said nothing of a Markdown table (a trial)."""
    return Token("table", attrs={"aria-label": box.attrs["aria-label"]})


def box_name(heading: str, number: int, header: list[str]) -> str:
    """A region must be named, and a screen reader says the name each time it enters the
    box. A Markdown table has no caption, so the heading it sits under says what it is
    about, as a data table's caption does ("Table under Hate crime by strand, region");
    its column headings would be read again at every cell. A table before any heading of
    its text (the theme's title is the page's, not the text's) is named by its first
    columns' headings instead, which say at least what it holds. `number`: which table
    under that heading this is, so two are told apart."""
    if heading:
        return f"Table under {heading}" if number == 1 else f"Table {number} under {heading}"
    named = [" ".join(words.split()) for words in header if words.strip()]
    if not named:
        return "Table"
    if len(named) > NAMED_COLUMNS:
        more = len(named) - NAMED_COLUMNS + 1
        named = named[:NAMED_COLUMNS - 1] + [f"{more} more"]
    return f"Table with columns {joined(named)}"


def check_row(ctx, line: int, columns: int, number: int) -> None:
    """Reports a body row whose cells are not as many as the header's. `line`: the row's
    line in the text, from 0; `number`: the row's place under the header, from 1."""
    typed = ctx.text_line(line).rstrip()   # its indent kept: the row given goes in its place
    written = _QUOTE_MARKS.sub("", typed).strip()
    if "\\" not in written and _pipe_count(written) == columns:
        return   # the common case, without splitting the row
    cells = row_cells(written)
    if len(cells) == columns:
        return
    at = Token(map=[line, line + 1])
    # named by its first cell too, as the editor reads the table (and as a data table's row is)
    first = f" ({cells[0].strip()})" if cells and cells[0].strip() else ""
    start = (f"row {number}{first} of this table has {count(len(cells), 'cell')} but its header "
             f"row has {columns}")
    if len(cells) < columns:
        ctx.warn(at, _short_row(start, typed, columns, columns - len(cells)))
        return
    _report_long_row(ctx, at, start, [cell.strip() for cell in cells[columns:]], columns)


def _report_long_row(ctx, at: Token, start: str, lost: list[str], columns: int) -> None:
    """`lost`: the cells past the header's, which the page leaves out."""
    one = len(lost) == 1
    if not any(lost):
        extra, pipes = ("cell is", "'|'") if one else (f"{len(lost)} cells are", "pipes")
        ctx.warn(at, f"{start}; the last {extra} empty, and the page leaves "
                     f"{'it' if one else 'them'} out. Take the extra {pipes} out of the row "
                     f"so it has {columns} cells.")
        return
    report = ctx.error if ctx.flavour.lost_cells_are_errors else ctx.warn
    shown = ", ".join(f"'{cell}'" for cell in lost if cell)
    them = "it" if one else "them"
    report(at, f"{start}, so the page leaves out its last "
               f"{'cell' if one else f'{len(lost)} cells'} ({shown}). Give the table a column "
               f"for {them} (a heading in the header row and a cell in every row), or take "
               f"{them} out of this row; a '|' that is part of a cell's text is written '\\|'.")


def _short_row(start: str, typed: str, columns: int, missing: int) -> str:
    """`typed`: the row as written, with any block quote's marks, to be filled out."""
    ended = typed if _ends_in_pipe(typed) else typed + " |"
    return (f"{start}, so the page shows it with {count(missing, 'cell')} left empty at "
            f"its end. Fill {'it' if missing == 1 else 'them'} in, or, where a cell is meant to be "
            f"empty, write it as an empty cell between pipes, '| |', so the row has {columns} "
            f"cells: {ended}{' |' * missing}")


def row_cells(written: str) -> list[str]:
    """The cells markdown-it reads in a row (`written`, stripped): split at each '|' not
    escaped, less the empty ends its outer pipes leave."""
    cells = _CELL_END.split(written)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _pipe_count(written: str) -> int:
    """The cells of a row holding no '\\', counted by its pipes."""
    return written.count("|") + 1 - written.startswith("|") - written.endswith("|")


def _ends_in_pipe(written: str) -> bool:
    return written.endswith("|") and not written.endswith("\\|")
