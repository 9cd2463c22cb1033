"""The deck linter: things that work by accident, or not the way the author meant.

Each is a warning with the line: it never stops a build (unless --strict).
A kind of warning can be acknowledged for one deck in content/decks.yaml
(`reviewed:`), with the reason, for decks that are kept exactly as written.
"""
from __future__ import annotations

import re

from ..errors import Problem, warning
from .comments import ATTRIBUTE
from .fit import SLIDE_LINES, estimated_lines
from .model import DeckOptions
from .split import Chunk, closed_fences, split_slides, unclosed_fence_line

_ATTRIBUTE_COMMENT = re.compile(r"<!--\s*\.(?:slide|element)\b(.*?)(?:-->|$)")


KINDS = ("line-endings", "quotes", "unclosed-code", "notes", "no-heading", "empty-slide",
         "too-tall")


def lint_deck(path: str, text: str, body_line: int, body: str,
              stacks: tuple[tuple[Chunk, ...], ...], headings: list[str | None],
              reviewed: frozenset[str] = frozenset(), options: DeckOptions | None = None
              ) -> list[Problem]:
    """Warnings for the deck, leaving out the kinds (KINDS) an editor has reviewed.
    `options`: the deck's, whose separators the line-endings check splits with."""
    if not body.strip():   # one empty slide: no separator to remove, as below
        what = "this file is empty" if not text.strip() else "this file has nothing after its " \
            "front matter"
        return [] if "empty-slide" in reviewed else [warning(path, body_line, f"{what}, so "
            "the deck is one blank slide; write its slides: '## A title', then the slide's "
            "text, with a line '---' between slides.")]
    found = {"line-endings": _line_endings(path, text, body, body_line, stacks, options),
             "quotes": _quotes(path, body, body_line),
             "unclosed-code": _unclosed(path, body, body_line), "notes": [], "no-heading": [],
             "empty-slide": [], "too-tall": []}
    chunks = [chunk for stack in stacks for chunk in stack]
    lines = text.splitlines()
    for chunk, heading in zip(chunks, headings):
        found["notes"] += _notes(path, lines, chunk)
        if not chunk.text.strip() and not chunk.notes:
            found["empty-slide"].append(warning(path, chunk.line,
                "this slide is empty, so the audience sees a blank slide; write it, or remove "
                "the separator that starts it (the --- or +++ on or just above this line)."))
        elif heading is None:
            found["no-heading"].append(warning(path, _first_written_line(chunk),
                "this slide has no heading; start it with one (## Title) so people using a "
                "screen reader can find it. Until then the build gives it a hidden one."))
        found["too-tall"] += _too_tall(path, chunk)
    return [p for kind in KINDS if kind not in reviewed for p in found[kind]]


def _line_endings(path: str, text: str, body: str, body_line: int,
                  stacks: tuple[tuple[Chunk, ...], ...], options: DeckOptions | None
                  ) -> list[Problem]:
    """Windows line ends matter only where they split the deck otherwise than plain ones
    would: reveal-md's default separators (\\r?\\n---\\r?\\n) take both, and warned of
    every CRLF file all the same."""
    if "\r\n" not in text or options is None:
        return []
    plain = split_slides(body.replace("\r\n", "\n"), body_line, options)
    if _shape(plain) == _shape(stacks):
        return []
    return [warning(path, 1, "this file has Windows line endings (CRLF), and its separators "
                             "match only plain line breaks, so it splits into other slides than "
                             "it would with them; save it with Unix (LF) line endings, or write "
                             "\\r?\\n where the separators have \\n.")]


def _shape(stacks: tuple[tuple[Chunk, ...], ...]) -> tuple[tuple[bool, ...], ...]:
    """The deck's stacks, each slide as whether it has notes."""
    return tuple(tuple(chunk.notes is not None for chunk in stack) for stack in stacks)


def _quotes(path: str, body: str, body_line: int) -> list[Problem]:
    fences = closed_fences(body)
    problems, offset = [], 0
    for number, line in enumerate(body.splitlines(keepends=True)):
        inside = any(f.start <= offset < f.end for f in fences)
        if not inside and "<!--" in line and _not_double_quoted(line):
            problems.append(warning(path, body_line + number, "reveal.js reads slide and element "
                "attributes only in double quotes, so this one is ignored; write "
                'name="value".'))
        offset += len(line)
    return problems


def _not_double_quoted(line: str) -> bool:
    """An attribute in a .slide: or .element: comment written name='value' or name=value:
    reveal.js reads neither, and leaves it out without a word."""
    return any("=" in re.sub(ATTRIBUTE, "", comment.group(1), flags=re.M)
               for comment in _ATTRIBUTE_COMMENT.finditer(line))


def _unclosed(path: str, body: str, body_line: int) -> list[Problem]:
    line = unclosed_fence_line(body)
    if line is None:
        return []
    return [warning(path, body_line + line, "this code block is never closed; close it with the "
                                            "same fence (```) so the slides after it split.")]


def _notes(path: str, lines: list[str], chunk: Chunk) -> list[Problem]:
    """`lines`: the deck file's, split once for all its slides."""
    problems = []
    for line in chunk.separators:
        written = lines[line - 1] if 0 < line <= len(lines) else ""
        if written[:1] in (" ", "\t"):
            problems.append(warning(path, line, "this 'Note:' is indented; reveal-md starts the "
                "speaker notes here, but reveal.js's own default does not. Start it at the "
                "beginning of the line."))
    if len(chunk.separators) > 1:
        problems.append(warning(path, chunk.separators[1], "a second 'Note:' on one slide: "
            "reveal.js then shows no speaker notes and puts every 'Note:' line on the slide. "
            "Keep one 'Note:' per slide."))
    return problems


def _too_tall(path: str, chunk: Chunk) -> list[Problem]:
    lines = estimated_lines(chunk.text)
    if lines <= SLIDE_LINES:
        return []
    return [warning(path, _first_written_line(chunk), f"this slide has about {lines} lines of "
                    "text, and a slide shows about 12: reveal.js cuts off the rest without a "
                    "sign, on the screen and in the PDF. Split it (a new slide after ---, or one "
                    "below it after ----), or move the detail into its notes.")]


def _first_written_line(chunk: Chunk) -> int:
    for number, line in enumerate(chunk.text.splitlines()):
        if line.strip():
            return chunk.line + number
    return chunk.line
