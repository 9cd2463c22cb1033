"""An entry's sub-items, as a monthly deck shows them: each sub-heading's text, the
HTML under it, and the key points its slide lists.

Read from one flat scan of the entry's sanitised HTML (`spans.scan`).
"""
from __future__ import annotations

import functools
from array import array
from itertools import islice
from typing import Callable, NamedTuple

from ..keypoints import MAX_WORDS, key_point, shorten
from ..tablemarks import without_marks
from ..treewriter import OUTLINED_H3, OUTLINED_LI, OUTLINED_P
from . import spans

MAX_POINTS = 5

# An entry's sub-items come from one scan of its HTML (`spans.scan`), which depends
# on nothing else: `bulletin serve`, which builds again on every save, keeps the
# results for HTML it has seen (bounded).
_SEEN = 1 << 16
_SUBITEM_TAGS = frozenset({"h3", "li", "p"})   # what the split and the points read


class Subitem(NamedTuple):
    title: str
    html: str
    points: tuple[str, ...]   # what its slide lists: its list items, else its paragraphs (key_point)


class Split(NamedTuple):
    """An entry's HTML as its deck reads it."""

    intro: str                    # the text before the first sub-heading
    parts: tuple[Subitem, ...]    # its sub-items
    # The intro's key points where there are no sub-items, read as a sub-item's are: a
    # theme with no sub-headings showed the chamber its status and nothing of its
    # update, which was in the speaker notes alone (a councillor's officer's trial).
    points: tuple[str, ...] = ()


def split_subitems(html: str, remember: bool = True) -> Split:
    """An entry's HTML as its intro, its sub-items, and the intro's points where it has
    no sub-items."""
    return (_remembered_split if remember else _split)(html)


def split_outlined(html: str, outline: bytes) -> Split:
    """`split_subitems` of `html` without its tables' marks, read from where the fast
    writer put its elements (`Fragment.outline`) instead of a scan of every element: the
    scan was a twentieth of a clean build. The marks' paragraphs are not in the outline,
    and each piece of HTML loses its marks."""
    numbers = array("I")
    numbers.frombytes(outline)
    found = [spans.Span(_OUTLINED[numbers[i]], int(numbers[i] == OUTLINED_LI), numbers[i + 1],
                        numbers[i + 2], numbers[i + 3], numbers[i + 4])
             for i in range(0, len(numbers), 5)]
    # The writer records an element as it closes, so a nested item comes before the item
    # holding it; a scan finds them in the text's order, as the points must be read.
    found.sort(key=lambda span: span.start)
    return _split_at(html, found, without_marks)


_OUTLINED = {OUTLINED_H3: "h3", OUTLINED_LI: "li", OUTLINED_P: "p"}


def _split(html: str) -> Split:
    return _split_at(html, spans.scan(html, only=_SUBITEM_TAGS), lambda piece: piece)


def _split_at(html: str, found: list[spans.Span], cut: Callable[[str], str]) -> Split:
    headings = [s for s in found if s.depth == 0 and s.tag == "h3"]
    if not headings:   # the spans found are the intro's: its points cost no second scan
        return Split(cut(html), (), _points(html, found))
    ends = [h.start for h in headings[1:]] + [len(html)]
    # Nothing is open where a top-level heading starts or ends, so the spans between
    # one heading's end and the next are those a scan of that stretch alone would give.
    return Split(cut(html[:headings[0].start]), tuple(
        Subitem(" ".join(spans.text_of(html[h.inner_start:h.inner_end]).split()),
                cut(html[h.end:end]),
                _points(html, [s for s in found if h.end <= s.start and s.end <= end]))
        for h, end in zip(headings, ends)))


_remembered_split = functools.lru_cache(maxsize=_SEEN)(_split)


def _points(html: str, found: list[spans.Span]) -> tuple[str, ...]:
    """The list items among `found`, else each top-level paragraph as a key point."""
    # only the first few are cut to a point: an intro of a dozen paragraphs had each cut
    items = [spans.text_of(html[s.inner_start:s.inner_end]) for s in found if s.tag == "li"]
    if items:
        return tuple(islice((shorten(" ".join(item.split()), MAX_WORDS)
                             for item in items if item.strip()), MAX_POINTS))
    paragraphs = (spans.text_of(html[s.inner_start:s.inner_end])
                  for s in found if s.depth == 0 and s.tag == "p")
    return tuple(islice((key_point(p) for p in paragraphs if p.strip()), MAX_POINTS))
