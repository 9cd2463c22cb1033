"""A value YAML reads as something other than the text it looks like, and the quotes it needs.

`yamlmistakes.explain` asks here once PyYAML has given up; `in_quotes` is also how
other messages tell an editor to quote a value (`yamlcomments`), and `as_yaml` how they
show one that YAML read as a list or set of keys (`fields`, `unknownkeys`).
"""
from __future__ import annotations

import re
from typing import NamedTuple


class Explained(NamedTuple):
    line: int  # 1-based, counted within the YAML text
    col: int  # 1-based; 0 when unknown
    message: str


# --- a value YAML reads as something else ------------------------------------------------------

_VALUE = re.compile(r"(\s*(?:-\s+)?(?:[\w-]+:\s+)?)(\S.*?)\s*$")
CURLY = {"\u201c": "\u201d", "\u2018": "\u2019"}   # Word's opening quotes, and their ends
_SIGNS = "*&@`!%"   # a value may not start with these unquoted


def needs_quotes(rows: list[str], exc) -> Explained | None:
    """A value in Word's curly quotes, or starting with a sign YAML keeps for itself
    ('*New*', '@police'): PyYAML names the sign or a ': ' further on, never the quotes."""
    mark = exc.problem_mark
    parts = _VALUE.match(rows[mark.line]) if mark is not None and mark.line < len(rows) else None
    if parts is None:
        return None
    lead, value = parts.groups()
    if value[0] in CURLY and wraps_whole(value):
        # the editor's kind of quote where it loads the text as written: single quotes with
        # each apostrophe doubled always do; double ones not round a '"' or a backslash
        text = value[1:-1]
        fixed = in_quotes(text) if value[0] == "\u201c" else _single_quoted(text)
        return Explained(mark.line + 1, len(lead) + 1, f"{value[0]} and {CURLY[value[0]]} "
                         "(curly quotes, as Word writes them) are not quote marks in YAML; "
                         f"type straight ones, so the line is: {_line_with(lead, fixed)}")
    if value[0] in _SIGNS:
        return Explained(mark.line + 1, len(lead) + 1, f"a value that starts with "
                         f"'{value[0]}' must be in quotes; write the line as: "
                         f"{_line_with(lead, in_quotes(value))}")
    return None


def wraps_whole(value: str) -> bool:
    """Curly quotes round the whole value were meant as YAML's; in '“Centres: reopened” in
    two towns.' they are the text's own, and made straight they would end the value early
    and publish the closing one. An apostrophe (’) may stand inside ‘ and ’."""
    opening, closing = value[0], CURLY[value[0]]
    inner = value[1:-1]
    return (len(value) > 1 and value.endswith(closing) and opening not in inner
            and (opening == "\u2018" or closing not in inner))


def in_quotes(text: str) -> str:
    """`text` quoted as an editor types it: in double quotes, or, when it holds a '"' or a
    backslash (which double quotes read as the start of an escape: 'N\\A' would not load,
    'C:\\new' would hold a line break), in single quotes with each apostrophe doubled. Text
    that holds Word's curly double quotes and no apostrophe is in single quotes too, so the
    quote to type and the text's own are told apart: '“Centres: open” in May', not
    "“Centres: open” in May"."""
    curly = "\u201c" in text or "\u201d" in text
    if '"' in text or "\\" in text or (curly and "'" not in text):
        return _single_quoted(text)
    return f'"{text}"'


def _single_quoted(text: str) -> str:
    """`text` in YAML's single quotes, which read every character as written but an
    apostrophe, doubled."""
    return "'" + text.replace("'", "''") + "'"


def as_yaml(value) -> str:
    """A value as an editor wrote it in YAML ('[green]'), not as Python prints it ("['green']")."""
    if isinstance(value, list):
        return "[" + ", ".join(as_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {as_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _line_with(lead: str, value: str) -> str:
    return f"{lead.strip()} {value}".lstrip()


# --- a value that holds ': ' -------------------------------------------------------------------

# A key as this tool's files write them (lowercase, like 'title:' or 'no-heading:'), so text
# in a list of strings ('- Note: Terms: agreed') is not taken for a key and half quoted.
_KEY_THEN_TEXT = re.compile(r"( *(?:- +)?[a-z][\w.-]*: +)([^'\"\[{|>&*!%@`#\s].*?) *$")
_LONGEST_QUOTED = 60


def colon_in_value(rows: list[str], exc) -> Explained | None:
    """A value with a ': ' inside it (a title like 'Westshire: Community Safety'): told only
    that it must be in quotes, an adopting council did not see where they go."""
    mark = exc.problem_mark
    if not (exc.problem or "").startswith("mapping values are not allowed") or mark is None:
        return None
    parts = _KEY_THEN_TEXT.match(rows[mark.line]) if mark.line < len(rows) else None
    # the ': ' PyYAML stopped at is inside this line's value
    if parts is None or mark.column <= parts.end(1):
        return None
    return Explained(mark.line + 1, mark.column + 1, "the YAML here is malformed: a value that "
                     f"contains ': ' must be in quotes; {_quoted_advice(parts[1], parts[2])}")


def _quoted_advice(key: str, value: str) -> str:
    """Outside quotes a ' #' starts a note for editors, inside them it is text: which was
    meant is the editor's to say, so both lines are given."""
    text, hashed, note = value.partition(" #")
    if not hashed:
        return _write_quoted(key, value)
    return (f"{_write_quoted(key, text.rstrip())} #{note} (or, if the '#' is part of the "
            f"text, {_line_with(key, in_quotes(value))})")


def _write_quoted(key: str, value: str) -> str:
    # the line last, after a colon and in no quotes of the message's own, so that quotes
    # around a value that holds quotes are not lost among them
    quoted = in_quotes(value)
    if len(quoted) <= _LONGEST_QUOTED:
        return f"write the line as: {_line_with(key, quoted)}"
    # its start and end show where the quote marks go, and the line stays readable
    start = quoted[:_LONGEST_QUOTED // 2].rsplit(" ", 1)[0]
    end = quoted[-_LONGEST_QUOTED // 4:].split(" ", 1)[-1]
    return f"put the whole value in quotes, like this: {_line_with(key, start)} ... {end}"
