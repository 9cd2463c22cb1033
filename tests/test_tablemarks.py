"""builder.tablemarks: the mark a data table's placeholder leaves in HTML, and splitting at it."""
from __future__ import annotations

import random

import pytest

from builder.tablemarks import (PLACED_TABLE, TABLE_MARK, TABLE_PLACEHOLDER, TABLE_SPLIT,
                                split_at_tables, without_marks)


def mark(slug: str) -> str:
    return f'<p class="govuk-body">{TABLE_MARK.format(slug)}</p>'


def test_html_is_split_into_text_and_the_slug_of_each_table_between():
    html = f"<h2>A</h2>\n{mark('patrols')}\n<p>Between</p>\n{mark('stops')}"
    assert split_at_tables(html) == ["<h2>A</h2>\n", "patrols", "\n<p>Between</p>\n", "stops", ""]


def test_html_without_a_mark_is_one_piece():
    assert split_at_tables("<p>[[bulletin-table:</p>") == ["<p>[[bulletin-table:</p>"]
    assert split_at_tables("") == [""]


def test_without_marks_drops_each_mark_s_paragraph_and_keeps_the_rest():
    assert without_marks(f"<p>Before</p>\n{mark('patrols')}\n<p>After</p>") == \
        "<p>Before</p>\n\n<p>After</p>"
    assert without_marks("<p>No tables</p>") == "<p>No tables</p>"


@pytest.mark.parametrize("line, placeholder", [
    ("[table: patrols]", True), ("[table:drug-tests]", True), ("[Table: patrols]", False),
    ("[table: Patrols]", False), ("[table: patrols] and more", False),
])
def test_a_placeholder_is_a_lower_case_name_on_its_own(line, placeholder):
    assert bool(TABLE_PLACEHOLDER.match(line)) is placeholder


@pytest.mark.parametrize("line", ["[Table: Patrols]", "  [TABLE:  patrols ]  ", "[table: any name]"])
def test_a_line_meant_as_a_placeholder_is_recognised_however_it_is_written(line):
    assert PLACED_TABLE.match(line)


def test_splitting_at_table_marks_is_what_the_pattern_splits():
    """`split_at_tables` looks only where a mark is; `re` gives the same pieces."""
    pieces = ["<p>", '<p class="x">', "</p>", "[[bulletin-table:", "figures", "a-b", "]]", "]]</p>",
              ">", "<", "<pre>", "<p", "x", "\n", "<p>[[bulletin-table:ok]]</p>", "<h3>"]
    rng = random.Random(2026)
    for _ in range(20_000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert split_at_tables(html) == TABLE_SPLIT.split(html), repr(html)
