"""Texts that markdown-it-pyrs 0.4 and markdown-it-py 4 may parse differently.

`builder.rustmarkdown` writes a text only when `may_read_otherwise` is false;
the rest are rendered by markdown-it-py. Each screen was found by rendering
CommonMark's examples, markdown-it-py's own fixtures and a few hundred
thousand random texts both ways, and keeping the first difference of each
kind (`tests/test_rustmarkdown.py` holds one text of each). markdown-it-pyrs
follows CommonMark 0.30 and markdown-it 13; markdown-it-py follows 0.31 and 14.
"""
from __future__ import annotations

import re


def may_read_otherwise(text: str) -> bool:
    return ("`" in text or "]:" in text or bool(_UNLIKE.search(text))
            or bool(_EMPTY_ITEM.search(text)) or not _plain_tables(text))


# Code spans and reference definitions ('`', ']:') are left out because a code span
# of spaces alone differs, a title over several lines differs, and markdown-it-pyrs
# 0.4 panics (printing a Rust backtrace) on some link labels holding a backtick.
_UNLIKE = re.compile(
    r"<[A-Za-z/!?]"                      # raw HTML, comments, declarations
    r"|[*_][^\x00-\x7f]|[^\x00-\x7f][*_]"  # emphasis beside a symbol outside ASCII:
                                         # punctuation to CommonMark 0.31, not to 0.30
    r"|\*\*\*|___|\*_|_\*"                # runs of three marks, and the two marks side by side
    r"|(?m:^[ \t]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)*>)"  # block quotes, continued lazily
)


# A list item with nothing in it: the two differ on where it may interrupt a paragraph.
_EMPTY_ITEM = re.compile(r"(?m)^[ \t>]*(?:[-+*]|[0-9]{1,9}[.)])[ \t]*\r?$")
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t:|-]*-[ \t:|-]*$")


def _plain_tables(text: str) -> bool:
    """Whether every table stands apart, as editors write them: a blank line (or the
    text's start) before its header, every row holding a '|', a blank line (or the end)
    after. markdown-it-py (following markdown-it 14) ends a table at a line that starts
    another block, and reads a header that continues a paragraph otherwise."""
    if "\\|" in text:  # an escaped '|' in a cell: the two split rows otherwise
        return False
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if "-" not in line or not _DELIMITER_ROW.match(line) or ("|" not in line and ":" not in line):
            continue
        if i == 0 or "|" not in lines[i - 1] or (i >= 2 and lines[i - 2].strip()):
            return False
        for row in lines[i + 1:]:
            if not row.strip():
                break
            if "|" not in row or _BLOCK_START.match(row):
                return False
    return True


_BLOCK_START = re.compile(r"^[ \t]*(?:[>#]|[-+*][ \t]|[0-9]{1,9}[.)][ \t]|```|~~~|<)")
