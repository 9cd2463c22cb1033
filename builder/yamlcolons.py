"""A key written without its ':', or without the space after it ('rag:green'): YAML
reads the key and what follows as one text, which runs on into the next line's key,
where PyYAML stops, a line or more late. `missing_colon` names the line the key is on,
and what to write.
"""
from __future__ import annotations

import re

from .yamlvalues import Explained

_KEY_THEN_VALUE = re.compile(r"([A-Za-z_][\w-]*)(?::(?!//)(\S.*)| +(\S.*))$")
_LONGEST_SHOWN = 40
_BARE_WORD = re.compile(r"[A-Za-z_][\w-]*\s*")


def missing_colon(rows: list[str], scalars: list, exc) -> Explained | None:
    problem = (exc.problem or "").strip()
    if problem == "could not find expected ':'" and exc.context_mark is not None:
        key = exc.context_mark  # PyYAML's own word: the key that starts here has no ':'
        may_continue = _may_continue_the_value_above(rows, key.line)
    elif problem.startswith("mapping values are not allowed"):
        key = _text_run_into_a_key(rows, scalars, exc.problem_mark)
        may_continue = False  # it starts its mapping, so there is no value above to continue
        if key is None:
            return _key_above_its_block(rows, scalars, exc.problem_mark) or \
                _key_run_into_its_value(rows, scalars, exc.problem_mark)
    else:
        return None
    if key is None or rows[key.line][:key.column].strip(" "):
        return None  # a list item or a value: not certainly a key
    written = rows[key.line][key.column:].rstrip()
    parts = _KEY_THEN_VALUE.match(written)
    if parts is None and problem != "could not find expected ':'":
        return None  # only PyYAML's own word makes a line that does not read 'key value' a key
    message = (_block_key_advice(written) if _heads_a_block(rows, key) else
               _colon_advice(parts, may_continue))
    return Explained(key.line + 1, key.column + 1, message)


def _run_on(scalars: list, mark):
    """The plain text that ran on from a line above right up to PyYAML's place, if any."""
    last = scalars[-1] if scalars else None
    if last is None or last.style or last.start_mark.line == mark.line:
        return None
    return last if (last.end_mark.line, last.end_mark.column) == (mark.line, mark.column) \
        else None


def _text_run_into_a_key(rows: list[str], scalars: list, mark):
    """Where plain text starts that ran on, line after line, into the next 'key: ':
    the first line of a mapping with no ':' reads as text until a line that has one."""
    last = _run_on(scalars, mark)
    if last is None:
        return None
    next_key = rows[mark.line]
    if len(next_key) - len(next_key.lstrip(" ")) != last.start_mark.column:
        return None  # not a sibling key: the text may be a value, or belong elsewhere
    if any(_is_content(row) for row in rows[:last.start_mark.line]):
        return None  # below a 'key:', the text may be its value and the next key mis-indented
    return last.start_mark


def _key_above_its_block(rows: list[str], scalars: list, mark) -> Explained | None:
    """A word alone on its line ('contacts') with an indented list or keys below it: PyYAML
    reads the word and the next line as one text, until that line's ': '."""
    last = _run_on(scalars, mark)
    if last is None:
        return None
    start = last.start_mark
    if not _heads_a_block(rows, start):
        return None
    return Explained(start.line + 1, start.column + 1,
                     _block_key_advice(rows[start.line][start.column:]))


def _heads_a_block(rows: list[str], key) -> bool:
    """Whether the line from `key` on is a word alone, and the next line is indented
    further: a key written without its ':' above its list or keys."""
    below = next((row for row in rows[key.line + 1:] if _is_content(row)), "")
    return bool(_BARE_WORD.fullmatch(rows[key.line][key.column:])) and \
        len(below) - len(below.lstrip(" ")) > key.column


def _block_key_advice(word: str) -> str:
    return (f"'{word.strip()}' has no ':' after it, so the lines below it are not read as "
            f"its value; write '{word.strip()}:'.")


def _is_content(row: str) -> bool:
    stripped = row.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped != "---"


def _may_continue_the_value_above(rows: list[str], line: int) -> bool:
    """Whether the line may be more of the text of the key above, left unindented: that key
    is at the same indentation, and its value is empty or several words, as wrapped text is."""
    above = next((row for row in reversed(rows[:line]) if _is_content(row)), None)
    key_above = re.match(r"( *)[A-Za-z_][\w-]*:(?: +(.*))?$", above or "")
    if key_above is None or len(key_above[1]) != len(rows[line]) - len(rows[line].lstrip(" ")):
        return False
    value = (key_above[2] or "").strip()
    return not value or (" " in value and value[0] not in "'\"[{|>&*!")


def _key_run_into_its_value(rows: list[str], scalars: list, mark) -> Explained | None:
    """A list item or a block's first key written 'name:Sam': PyYAML reads it as text
    running on into the next line, and stops there, at that line's ': '."""
    last = _run_on(scalars, mark)
    if last is None:
        return None
    start = last.start_mark
    if rows[start.line][:start.column].strip(" ") not in ("", "-"):
        return None   # a key's value: 'title: Re:Action' is text as it is written
    found = keys_run_into_values([rows[start.line][start.column:]])
    return Explained(start.line + 1, start.column + 1, found[0].message) if found else None


def keys_run_into_values(rows: list[str]) -> list[Explained]:
    """Each line written 'rag:green': a key is read only with a space after its ':', so
    YAML reads lines of these as one text, not keys, and raises nothing to explain. An
    address ('https://x.org') is no such line."""
    found = []
    for number, row in enumerate(rows):
        parts = run_together(row)
        if parts:
            found.append(Explained(number + 1, len(row) - len(row.lstrip()) + 1,
                                   _colon_advice(parts, may_continue=False)))
    return found


def run_together(text: str) -> re.Match | None:
    """'rag:green' as its key (group 1) and value (group 2), with no space between them
    after the ':'; None for any other text, and for an address ('https://x.org')."""
    parts = _KEY_THEN_VALUE.match(text.strip())
    return parts if parts and parts[2] else None


def _colon_advice(parts, may_continue: bool) -> str:
    if may_continue and parts is not None and len(parts[0].split()) > 2:
        # words, as wrapped text is: 'write in: two towns.' read as if it were a key (an
        # editor's trial), so the likelier mend comes first
        return ("this line reads as more of the text of the key above, written on a line of "
                "its own; indent it by two spaces (or join it to the line above) to keep it "
                f"part of that text. If it is a key, write '{parts[1]}: ...' with a colon.")
    if parts is None:
        advice = "this line has no ':' between its key and value; write the key, a colon and " \
                 "a space, then the value"
    else:
        key, value = parts[1], parts[2] or parts[3]
        if len(value) > _LONGEST_SHOWN:
            value = value[:_LONGEST_SHOWN].rsplit(" ", 1)[0].rstrip() + "..."
        what = "no space after its ':'" if parts[2] else "no ':' after its key"
        advice = (f"this line has {what}; write '{key}: {value}' (a key, a colon and a space, "
                  "then the value)")
    if may_continue:
        advice += ", or, if it is part of the value of the key above, indent it by two spaces"
    return advice + "."
