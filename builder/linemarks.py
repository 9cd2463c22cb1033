"""A mark at a line's start that CommonMark reads otherwise than the editor meant.

From a new-user trial, text typed in haste or pasted from Word, published with no word:
- '##Schools training', or '##' and the non-breaking space Word pastes, is no heading:
  the page shows a paragraph beginning '##' (an error, as a table shown as text is);
- '# Heading' in a theme's text is level with the theme's own title, so the page's
  headings are out of order (WCAG 1.3.1): a warning, as every word is still shown.
Each is found by one pattern over the line starts, a few us an entry; only a text with a
line that looks so is parsed, for markdown-it to say whether the line is in a paragraph
(or is a heading) and not code, a table or an HTML block or comment.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import Problem, error, warning
from .texts import Markdown

# A line that may start with one of the marks, after the up to 3 spaces a block may be
# indented by (4 make code). Its leading literal '\n' lets the engine skip from one line
# to the next: anchored with '^' it was tried at every character, 20 us an entry.
_SUSPECT = re.compile(r"\n {0,3}(?:#+[^# \t\n]|#[ \t]|=)")
_HASHES = re.compile(r" {0,3}(#+)(.?)(.*)")
_CODE_OR_COMMENT = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)|<!--.*?-->", re.S)


def misread_marks(doc: Markdown, level_one_taken: bool = False) -> list[Problem]:
    """`level_one_taken`: the text stands under a title its '#' headings would be level
    with (an entry, under its theme's)."""
    text = doc.text
    if "\r" in text:   # lines counted as markdown-it counts them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    suspects = _suspect_lines(text, level_one_taken)
    if not suspects:
        return []   # most texts: no line starts so
    read = _Read.parse(text)
    found = [_heading_problem(doc, read, number, kind, level_one_taken)
             for number, kind in suspects.items() if kind in ("hashes", "nbsp")]
    found += _level_one_problems(doc, read, [n for n, kind in suspects.items()
                                             if kind == "level one"])
    return [problem for problem in found if problem is not None]


def _suspect_lines(text: str, level_one_taken: bool) -> dict[int, str]:
    """Line number (from 0) -> which mistake its start may be."""
    suspects = {}
    padded = "\n" + text   # the first line has a '\n' before it as the others do
    for match in _SUSPECT.finditer(padded):
        start = match.start() + 1
        end = padded.find("\n", start)
        kind = _kind(padded[start:end if end >= 0 else len(padded)], level_one_taken)
        if kind:
            suspects[padded.count("\n", 0, start) - 1] = kind
    return suspects


def _kind(line: str, level_one_taken: bool) -> str | None:
    mark = line.lstrip(" ")[:1]
    if mark == "#":
        hashes, after = _HASHES.match(line).group(1, 2)
        if len(hashes) > 6:
            return None
        if after == "\u00a0":
            return "nbsp"
        # One hash and a word is no heading meant: a hashtag ('#StopHate' may start a line)
        if len(hashes) > 1 and after not in ("", " ", "\t"):
            return "hashes"
        return "level one" if level_one_taken and len(hashes) == 1 and after else None
    return "level one" if level_one_taken else None   # '=': under a line, '===' makes one too


@dataclass(frozen=True)
class _Read:
    """What markdown-it made of a text: its lines, paragraphs and level-1 headings."""

    lines: list[str]
    paragraphs: list[tuple[int, int, str]]   # (first line, line after, text without marks)
    level_ones: list[tuple[int, int, str, str]]   # (first line, line after, '#' or '=', words)

    @classmethod
    def parse(cls, text: str) -> _Read:
        """`text`: its lines ended by newlines alone, as `misread_marks` makes them."""
        tokens = _parser().parse(text)
        paragraphs, level_ones = [], []
        for opened, inline in zip(tokens, tokens[1:]):
            if opened.type == "paragraph_open" and opened.map:
                paragraphs.append((opened.map[0], opened.map[1], inline.content))
            elif opened.type == "heading_open" and opened.tag == "h1" and opened.map:
                words = inline.content.replace("\n", " ")   # '===' may underline two lines
                level_ones.append((*opened.map, opened.markup, words))
        return cls(text.split("\n"), paragraphs, level_ones)

    def paragraph_at(self, number: int) -> tuple[int, int, str] | None:
        """The paragraph whose text the line is, but for what code spans and comments
        hide (its text holds the line without its indent, list marker or quote marks)."""
        for first, after, content in self.paragraphs:
            if first <= number < after:
                at = sum(len(line) + 1 for line in content.split("\n")[:number - first])
                hidden = any(m.start() < at < m.end()
                             for m in _CODE_OR_COMMENT.finditer(content))
                return None if hidden else (first, after, content)
        return None


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt   # here: a text needs it only when a line looks so
    return MarkdownIt("commonmark").enable("table")


def _heading_problem(doc: Markdown, read: _Read, number: int, kind: str,
                     level_one_taken: bool) -> Problem | None:
    if read.paragraph_at(number) is None:
        return None
    line = read.lines[number]
    hashes, after, rest = _HASHES.match(line).group(1, 2, 3)
    words = (after + rest).strip(" \t\u00a0")
    more = hashes == "#" and level_one_taken   # '# ' would be level with the theme's title
    fixed = f"{'##' if more else hashes} {words}"
    written = line.strip()
    if kind == "hashes":
        fix = f"put a space after the hashes: '{fixed}'"
    else:
        second = ", with a second hash for a heading under the theme's title" if more else ""
        fix = ("the space after its hashes is a non-breaking one, as Word pastes it, which "
               f"Markdown does not count; type an ordinary space in its place{second}: "
               f"'{fixed}'")
    return error(doc.origin.path, doc.origin.line + number,
                 f"'{written}' is shown as text, not a heading: {fix}.", line.find("#") + 1)


def _level_one_problems(doc: Markdown, read: _Read, numbers: list[int]) -> list[Problem]:
    """The level-1 headings on the lines found (not those written in a list item or
    block quote, which the scan of line starts passes by)."""
    problems = []
    for number, after, markup, words in read.level_ones:
        if not words or not any(number <= found < after for found in numbers):
            continue
        line = read.lines[number]
        if markup == "#":
            written, fix = f"'{line.strip()}'", "give it two hashes"
        else:
            written = f"'{words}', underlined with '=',"
            fix = "write it on one line with two hashes, and delete the line of '='"
        problems.append(warning(
            doc.origin.path, doc.origin.line + number,
            f"{written} is a level-1 heading, the same level as the theme's own title, so a "
            f"screen reader lists it beside the theme, not under it; {fix}: '## {words}'.",
            len(line) - len(line.lstrip(" ")) + 1))
    return problems

