"""What a key a file does not use is told: a misspelling, one in capitals, another word,
or a key that holds a character pasted from Word.

A key is compared with the keys a file uses, as written: a key that holds an invisible
character ('rag' and a zero-width space) or begins with non-breaking spaces (a line
indented with them reads as a new key) would be told it is not one, and given the key
the editor wrote as the one to write. It is an error, as a misspelt key is: no key of
the file was meant by it, so what is written under it would be left out.
"""
from __future__ import annotations

import difflib
import re
from typing import Any, Callable

from . import invisibles
from .errors import Problem, error, warning
from .yamlcolons import run_together

# A slip of a letter or two ('sumary', 'tabels'); lower, a different word was named
# ('updated' for 'no_update', 'renamed' for 'ended').
_SLIP = 0.8


def said_of(key: Any, allowed: set[str], meant: dict[str, str], written: dict, row: str
            ) -> tuple[Callable[..., Problem], str, int]:
    """How to report `key` (error or warning), in what words and at what column (0: none).
    `meant`: advice for a key written for another purpose ('updated' where 'corrections'
    says what changed); `written`: the keys beside it; `row`: the line it is written on."""
    spot = invisibles.in_key(str(key), row)
    if spot is not None:
        return error, spot.message, spot.column
    return (*_misspelt_or_other(key, allowed, meant, written, row), 0)


def misspelt_in(key: str, keys) -> bool:
    """Whether `keys` holds a slip of `key`'s letters ('row' for 'rows'): such a key has an
    error of its own saying what it meant, and "'rows' is missing" beside it said the same
    twice (an editor's trial)."""
    written = [str(k) for k in keys]
    for slip in written:
        if slip == key:
            continue
        # only where `key` is what it was meant for, as the key's own error will say: a
        # 'totle:' beside 'total:' may mean either, and 'title' missing stays an error
        rivals = {key} | {other for other in written if other != slip}
        if _slip_of(slip, rivals) == [key]:
            return True
    return False


def run_into_its_value(key: str, keys) -> bool:
    """Whether `keys` holds `key` run into its value ('label:CSP', read as one key): its
    error says to write the space, and is not to be told "'label' is missing" beside it."""
    return any((run := run_together(str(k))) is not None and run[1] == key for k in keys)


def _misspelt_or_other(key: Any, allowed: set[str], meant: dict[str, str], written: dict,
                       row: str) -> tuple[Callable[..., Problem], str]:
    guess = _slip_of(str(key), allowed)
    run = run_together(str(key))
    if run and run[1] in allowed and run[1] not in written:
        # '{label:CSP}' is read as a key 'label:CSP' with no value: the label was lost
        return error, (f"'{key}' has no space after its ':', so it is not read as "
                       f"'{run[1]}' and what it says is left out; write '{run[1]}: {run[2]}'.")
    if key in meant:
        # 'correction:' for 'corrections:' published its note to no one: an error, as any
        # slip of a key's letters is
        if guess and guess[0] not in written:
            return error, (f"'{key}' is not a key this file uses, so what it says is left "
                           f"out; {meant[key]}")
        return warning, f"'{key}' is not a key this file uses, so it is ignored; {meant[key]}"
    if str(key).lower() in allowed and str(key).lower() not in written:
        return error, _in_small_letters(str(key), row)
    if guess and guess[0] not in written:
        # a misspelt key: what was written under it would be lost without a word
        return error, (f"'{key}' is not a key this file uses; did you mean '{guess[0]}'? As "
                       "it is written, what it says is left out.")
    hint = f" Did you mean '{guess[0]}'?" if guess else \
        f" Known keys here: {', '.join(sorted(allowed))}."
    return warning, f"'{key}' is not a key this file uses, so it is ignored.{hint}"


def _slip_of(key: str, allowed: set[str]) -> list[str]:
    """The key `key` is a slip for: one close to it, or one with its letters swapped round
    ('nmae' for 'name' is only 0.75 alike by difflib's count, and was given just the
    keys to choose from, beside "contact 1 has no name": an editor's trial)."""
    swapped = [known for known in sorted(allowed) if sorted(known) == sorted(key.lower())]
    return swapped[:1] or difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=_SLIP)


def _in_small_letters(key: str, row: str) -> str:
    """The line as written with its key in small letters: made from the value as YAML read
    it, 'RAG: "Knife crime: down"' was given as a line YAML refuses."""
    written = re.match(rf"\s*(?:-\s+)*(?P<quote>[\"']?)(?P<key>{re.escape(key)})(?P=quote)\s*:",
                       row)
    if written is None:   # not found on its line: the key alone, with nothing said to drop
        return (f"'{key}' must be written in small letters, as every key is, or what it says "
                f"is left out; write it '{key.lower()}'.")
    at = written.start("key")
    fixed = (row[:at] + key.lower() + row[at + len(key):]).strip()
    return (f"'{key}' must be written in small letters, as every key is, or what it says is "
            f"left out; write the line as: {fixed}")
