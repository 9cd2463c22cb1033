"""Case-insensitive searches at the speed of case-sensitive ones, where that is exact.

Python's re scans an IGNORECASE pattern several times slower than a case-sensitive
one, and the glossary's terms and the OFFICIAL-SENSITIVE check scan every page and
every file. For ASCII words, searching the text lowered finds the same places, unless
the text holds one of the four characters outside ASCII that IGNORECASE takes for an
ASCII letter, or a character that lowers to two.
"""
from __future__ import annotations

# The dotted and dotless i, the long s and the Kelvin sign: re.IGNORECASE matches
# each to an ASCII letter. tests/test_caseless.py checks every code point against
# this Python's re.
ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"


def lowered_alike(text: str) -> str | None:
    """`text.lower()`, if a lower-case ASCII pattern finds in it exactly the places the
    same pattern with re.IGNORECASE finds in `text` (character for character, so the
    offsets hold for both); None if not, and the caller searches `text` as before."""
    if any(char in text for char in ASCII_LOOKALIKES):
        return None
    lower = text.lower()
    return lower if len(lower) == len(text) else None
