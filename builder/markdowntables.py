"""What both Markdown writers add to a pipe table an editor writes: the scroll box a data
table has, named for screen readers.

A Markdown table was written bare: on a phone the whole page scrolled sideways
(725px wide at 320px, WCAG 1.4.10), where a data table scrolls inside its own box.
`builder.markdownitpy` and `builder.treewriter` call these functions at the same
places, so both write the same bytes.
"""
from __future__ import annotations

from .tokens import Token

# More column names than this make a box's name too long to hear on every visit.
NAMED_COLUMNS = 5


def box(ctx, header: list[str]) -> Token | None:
    """The <div> a table goes in (None where the flavour puts tables in none), given the
    words of its header cells. Called once a table, where it starts."""
    if not ctx.flavour.tables_in_boxes:
        return None
    ctx.tables_under_heading += 1
    return Token("div", attrs={"class": "bulletin-table", "role": "region",
                               "aria-label": box_name(ctx.last_heading,
                                                      ctx.tables_under_heading, header),
                               "tabindex": "0"})


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
    listed = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0]
    return f"Table with columns {listed}"
