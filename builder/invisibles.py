"""Characters pasted from Word or a web page that look like a space, a hyphen or nothing.

YAML reads a non-breaking space as text, not as a space: after 'rag:' it joins key and
value into one piece of text, and at the start of a line it is no indentation; nor is
Word's dash ('– name:') a list item's '-'. PyYAML then stops a line further on, in
words about quotes. An invisible character after a value ('amber' and a zero-width
space) makes a value that is not allowed, though its message shows what the editor
meant to write. So these are looked for only once a problem is being reported (PyYAML
has given up, or a value or key is not one the file allows), and a good file costs
nothing more to read. Inside a value's text they are text: a non-breaking space in a
summary is left alone.
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Any, NamedTuple

import yaml

from .pasted import BULLETS, INVISIBLE, INVISIBLE_JOINED, SPACES, SPACES_JOINED, code
from .yamlvalues import CURLY, Explained, wraps_whole

# What starts a list item in Word, in place of YAML's '-'.
DASHES = {"\u2013": "a dash from Word", "\u2014": "a dash from Word", "\u2212": "a minus sign",
          "\u2010": "a hyphen from Word", "\u2011": "a non-breaking hyphen from Word",
          **{bullet: "a bullet from Word" for bullet in BULLETS}}
# In a value, only these look exactly like a hyphen; a dash is seen to be longer.
HYPHENS = {"\u2010": "a hyphen pasted from Word or a web page",
           "\u2011": "a non-breaking hyphen (Word puts these in)"}

_SPACE_WHY = "Word puts these in; it looks like a space but YAML does not read it as one"
_PASTED = "often pasted from Word or a web page"
_ODD = SPACES_JOINED + INVISIBLE_JOINED
_LEAD = re.compile(f"[ \t{_ODD}]*")
# A key at the start of a line (after any list dashes) whose ':' an odd character follows.
_KEY = re.compile(f"[ \t]*(?:-[ \t]+)*([^\\s#'\"\\[\\]{{}},:-][^:]*?):(?=[{_ODD}])")
_DASH_THEN_ODD = {"-" + char for char in _ODD}
_MOST = 50  # lines tried, each read again: enough for a pasted list, and quick


class Spot(NamedTuple):
    column: int  # 1-based; 0 when unknown
    message: str
    fixed: str = ""  # the line as the editor meant it


# --- where YAML reads a line's shape ------------------------------------------------------------

def on_row(row: str) -> Spot | None:
    """An odd character where YAML reads a line's shape: in its indentation, as its list
    dash, or straight after its '-' or its key's ':'. Elsewhere it is in a value's text."""
    lead = _LEAD.match(row).group()
    odd = next((at for at, char in enumerate(lead) if char not in " \t"), None)
    if odd is not None:
        return _in_lead(row, lead, odd)
    if row[len(lead):len(lead) + 1] in DASHES:
        return _dash(row, len(lead))
    if row[len(lead):len(lead) + 2] in _DASH_THEN_ODD:
        return _after(row, len(lead) + 1, "'-'")
    key = _KEY.match(row)
    return _after(row, key.end(), f"'{key[1]}:'") if key else None


def _in_lead(row: str, lead: str, odd: int) -> Spot:
    char = lead[odd]
    spaced = "".join(" " if c in SPACES else c for c in lead if c not in INVISIBLE)
    if lead == row:
        message = f"this line looks empty but holds {_named(char)}: delete it."
        return Spot(odd + 1, message, "")
    if char in SPACES:
        message = (f"this line is indented with {_space(char)}: delete the "
                   "indentation and indent with ordinary spaces.")
    else:
        message = (f"there is an invisible character ({_invisible(char)}) at the "
                   "start of this line: delete it.")
    return Spot(odd + 1, message, spaced + row[len(lead):])


def _dash(row: str, at: int) -> Spot:
    char, rest = row[at], row[at + 1:]
    if rest[:1] in (" ", *SPACES):
        rest = rest[1:]
    return Spot(at + 1, f"this line starts with '{char}' ({DASHES[char]}): write '- ' (a "
                        "hyphen and a space) to start a list item.", row[:at] + "- " + rest)


def _after(row: str, at: int, what: str) -> Spot:
    char, rest = row[at], row[at + 1:]
    if char in SPACES:
        return Spot(at + 1, f"this line has {_space(char)} after {what}: "
                            "delete it and type an ordinary space.", row[:at] + " " + rest)
    spaced = rest[:1] in ("", " ", "\t")  # else the editor typed it in place of the space
    fix = "delete it." if spaced else "delete it and type an ordinary space."
    return Spot(at + 1, f"this line has an invisible character ({_invisible(char)}) "
                        f"after {what}: {fix}", row[:at] + ("" if spaced else " ") + rest)


def _named(char: str) -> str:
    return _space(char) if char in SPACES else f"an invisible character ({_invisible(char)})"


# Each named with its code point, to search for, as headings' are (`pasted.named`).
def _space(char: str) -> str:
    return f"{SPACES[char]} ({code(char)}: {_SPACE_WHY})"


def _invisible(char: str) -> str:
    return f"{code(char)}, {INVISIBLE[char]}, {_PASTED}"


# --- a value that looks like the one meant ------------------------------------------------------

def in_key(key: str, row: str) -> Spot | None:
    """A key that holds an odd character: where the line's shape has one (a line indented
    with non-breaking spaces reads as a key that starts with them), else as a value has."""
    if not any(char in _ODD or char in HYPHENS for char in key):
        return None
    return on_row(row) or in_value(key, row)


def in_value(value: Any, row: str) -> Spot | None:
    """An invisible character, or one that looks like a hyphen, in a value that is not
    allowed: its message would show the value as the one the editor meant to write.
    `row`: the line it is written on, to give the character's column."""
    if not isinstance(value, str):
        return None
    if value[:1] in CURLY and wraps_whole(value) and len(value) > 2:
        return Spot(_column(row, value[0]), f"{value[0]} and {CURLY[value[0]]} (curly quotes, "
                    "as Word writes them) are not quote marks in YAML, so they are read as "
                    f"part of '{value[1:-1]}'; type it without them: '{value[1:-1]}'.")
    hidden = [at for at, char in enumerate(value) if char in INVISIBLE]
    if hidden:
        return Spot(_column(row, value[hidden[0]]), _hidden_message(value, hidden))
    at = next((at for at, char in enumerate(value) if char in HYPHENS), None)
    if at is None:
        return None
    return Spot(_column(row, value[at]), f"'{value}' has {HYPHENS[value[at]]} after "
                f"'{value[:at]}'; it looks like a hyphen but is another character: type an "
                "ordinary hyphen (-) in its place.")


def _hidden_message(value: str, hidden: list[int]) -> str:
    shown = "".join(char for char in value if char not in INVISIBLE).strip()
    which = _invisible(value[hidden[0]])
    if len(hidden) > 1:
        return (f"'{shown}' has {len(hidden)} invisible characters in it (such as {which}): "
                "delete them.")
    before, after = value[:hidden[0]].strip(), value[hidden[0] + 1:].strip()
    if not after:
        return f"'{shown}' is followed by an invisible character ({which}): delete it."
    if not before:
        return f"'{shown}' has an invisible character in front of it ({which}): delete it."
    return f"'{shown}' has an invisible character ({which}) after '{before}': delete it."


def _column(row: str, char: str) -> int:
    return row.find(char) + 1  # 0, unknown, when the value is not on its key's line


# --- the ones PyYAML could not read past -------------------------------------------------------

def in_yaml_shape(rows: list[str], exc: yaml.MarkedYAMLError, loader) -> list[Explained]:
    """The lines whose odd characters, once fixed, let PyYAML read further: those, not
    PyYAML's place and words, are the mistakes to name. Each is tried with all the others
    fixed, as two lines with one each ('rag:' and 'summary:' then a non-breaking space)
    read as one text, and fixing either alone gets no further. A line of a block of text
    ('>') that starts with one is text, and fixing it changes nothing: it is not named."""
    spots = dict(islice(((line, spot) for line, row in enumerate(rows)
                         if (spot := on_row(row))), _MOST))
    meant = [_all_fixed(row) if line in spots else row for line, row in enumerate(rows)]
    best = _reached(meant, loader)
    if not spots or best <= _place(exc):
        return []
    return [Explained(line + 1, spot.column, spot.message) for line, spot in spots.items()
            if _reached(meant[:line] + [rows[line]] + meant[line + 1:], loader) < best]


def _all_fixed(row: str) -> str:
    for _ in range(len(row)):  # each fix takes one odd character away; a bound, to be sure
        spot = on_row(row)
        if spot is None:
            break
        row = spot.fixed
    return row


_READ_ALL = (1 << 62, 0)


def _reached(rows: list[str], loader) -> tuple[int, int]:
    """How far PyYAML reads `rows`: where it stops, or past any place when it reads all."""
    try:
        yaml.compose("\n".join(rows), Loader=loader)
    except yaml.MarkedYAMLError as exc:
        return _place(exc)
    except yaml.YAMLError:
        return (-1, -1)  # an error with no place: nothing to say it got further
    return _READ_ALL


def _place(exc) -> tuple[int, int]:
    mark = exc.problem_mark or exc.context_mark
    return (mark.line, mark.column) if mark is not None else (-1, -1)
