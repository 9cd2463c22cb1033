"""JavaScript regular expressions, as deck authors write them, run by Python's `re`.

reveal-md passes `separator`, `verticalSeparator` and `notesSeparator` to
reveal.js, which builds `new RegExp(text, "mg")` (notes: `"mgi"`). The two
syntaxes agree on everything separators use except where a line starts and
ends: with the `m` flag JavaScript's `^` and `$` treat `\\r` as a line break
too (so CRLF files split the same way), and without it `$` is the very end,
not "before a final newline" as in Python. Named groups are spelt differently.
This module rewrites those pieces and leaves the rest alone.
"""
from __future__ import annotations

import re

_LINE_BREAKS = "\\n\\r\\u2028\\u2029"


def translate(source: str, *, multiline: bool) -> str:
    """The Python spelling of the JavaScript pattern `source`."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            out.append(source[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
            out.append(char)
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "^":
            out.append(f"(?:(?<=[{_LINE_BREAKS}])|\\A)" if multiline else "\\A")
        elif char == "$":
            out.append(f"(?=[{_LINE_BREAKS}]|\\Z)" if multiline else "\\Z")
        elif source.startswith("(?<", i) and source[i + 3:i + 4] not in ("=", "!"):
            out.append("(?P<")
            i += 3
            continue
        else:
            out.append(char)
        i += 1
    return "".join(out)


def compile_js(source: str, *, multiline: bool = True, ignore_case: bool = False) -> re.Pattern:
    """Compile a JavaScript pattern; raises `re.error` with a readable message."""
    return re.compile(translate(source, multiline=multiline), re.IGNORECASE if ignore_case else 0)
