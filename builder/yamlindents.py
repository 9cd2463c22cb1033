"""A key or list item indented to a column that YAML cannot place, with the column to use.

PyYAML says only that a value must not hold ': ', or that it "did not find expected
key"; the editor needs to hear which key is out of line and how many spaces it wants.
"""
from __future__ import annotations

import re

from .texts import count
from .yamlvalues import Explained

_KEY_LINE = re.compile(r"(\s*)(?:-\s+)?([\w-]+):(?:\s|$)")


def indented_under(rows: list[str], exc) -> Explained | None:
    """A key indented further than the key on the line above: PyYAML reads it as more of
    that key's value, and says only that a value must not hold ': '."""
    mark = exc.problem_mark
    if not (exc.problem or "").startswith("mapping values are not allowed") or mark is None:
        return None
    here = _KEY_LINE.match(rows[mark.line]) if mark.line < len(rows) else None
    line = next((n for n in range(mark.line - 1, -1, -1) if rows[n].strip()), None)
    over = _KEY_LINE.match(rows[line]) if line is not None else None
    # PyYAML stops at this key's own colon; at a later one the value holds ': ' instead
    if here is None or over is None or here.start(2) <= over.start(2) or \
            mark.column != here.end(2):
        return None
    key, other = here.group(2), over.group(2)
    if DASHED_KEY.match(other):   # '-name:' reads as a key, so the next line is under it
        return _dash_without_space(rows[line], line, over.start(2))
    return Explained(mark.line + 1, here.start(2) + 1, f"'{key}:' is indented further than "
                     f"'{other}:' on the line above, so it reads as part of that value; start "
                     f"'{key}:' in the same column as '{other}:' (or, if this line is more of "
                     "the text above, put that text in quotes).")


def _dash_without_space(row: str, line: int, dash: int) -> Explained:
    return Explained(line + 1, dash + 1, no_space_after_dash(
        row[dash:].split(":")[0], f"- {row[dash + 1:].strip()}"))


# A list item's '-' with no space after it ('-name'), which YAML reads as part of a key:
# not '- name', nor '---'
DASHED_KEY = re.compile(r"-[^\s-]")


def no_space_after_dash(key: str, fixed: str) -> str:
    """For a list item written '-name: Sam', which YAML reads as the key '-name'."""
    return (f"this '-' has no space after it, so '{key}' reads as a key, not a list item; "
            f"write '{fixed}', with a space after the '-'.")


# PyYAML's words when a line starts left of the keys of the block it is in, but right of
# the block's own key, so it belongs to neither
_LINED_UP_WITH_NOTHING = ("did not find expected key", "did not find expected '-' indicator")
_DASH_LINE = re.compile(r"(\s*)-(?:\s|$)")


def indented_between(rows: list[str], exc) -> Explained | None:
    """A key or list item starting in a column no key (or item) above it starts in: the
    nearest such column above is most likely the one meant."""
    mark = exc.problem_mark
    if (exc.problem or "").strip() not in _LINED_UP_WITH_NOTHING or mark is None or \
            mark.line >= len(rows):
        return None
    row = rows[mark.line]
    dash, key = _DASH_LINE.match(row), _KEY_LINE.match(row)
    if dash is None and key is None:
        return None
    column = len(row) - len(row.lstrip(" "))
    found = _closest_above(rows[:mark.line], column, dash is not None)
    if found is None:
        return None
    target, other = found
    if dash is not None:
        what, like = (f"'- {key.group(2)}:'" if key else "this list item"), "the '- ' above it"
    else:
        what, like = f"'{key.group(2)}:'", f"'{other}:' above it"
    fix = (f"start it at the beginning of the line, as {like} does" if target == 0 else
           f"indent it {count(target, 'space')}, as {like} is")
    return Explained(mark.line + 1, column + 1,
                     f"{what} is indented {count(column, 'space')}, in line with no key of its block, so "
                     f"YAML cannot tell what it belongs to; {fix}, if it goes with it.")


def _closest_above(rows: list[str], column: int, dash: bool) -> tuple[int, str] | None:
    """The column nearest `column` at which a key (or, for a list item, a '- ') starts
    above, and that key; the lowest line's among equals."""
    best: tuple[int, int, str] | None = None
    for row in reversed(rows):
        found = _DASH_LINE.match(row) if dash else _KEY_LINE.match(row)
        if found is None or row.lstrip().startswith("#"):
            continue
        start = found.end(1) if dash else found.start(2)
        if start != column and (best is None or abs(start - column) < best[0]):
            best = (abs(start - column), start, "" if dash else found.group(2))
    return (best[1], best[2]) if best else None
