"""Where an editor's YAML mistake is, and what to write instead, once PyYAML has given up.

PyYAML reports where it noticed a mistake, which is not always where it was made.
`explain` names the place the editor should look, in plain words. Nothing here runs
unless PyYAML has already raised, so reading a good file costs nothing extra.
"""
from __future__ import annotations

import re
from typing import NamedTuple

import yaml


class Explained(NamedTuple):
    line: int  # 1-based, counted within the YAML text
    col: int  # 1-based; 0 when unknown
    message: str


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    """The editor's mistake behind `exc`: its line, column and the words for it."""
    rows = _rows(text)
    return _quote_open_at_the_end(rows, exc) or _as_pyyaml_says(rows, exc)


def _rows(text: str) -> list[str]:
    # The line breaks PyYAML counts, and only those, so its line numbers index this list.
    return re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text)


# --- quotes ---------------------------------------------------------------------------------

def _quote_open_at_the_end(rows: list[str], exc) -> Explained | None:
    """PyYAML reports a quote still open at the end of the file where the file ends."""
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        mark = exc.context_mark
        return Explained(mark.line + 1, mark.column + 1, "a quoted value that starts here is "
                         "never closed; add the closing quote mark at the end of the value.")
    return None


# --- otherwise, PyYAML's place in plain words -------------------------------------------------

# PyYAML's wording for the mistakes editors make most, in plain English.
_PLAIN = {
    "did not find expected ',' or ']'": "a list that opens with '[' is not closed with ']'",
    "did not find expected ',' or '}'": "a set of values that opens with '{' is not closed with '}'",
    "mapping values are not allowed here": "a value that contains ': ' must be in quotes",
    "mapping values are not allowed in this context": "a value that contains ': ' must be in "
                                                      "quotes",
    "could not find expected ':'": "a line is missing the ':' between key and value",
}
_UNCLOSED = ("did not find expected ',' or ']'", "did not find expected ',' or '}'")


def _as_pyyaml_says(rows: list[str], exc) -> Explained:
    mark = exc.problem_mark or exc.context_mark
    if (exc.problem or "").strip() in _UNCLOSED and exc.context_mark is not None:
        mark = exc.context_mark  # where the '[' or '{' opens, not where its end was due
    problem = (exc.problem or "could not be read").strip()
    here = rows[mark.line] if mark and mark.line < len(rows) else ""
    if "\t" in here[:len(here) - len(here.lstrip())]:  # PyYAML's words for this are obscure
        problem = "this line is indented with a tab; indent with spaces"
    if problem in _PLAIN or "indented with a tab" in problem:
        message = f"the YAML here is malformed: {_PLAIN.get(problem, problem)}."
    else:
        message = (f"the YAML here is malformed ({problem}); check the indentation and that "
                   "text containing ': ' is in quotes.")
    return Explained(mark.line + 1 if mark else 1, mark.column + 1 if mark else 0, message)
