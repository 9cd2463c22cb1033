"""Where an editor's YAML mistake is, and what to write instead, once PyYAML has given up.

PyYAML reports where it noticed a mistake, often a line or more below where it was
made: an unclosed quote runs on to the next quote mark in the file, and a key without
its ':' runs into the next key. `explain` looks back from PyYAML's place for the
mistakes editors make most and names the line they made them on; when none fits for
certain it keeps PyYAML's place, worded plainly. Nothing here runs unless PyYAML has
already raised, so reading a good file costs nothing extra.

`mistakes` asks `invisibles` first: a character pasted from Word that looks like a space
or a dash, where YAML reads a line's shape, is a mistake PyYAML reports a line late, and
in words about quotes.
"""
from __future__ import annotations

import re

import yaml

from .invisibles import in_yaml_shape
from .yamlcolons import missing_colon
from .yamlindents import indented_between, indented_under
from .yamlvalues import Explained, colon_in_value, needs_quotes


def mistakes(text: str, exc: yaml.MarkedYAMLError, loader) -> list[Explained]:
    """Every character pasted from Word that PyYAML could not read past, or, with none,
    the one mistake `explain` finds."""
    return in_yaml_shape(split_rows(text), exc, loader) or [explain(text, exc, loader)]


def explain(text: str, exc: yaml.MarkedYAMLError, loader) -> Explained:
    """The editor's mistake behind `exc`: its line, column and the words for it."""
    lines = split_rows(text)
    found = _quote_open_at_the_end(lines, exc)
    if found is None and exc.problem_mark is not None:
        scalars = _scalars_before(text, exc.problem_mark, loader)
        found = _quote_mistake(lines, scalars, exc.problem_mark) or \
            missing_colon(lines, scalars, exc)
    return (found or needs_quotes(lines, exc) or indented_under(lines, exc)
            or indented_between(lines, exc)
            or colon_in_value(lines, exc) or _as_pyyaml_says(lines, exc))


def split_rows(text: str) -> list[str]:
    # The line breaks PyYAML counts, and only those, so its line numbers index this list.
    return re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text)


def _scalars_before(text: str, mark, loader) -> list:
    """The scalar tokens PyYAML read before `mark`, with where each starts and ends."""
    found = []
    try:
        for token in yaml.scan(text, Loader=loader):
            if (token.end_mark.line, token.end_mark.column) > (mark.line, mark.column):
                break
            if isinstance(token, yaml.ScalarToken):
                found.append(token)
    except yaml.YAMLError:
        pass  # the scanner's own complaint is the one being explained
    return found


# --- quotes ---------------------------------------------------------------------------------

def _never_closed(rows: list[str], mark) -> Explained:
    quote = rows[mark.line][mark.column]
    return Explained(mark.line + 1, mark.column + 1, f"this text opens a quote ({quote}) that "
                     f"is never closed; end it with {quote} on the same line.")


def _quote_open_at_the_end(rows: list[str], exc) -> Explained | None:
    """PyYAML reports a quote still open at the end of the file where the file ends."""
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        return _never_closed(rows, exc.context_mark)
    return None


def _quote_mistake(rows: list[str], scalars: list, mark) -> Explained | None:
    """A quote mark on PyYAML's line closed a quoted value, and text went on after it."""
    quoted = [token for token in scalars if token.style in ("'", '"')]
    if not quoted or quoted[-1].end_mark.line != mark.line:
        return None
    if _runs_on(rows, quoted[-1]):
        return _never_closed(rows, quoted[-1].start_mark)
    if _text_follows(rows, quoted[-1], mark):
        return _ends_early(rows, quoted[-1])
    return None


# A line's indentation, any list dashes, then a key and ': ', up to where a value starts.
_BEFORE_VALUE = re.compile(r"( *)((?:- +)*)([^\s#'\"\[\]{}-][^#]*?: +)?$")
_KEY_OR_ITEM = re.compile(r"( *)(?:-(?: |$)|[^\s#'\"\[\]{},-][^:#]*:(?: |$))")


def _runs_on(rows: list[str], token) -> bool:
    """A quote that swallowed the next key or list item was never closed on its own line:
    a value's text cannot go on at its key's indentation or less, so that line was meant
    as a key, and the quote mark that closed the value opened another."""
    start, end = token.start_mark, token.end_mark
    before = _BEFORE_VALUE.match(rows[start.line][:start.column])
    if end.line == start.line or before is None:
        return False
    owner = len(before[1]) + (len(before[2]) if before[3] else 0)  # the key's column, or the dash's
    swallowed = rows[start.line + 1:end.line] + [rows[end.line][:end.column - 1]]
    return any((line := _KEY_OR_ITEM.match(row)) and len(line[1]) <= owner for row in swallowed)


def _text_follows(rows: list[str], token, mark) -> bool:
    """PyYAML stopped at text straight after a closing quote, on the same line."""
    end, row = token.end_mark, rows[mark.line]
    return (end.column <= mark.column < len(row)
            and not row[end.column:mark.column].strip(" ") and row[mark.column] not in ":,]}#'\"")


def _ends_early(rows: list[str], token) -> Explained:
    start, end = token.start_mark, token.end_mark
    quote = rows[start.line][start.column]
    fixes = _requoted(rows[start.line], start.column, quote) if start.line == end.line else None
    if fixes:
        message = f"this {quote} ends the quoted text early, as more text follows it; {fixes}."
    elif quote == "'":
        message = ("this ' ends the quoted text, but more text follows it; put the whole value "
                   "inside one pair of quotes, writing any apostrophe inside it twice ('').")
    else:
        message = ('this " ends the quoted text, but more text follows it; put the whole value '
                   'inside one pair of quotes, writing any " inside it as \\".')
    return Explained(end.line + 1, end.column, message)  # at the quote mark that ended it


def _requoted(row: str, column: int, quote: str) -> str | None:
    """The value rewritten so the quote mark inside it no longer ends it, when the line
    shows where the editor meant it to end (with the same quote mark)."""
    line_end = row.rstrip()
    if len(line_end) - 1 <= column or not line_end.endswith(quote):
        return None
    inner = line_end[column + 1:-1]
    if quote == "'":
        value = inner.replace("''", "'")
        twice = "'" + value.replace("'", "''") + "'"
        if '"' in value or "\\" in value:
            return f"write {twice} (an apostrophe inside single quotes is written twice)"
        return (f'write "{value}" (in double quotes), or {twice} (an apostrophe inside single '
                "quotes is written twice)")
    value = inner.replace('\\"', '"')
    if "\\" in value:
        return None  # other escapes: rewriting them is beyond a one-line hint
    escaped = '"' + value.replace('"', '\\"') + '"'
    if "'" in value:
        return f'write {escaped} (a " inside double quotes is written \\")'
    return f"write '{value}' (in single quotes), or {escaped} (a \" inside double quotes is " \
           'written \\")'


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
