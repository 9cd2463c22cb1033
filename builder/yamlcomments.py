"""Text that YAML takes for a note: a value written with '#' in it, unquoted.

YAML reads ' #' and everything after it on the line as a comment, so
'summary: Centres refreshed #StopHate' publishes "Centres refreshed", and
'summary: #1 priority' publishes nothing, without a word from PyYAML. A note
meant for editors almost always has a space after its '#'; a '#' followed by a
word or a figure is taken as text that was lost, and reported with the quotes
that keep it.
"""
from __future__ import annotations

import re

from .errors import Problem, error
from .yamlvalues import in_quotes

_LOST = re.compile(r"^(?P<lead>[ \t]*(?:-[ \t]+)?(?P<key>[\w-]+):|[ \t]*-)"
                   r"(?:[ \t]+(?P<value>[^'\"\s#|>\[{][^\n]*?))?[ \t]+#(?P<rest>[^\s#][^\n]*)$",
                   re.MULTILINE)


def lost_to_comments(text: str, path: str, offset: int, key_lines: set[int]) -> list[Problem]:
    """`key_lines`: the file lines that hold a key, so a '#' in a block of text is left be."""
    if " #" not in text and "\t#" not in text:
        return []
    problems = []
    for match in _LOST.finditer(text):
        line = offset + text.count("\n", 0, match.start()) + 1
        if line in key_lines:
            column = match.start("rest") - match.start()   # of the '#', counted from 1
            problems.append(error(path, line, _message(match), column))
    return problems


def _message(match: re.Match) -> str:
    key, value, rest = match.group("key"), match.group("value"), match.group("rest").rstrip()
    whole = f"{value} #{rest}" if value else f"#{rest}"
    quoted = in_quotes(whole)
    named = f"'{key}'" if key else "this item"
    lost = f"{named} is left empty" if not value else f"'#{rest}' is left out of {named}"
    written = f"{key}: {quoted}" if key else f"- {quoted}"
    return (f"YAML reads '#' after a space as the start of a note for editors, so {lost}; "
            f"put the whole text in quotes: '{written}' (or, for a note, put a space after "
            "the '#').")
