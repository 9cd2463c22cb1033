"""Characters Word and web pages paste that look like a space, or like nothing, named as
an editor's message names them.

One list for every check that looks for them: the YAML reader's (`invisibles`), the
protective-marking scan (`markings`) and the Markdown line marks (`linemarks`). Each
once had a list of its own, and they disagreed: a marking with a left-to-right mark
inside it was published, and '##' with a narrow non-breaking space was told to put a
space after its hashes. It imports nothing, as the marking scan runs on every file.
"""
from __future__ import annotations

# Every space Unicode has but the ordinary one and the tab: Word and web pages paste them.
SPACES = {"\u00a0": "a non-breaking space", "\u202f": "a narrow non-breaking space",
          "\u2000": "an en quad", "\u2001": "an em quad", "\u2002": "an en space",
          "\u2003": "an em space", "\u2004": "a three-per-em space",
          "\u2005": "a four-per-em space", "\u2006": "a six-per-em space",
          "\u2007": "a figure space", "\u2008": "a punctuation space",
          "\u2009": "a thin space", "\u200a": "a hair space",
          "\u205f": "a medium mathematical space", "\u3000": "an ideographic space",
          "\u1680": "an Ogham space mark"}
INVISIBLE = {"\u200b": "a zero-width space", "\u200c": "a zero-width non-joiner",
             "\u200d": "a zero-width joiner", "\u2060": "a word joiner",
             "\ufeff": "a zero-width no-break space", "\u00ad": "a soft hyphen",
             "\u200e": "a left-to-right mark", "\u200f": "a right-to-left mark"}

# Word's bullets as its plain text pastes them: its round one (also as a middle dot, from
# the Symbol font), and its hollow, square and arrow ones.
BULLETS = "•·▪◦➢"
# The same, joined, for a pattern's character class or str.strip.
SPACES_JOINED = "".join(SPACES)
INVISIBLE_JOINED = "".join(INVISIBLE)


def named(char: str) -> str:
    """A character of SPACES or INVISIBLE as a message names it, with its code point to
    search for: 'a thin space (U+2009)'. Messages once called every odd space after '##'
    a non-breaking one, which only U+00A0 is."""
    return f"{SPACES.get(char) or INVISIBLE[char]} ({code(char)})"


def code(char: str) -> str:
    """The character's code point, as one searches for it: 'U+2009'."""
    return f"U+{ord(char):04X}"


def as_meant(key: object) -> str:
    """A key as the editor meant it: without what shows nothing or looks like a space,
    in small letters ('RAG', 'rag' and a zero-width space, and a non-breaking space then
    'rag' are each 'rag')."""
    return "".join(c for c in str(key) if c not in INVISIBLE and c not in SPACES).strip().lower()


def written_otherwise(key: str, keys) -> bool:
    """Whether `keys` holds `key` written otherwise than as it is: such a key has an error
    of its own saying how to write it, and "'rag' is missing" beside it told a trial's
    editor to add a line the file had."""
    return any(k != key and as_meant(k) == key for k in keys)
