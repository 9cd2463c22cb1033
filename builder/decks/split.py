"""Splitting a deck's Markdown into slides, vertical stacks and speaker notes.

This is reveal.js's markdown plugin (`slidify`, then the notes split) done
here at build time, so a deck has the slides, stacks and notes reveal.js
gives it:

* one regular expression, `separator|verticalSeparator`, is searched through
  the text; a match of `separator` alone ends a horizontal slide, any other
  match a vertical one, and a run of vertical matches makes one stack;
* each slide's text is split by `notesSeparator` (case-insensitive); only
  when that gives exactly two parts does the second become the notes. A
  slide with two `Note:` lines has no notes: reveal.js shows both lines on
  the slide (the linter warns).

One deliberate difference: a separator inside a fenced code block does not
split, as a code sample about slides would otherwise be cut in two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .jsregex import compile_js
from .model import DeckOptions

# As text, compiled (and kept by `re`) at a deck's first code block (see _no_fence).
_FENCE_OPEN = r"^[ \t]*(`{3,}|~{3,})(.*)$"


@dataclass(frozen=True)
class Chunk:
    """One slide's Markdown, where it starts in the file, and its notes."""

    text: str                 # the slide itself, without its notes
    line: int                 # the file line on which text[0] stands
    notes: str | None         # the notes' Markdown, trimmed, as reveal.js passes it on
    notes_line: int           # the file line of the notes' first character
    separators: tuple[int, ...] = ()   # file lines of every notes separator found


@dataclass(frozen=True)
class Fence:
    """A closed fenced code block, where separators do not split."""

    start: int   # offset of the opening fence line
    end: int     # offset just past the closing fence's characters
    line: int    # 0-based line of the opening fence, within the text searched


def split_slides(body: str, body_line: int, options: DeckOptions) -> tuple[tuple[Chunk, ...], ...]:
    """The deck as a tuple of horizontal slides, each a tuple of one or more vertical slides."""
    both = options.separator + (f"|{options.vertical_separator}" if options.vertical_separator else "")
    anywhere = compile_js(both)
    horizontal = compile_js(options.separator, multiline=False)
    notes = compile_js(options.notes_separator, ignore_case=True)
    fences = closed_fences(body)
    stacks: list[list[tuple[int, int]]] = []
    start, was_horizontal = 0, True
    for match in anywhere.finditer(body):
        if _inside(match.start(), fences) or match.end() == match.start():
            continue
        is_horizontal = horizontal.search(match.group(0)) is not None
        if not is_horizontal and was_horizontal:
            stacks.append([])
        piece = (start, match.start())
        if is_horizontal and was_horizontal:
            stacks.append([piece])
        else:
            stacks[-1].append(piece)
        start, was_horizontal = match.end(), is_horizontal
    if was_horizontal:
        stacks.append([(start, len(body))])
    else:
        stacks[-1].append((start, len(body)))
    return tuple(tuple(_chunk(body, a, b, body_line, notes) for a, b in stack) for stack in stacks)


def _chunk(body: str, start: int, end: int, body_line: int, notes: re.Pattern) -> Chunk:
    text = body[start:end]
    line = body_line + body.count("\n", 0, start)
    fences = closed_fences(text)
    parts: list[str] = []
    cuts: list[int] = []
    last = 0
    for match in notes.finditer(text):
        if _inside(match.start(), fences):
            continue
        parts.append(text[last:match.start()])
        parts.extend(g or "" for g in match.groups())  # as JavaScript's split keeps groups
        cuts.append(match.start())
        last = match.end()
    parts.append(text[last:])
    separators = tuple(line + _line_of(text, _first_visible(text, cut)) for cut in cuts)
    if len(parts) != 2:
        return Chunk(text, line, None, line, separators)
    notes_start = _first_visible(text, last)  # two parts: one match, no groups
    return Chunk(parts[0], line, parts[1].strip(), line + _line_of(text, notes_start), separators)


def _first_visible(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return min(offset, len(text))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)


def closed_fences(text: str) -> list[Fence]:
    """Fenced code blocks (``` or ~~~) that are closed; an unclosed one protects nothing."""
    if _no_fence(text):
        return []
    fences: list[Fence] = []
    offset, opened = 0, None
    for number, line in enumerate(text.splitlines(keepends=True)):
        bare = line.rstrip("\r\n")
        if opened is None:
            match = re.match(_FENCE_OPEN, bare)
            if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
                opened = (offset, match.group(1), number)
        else:
            stripped = bare.strip()
            fence = opened[1]
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                fences.append(Fence(opened[0], offset + len(bare), opened[2]))
                opened = None
        offset += len(line)
    return fences


def unclosed_fence_line(text: str) -> int | None:
    """The 0-based line of a fence that is never closed, if any."""
    if _no_fence(text):
        return None
    fences = closed_fences(text)
    offset, opened_at = 0, None
    for number, line in enumerate(text.splitlines(keepends=True)):
        if opened_at is None and re.match(_FENCE_OPEN, line.rstrip("\r\n")) and \
                not _inside(offset, fences) and not any(f.start == offset for f in fences):
            opened_at = number
        offset += len(line)
    return opened_at


def _no_fence(text: str) -> bool:
    """Most slides have no code: this spares them the match of every line."""
    return "```" not in text and "~~~" not in text


def _inside(offset: int, fences: list[Fence]) -> bool:
    return any(f.start <= offset < f.end for f in fences)
