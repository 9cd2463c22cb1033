"""The mark a data table's placeholder leaves in a text's HTML, and splitting at it.

`[table: slug]` on a line of its own becomes a paragraph holding TABLE_MARK; the
pages and decks put the table there (`markdown.Fragment.parts`, `decks.monthly`).
"""
from __future__ import annotations

import re

# `[table: slug]` as a paragraph's whole text: the Markdown renderers put the mark there.
TABLE_PLACEHOLDER = re.compile(r"^\[table:\s*([a-z0-9-]+)\s*\]$")
# A line an editor meant as one (other capitals, spaces, any name), so the check can say
# what to write where the renderers would show it as text.
PLACED_TABLE = re.compile(r"^\s*\[table:\s*(.*?)\s*\]\s*$", re.IGNORECASE)
TABLE_MARK = "[[bulletin-table:{}]]"
TABLE_SPLIT = re.compile(r"<p[^>]*>\[\[bulletin-table:([a-z0-9-]+)\]\]</p>")
# What every placeholder holds: a text without it is not split.
TABLE_MARK_START = "[[bulletin-table:"


def split_at_tables(html: str) -> list[str]:
    """`TABLE_SPLIT.split(html)`: text, slug, text, ... `re` tried the pattern at every
    <p of every entry on every page and deck showing it; this looks only where a mark
    is. A match's '>' is just before a mark, and its '<p' is the first after the last
    '>' before that: the leftmost start `re` would find."""
    pieces, pos, at = [], 0, html.find(TABLE_MARK_START)
    while at >= 0:
        match = None
        if at > pos and html[at - 1] == ">":
            start = html.find("<p", html.rfind(">", pos, at - 1) + 1 or pos, at - 1)
            match = TABLE_SPLIT.match(html, start) if start >= pos else None
        if match is not None:
            pieces += [html[pos:match.start()], match.group(1)]
            pos = match.end()
        at = html.find(TABLE_MARK_START, max(pos, at + 1))
    pieces.append(html[pos:])
    return pieces


def without_marks(html: str) -> str:
    """`html` without its tables' marks (their paragraphs)."""
    return "".join(split_at_tables(html)[0::2]) if TABLE_MARK_START in html else html
