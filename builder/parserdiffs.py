"""Texts that markdown-it-pyrs 0.4 and markdown-it-py 4 may parse differently.

`builder.rustmarkdown` writes a text only when `may_read_otherwise` is false;
the rest are rendered by markdown-it-py. Each screen was found by rendering
CommonMark's examples, markdown-it-py's own fixtures and a few hundred
thousand random texts both ways, and keeping the first difference of each
kind (`tests/test_rustmarkdown.py` holds one text of each). markdown-it-pyrs
follows CommonMark 0.30 and markdown-it 13; markdown-it-py follows 0.31 and 14.
(What a flavour adds that only markdown-it-py writes, a deck's struck text, bare
addresses and task lists, is screened where it is added: `Flavour.declines`.)
"""
from __future__ import annotations

import re


def may_read_otherwise(text: str) -> bool:
    # Plain substring tests come first and the patterns run only where they could
    # match: a pattern that may start anywhere (a line, a symbol outside ASCII) made
    # this screen a quarter of the fast path's time.
    return ("`" in text or "]:" in text or "^[" in text or _odd_spaces(text)
            or ("<" in text and _raw_html_other_than_comments(text))
            or (("*" in text or "_" in text) and _marks_may_read_otherwise(text))
            or _LINE_START.match(text) is not None or _AFTER_NEWLINE.search(text) is not None
            or not _plain_tables(text))


# Whitespace other than space, tab and newline: markdown-it-py trims it from the ends
# of lines, paragraphs and cells as it trims spaces (Python's str.strip), and
# markdown-it-pyrs keeps it. A no-break space, which text pasted from a word processor
# often holds, is screened only where it starts or ends a line (after a block's marks),
# a cell or a heading, or stands beside an emphasis mark.
_RARE_SPACES = re.compile(r"[\x0b\x0c\x1c-\x1f\x85\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_EDGE_NBSP = re.compile(r"(?:^|\n)(?:[ \t]*(?:>|#{1,6}|[-+*]|[0-9]{1,9}[.)]))*[ \t]*\xa0"
                        r"|\|[ \t]*\xa0|\xa0[ \t#\r]*(?:$|\n|\|)|[*_]\xa0|\xa0[*_]")
_ASCII_SPACES = "\x0b\x0c\x1c\x1d\x1e\x1f"


def _odd_spaces(text: str) -> bool:
    if text.isascii():
        return any(space in text for space in _ASCII_SPACES)
    return _RARE_SPACES.search(text) is not None or (
        "\xa0" in text and _EDGE_NBSP.search(text) is not None)


# Code spans and reference definitions ('`', ']:') are left out because a code span
# of spaces alone differs, a title over several lines differs, and markdown-it-pyrs
# 0.4 panics (printing a Rust backtrace) on some link labels holding a backtick.
_RAW_HTML = re.compile(r"<[A-Za-z/!?]")  # raw HTML, comments, declarations
# A comment both read alike: on one line, not empty, with no "--" before its end (markdown-it
# 13's rule; 14's takes more). Decks set reveal.js's .slide: and .element: options in them.
_PLAIN_COMMENT = re.compile(r"<!--(?:-?[^>\n-])(?:-?[^\n-])*-->")
_THREE_OR_SIDE_BY_SIDE = re.compile(r"\*\*\*|___|\*_|_\*")
_MARKS = re.compile(r"[*_]+")


def _raw_html_other_than_comments(text: str) -> bool:
    if _RAW_HTML.search(text) is None:
        return False
    return "<!--" not in text or _RAW_HTML.search(_PLAIN_COMMENT.sub("", text)) is not None


def _marks_may_read_otherwise(text: str) -> bool:
    """Runs of three emphasis marks, the two marks side by side, and a mark beside a
    symbol outside ASCII (punctuation to CommonMark 0.31, not to 0.30)."""
    if _THREE_OR_SIDE_BY_SIDE.search(text):
        return True
    if text.isascii():
        return False
    for run in _MARKS.finditer(text):
        start, end = run.span()
        if not text[start - 1:start].isascii() or not text[end:end + 1].isascii():
            return True
    return False


# What a line may start with that the two read otherwise: a block quote (continued
# lazily), or a list item with nothing in it (the two differ on where it may interrupt
# a paragraph). Matched at the text's start and after each newline, as (?m)^ would be,
# but found by the newline: re scans for a literal first character many times faster.
_STARTS = (r"[ \t]*(?:(?:[-+*]|[0-9]{1,9}[.)])[ \t]+)*>"
           r"|[ \t>]*(?:[-+*]|[0-9]{1,9}[.)])[ \t]*\r?(?:\n|\Z)")
_LINE_START = re.compile(_STARTS)
_AFTER_NEWLINE = re.compile(r"\n(?:" + _STARTS + ")")
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t:|-]*-[ \t:|-]*$")


def _plain_tables(text: str) -> bool:
    """Whether every table stands apart, as editors write them: a blank line (or the
    text's start) before its header, every row holding a '|', a blank line (or the end)
    after. markdown-it-py (following markdown-it 14) ends a table at a line that starts
    another block, and reads a header that continues a paragraph, or that starts a block
    itself (a heading, a list item, a comment), otherwise, and a row of dashes under a
    header holding a '|' as a one-column table's."""
    if "\\|" in text:  # an escaped '|' in a cell: the two split rows otherwise
        return False
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if "-" not in line or not _DELIMITER_ROW.match(line):
            continue
        header = lines[i - 1] if i else ""
        if "|" not in line and ":" not in line and "|" not in header:
            continue  # a rule, or a heading's underline
        if "|" not in header or _BLOCK_START.match(header) or (i >= 2 and lines[i - 2].strip()):
            return False
        for row in lines[i + 1:]:
            if not row.strip():
                break
            if "|" not in row or _BLOCK_START.match(row):
                return False
    return True


_BLOCK_START = re.compile(r"^[ \t]*(?:[>#]|[-+*][ \t]|[0-9]{1,9}[.)][ \t]|```|~~~|<)")
