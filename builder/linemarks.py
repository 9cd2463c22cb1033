"""A mark at a line's start that CommonMark reads otherwise than the editor meant.

From a new-user trial, text typed in haste or pasted from Word, published with no word:
- '##Schools training', or '##' and a space Markdown does not count (the non-breaking
  one Word pastes, a thin space) or a character that shows nothing, is no heading: the
  page shows a paragraph beginning '##' (an error, as a table shown as text is);
- Word's bullets ('•' and a tab) make no list: lines of them run together as one
  paragraph;
- '-two', with no space after the hyphen, is no list item;
- '# Heading' in a theme's text is level with the theme's own title, so the page's
  headings are out of order (WCAG 1.3.1).
The last three are warnings: every word is still shown, and a line starting '-' or 'o'
may be meant as written.
Each is found by one pattern over the line starts, a few us an entry; only a text with a
line that looks so is parsed, for markdown-it to say whether the line is in a paragraph
(or is a heading) and not code, a table or an HTML block or comment.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import Problem, error, warning
from .pasted import BULLETS, INVISIBLE_JOINED, SPACES, SPACES_JOINED, named
from .texts import Markdown

# Word's bullets and spaces are `pasted`'s. Not '§' (Word's third level): '§ 12 of the Act' begins lines; nor an en dash, which
# begins wrapped prose.
# A line that may start with one of the marks, after the up to 3 spaces a block may be
# indented by (4 make code). Its leading literal '\n' lets the engine skip from one line
# to the next: anchored with '^' it was tried at every character, 20 us an entry.
_SUSPECT = re.compile(rf"\n {{0,3}}(?:#+[^# \t\n]|#[ \t]|=|-[^\W\d_]|[{BULLETS}][ \t{SPACES_JOINED}])")
# The hashes, what stands between them and the words (spaces, and what `pasted` names),
# and the words.
_HASHES = re.compile(rf" {{0,3}}(#+)([ \t{SPACES_JOINED}{INVISIBLE_JOINED}]*)(.*)")
_BLANKS = " \t" + SPACES_JOINED
# Word's second-level bullet: a letter 'o' and a tab (or spaces). Alone it might be a
# word, so it counts only in a paragraph that has one of Word's first-level bullets too.
_SUB_BULLET = re.compile(r"o(?:\t|  )")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
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
             for number, kind in suspects.items() if kind in ("hashes", "pasted")]
    found += [_hyphen_problem(doc, read, number, suspects)
              for number, kind in suspects.items() if kind == "hyphen"]
    found += _bullet_problems(doc, read, [n for n, kind in suspects.items() if kind == "bullet"])
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
        hashes, gap, rest = _HASHES.match(line).groups()
        if len(hashes) > 6:
            return None
        # One hash and a word is no heading meant: a hashtag ('#StopHate' may start a line),
        # nor one and an invisible character, which some write to keep '#' from linking.
        if gap[:1] in SPACES or (len(hashes) > 1 and gap[:1] not in ("", " ", "\t")):
            return "pasted"
        if len(hashes) > 1 and not gap and rest:
            return "hashes"
        # '#' and a space is a heading; '#StopHate' is not, and asks for no parse of the text
        return "level one" if level_one_taken and len(hashes) == 1 and gap[:1] in (" ", "\t") \
            else None
    if mark == "=":
        return "level one" if level_one_taken else None   # under a line, '===' makes one too
    return "hyphen" if mark == "-" else "bullet"


@dataclass(frozen=True)
class _Read:
    """What markdown-it made of a text: its lines, paragraphs and level-1 headings."""

    lines: list[str]
    paragraphs: list[tuple[int, int, str]]   # (first line, line after, text without marks)
    level_ones: list[tuple[int, int, str, str]]   # (first line, line after, '#' or '=', words)

    @classmethod
    def parse(cls, text: str) -> _Read:
        """`text`: its lines ended by newlines alone, as `misread_marks` makes them."""
        tokens = commonmark_parser().parse(text)
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
def commonmark_parser():
    """The one markdown-it parser the text checks ask (here and `textmistakes`), made once:
    each check asks only of a text with a line that looks wrong."""
    from markdown_it import MarkdownIt
    return MarkdownIt("commonmark").enable("table")


def _heading_problem(doc: Markdown, read: _Read, number: int, kind: str,
                     level_one_taken: bool) -> Problem | None:
    if read.paragraph_at(number) is None:
        return None
    line = read.lines[number]
    hashes, gap, rest = _HASHES.match(line).groups()
    more = hashes == "#" and level_one_taken   # '# ' would be level with the theme's title
    fixed = f"{'##' if more else hashes} {rest.rstrip(_BLANKS)}"
    fix = "put a space after the hashes" if kind == "hashes" else _gap_fix(gap, more)
    return error(doc.origin.path, doc.origin.line + number,
                 f"'{line.strip()}' is shown as text, not a heading: {fix}: '{fixed}'.",
                 line.find("#") + 1)


def _gap_fix(gap: str, more: bool) -> str:
    """What stands after the hashes in place of a space, named as `pasted` names it (each
    odd space was once called a non-breaking one, and an invisible character before the
    space was not named at all), and what to do with it."""
    odd = [char for char in gap if char not in " \t"]
    second = ", with a second hash for a heading under the theme's title" if more else ""
    if len(odd) > 1:
        kinds = list(dict.fromkeys(odd))
        which = (f"{len(odd)} characters, each {named(odd[0])}," if len(kinds) == 1
                 else " and ".join(named(char) for char in kinds) + ",")
        return (f"after its hashes are {which} which Markdown does not count as spaces; "
                f"delete them and type an ordinary space{second}")
    if odd[0] in SPACES:
        return (f"the space after its hashes is {named(odd[0])}, which Markdown does not "
                f"count as a space; type an ordinary space in its place{second}")
    typed = "" if len(gap) > 1 else " and type an ordinary space"   # else a space follows it
    return (f"there is an invisible character, {named(odd[0])}, after its hashes; delete "
            f"it{typed}{second}")


def _hyphen_problem(doc: Markdown, read: _Read, number: int,
                    suspects: dict[int, str]) -> Problem | None:
    """Named only where it plainly stands in a list, beside a list item or another line
    like it: elsewhere a line starting '-' and a letter may be meant (a word's end,
    'community' / '-based', carried down by hand), and warnings given where nothing is
    wrong teach editors to pass them all by. Wrapping breaks after a hyphen, not before
    it, so a word's end seldom stands so beside a list item. ('-1' is a number and '--'
    or '---' a dash or rule: only one hyphen and a letter is taken.)"""
    paragraph = read.paragraph_at(number)
    if paragraph is None or not any(
            suspects.get(near) == "hyphen" or _LIST_ITEM.match(read.lines[near])
            for near in (number - 1, number + 1) if 0 <= near < len(read.lines)):
        return None
    line = read.lines[number]
    written = line.strip()
    shown = ("is shown as text, not a list item" if number == paragraph[0]
             else "is run into the line above it, not a list item of its own")
    return warning(doc.origin.path, doc.origin.line + number,
                   f"'{_shortened(written)}' {shown}: put a space after the hyphen: "
                   f"'{_shortened('- ' + written[1:])}'.", line.find("-") + 1)


def _bullet_problems(doc: Markdown, read: _Read, numbers: list[int]) -> list[Problem]:
    """One a paragraph, at its first line that starts with one of Word's bullets."""
    problems, told = [], set()
    for number in numbers:
        paragraph = read.paragraph_at(number)
        if paragraph is None or paragraph[0] in told:
            continue
        told.add(paragraph[0])
        problems.append(warning(doc.origin.path, doc.origin.line + number,
                                _bullet_message(read, number, paragraph),
                                len(read.lines[number]) - len(read.lines[number].lstrip()) + 1))
    return problems


def _bullet_message(read: _Read, number: int, paragraph: tuple[int, int, str]) -> str:
    first, after, content = paragraph
    item = read.lines[number].strip()
    bullet, words = item[0], item[1:].strip(_BLANKS)
    if after - first == 1:
        shown, start = "the page shows it as a paragraph, not a list item", "start it"
    elif number == first:
        shown, start = "it and the next lines run together as one paragraph", "start each item"
    else:
        shown = "it runs together with the lines around it as one paragraph"
        start = "start each item"
    subs = any(_SUB_BULLET.match(line) for line in content.split("\n"))
    under = ", and each 'o' item under one with two spaces and '- '" if subs else ""
    return (f"this line starts with '{bullet}', Word's bullet, so {shown}; {start} "
            f"with '- ' (a hyphen and a space) in place of the bullet{under}: "
            f"'{_shortened('- ' + words)}'.")


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


def _shortened(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[:most - 3].rstrip() + "..."
