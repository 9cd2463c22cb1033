"""A flat scan of sanitised HTML: where each element starts and ends, with no tree.

Generated decks only need to cut an entry's HTML at its sub-headings and read
some text, and HTMLParser (`dom.parse`) costs more than the rest of a monthly
deck put together. A deck on its own never scans, so this is not part of `dom`,
which every deck imports.
"""
from __future__ import annotations

import re
from html import unescape
from typing import NamedTuple

from .dom import VOID

# The input is sanitised HTML (nh3's output), in which every `<` in text is escaped,
# so one regular expression finds every tag.
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9]*)"""
                  r"""(?:\s+[^\s/>="']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*(/?)>""")


class Span(NamedTuple):
    """One element of a flat scan: `html[start:end]` is all of it,
    `html[inner_start:inner_end]` what is between its tags. A tuple, not a frozen
    dataclass: a monthly deck makes one for every element of every entry, and a
    frozen dataclass takes several times as long to make."""

    tag: str
    depth: int          # 0: not inside any other element
    start: int
    inner_start: int
    inner_end: int
    end: int


def scan(html: str, only: frozenset[str] | None = None) -> list[Span]:
    """Every element of `html` (or those named in `only`), in document order. An element
    left open ends where its parent does, as HTMLParser's tree (`dom.parse`) has it.
    Elements left out still count for the depth of those inside them; leaving them out
    spares making a Span for each cell of every table, most of an entry's tags."""
    spans: list[Span | None] = []
    open_: list[tuple[str, int, int, int]] = []   # (tag, start, inner_start, index in spans)
    still_open: dict[str, int] = {}
    pos = 0
    while (tag := _TAG.search(html, pos)) is not None:
        pos = tag.end()
        name = tag.group(2).lower()
        wanted = only is None or name in only
        if not tag.group(1):
            if name == "table" and not wanted:
                skipped = _past_table(html, pos, only)
                if skipped is not None:
                    pos = skipped
                    continue
            if name in VOID or tag.group(3):
                if wanted:
                    spans.append(Span(name, len(open_), tag.start(), tag.end(), tag.end(),
                                      tag.end()))
            else:
                open_.append((name, tag.start(), tag.end(), len(spans) if wanted else -1))
                still_open[name] = still_open.get(name, 0) + 1
                if wanted:
                    spans.append(None)
            continue
        if not still_open.get(name):
            continue
        while open_:
            entry = open_.pop()
            still_open[entry[0]] -= 1
            if entry[3] >= 0:
                spans[entry[3]] = Span(entry[0], len(open_), entry[1], entry[2], tag.start(),
                                       tag.end() if entry[0] == name else tag.start())
            if entry[0] == name:
                break
    while open_:
        entry = open_.pop()
        if entry[3] >= 0:
            spans[entry[3]] = Span(entry[0], len(open_), entry[1], entry[2], len(html),
                                   len(html))
    return [span for span in spans if span is not None]


_TABLE_END = "</table>"
_LT_IN_VALUE = re.compile(r'="[^"]*<')


def _past_table(html: str, inner_start: int, only: frozenset[str]) -> int | None:
    """Where a table whose elements all go unrecorded ends, to step over it whole; None
    if it may hold a wanted element. Its rows and cells are most of an entry's tags.
    nh3's output nests every element inside its table and closes each, so the table
    leaves the scan as it found it; the checks decline a nested table, a wanted tag,
    and a '<' inside a quoted value (where '</table>' could be text, as it is where
    the cut leaves a value open)."""
    end = html.find(_TABLE_END, inner_start)
    if end < 0:
        return None
    inside = html[inner_start:end]
    if "<table" in inside or any(f"<{name}" in inside for name in only) or (
            _LT_IN_VALUE.search(inside) or _ends_in_a_value(inside)):
        return None
    return end + len(_TABLE_END)


def _ends_in_a_value(html: str) -> bool:
    # a quoted value holds no '"' (nh3 writes it as &quot;), so an open one is the last
    last = html.rfind('="')
    return last >= 0 and html.find('"', last + 2) < 0


def text_of(html: str) -> str:
    """The text of an HTML snippet: its tags dropped, its character references read."""
    return unescape(_TAG.sub("", html))
