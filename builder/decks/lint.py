"""The deck linter: things that work by accident, or not the way the author meant.

Each is a warning with the line: it never stops a build (unless --strict).
A kind of warning can be acknowledged for one deck in content/decks.yaml
(`reviewed:`), with the reason, for decks that are kept exactly as written.
"""
from __future__ import annotations

import re

from ..errors import Problem, warning
from .fit import SLIDE_LINES, estimated_lines
from .split import Chunk, closed_fences, unclosed_fence_line

_SINGLE_QUOTED = re.compile(r"<!--\s*\.(?:slide|element)\b[^>]*?[\w-]+\s*=\s*'")


KINDS = ("line-endings", "quotes", "unclosed-code", "notes", "no-heading", "empty-slide",
         "too-tall")


def lint_deck(path: str, text: str, body_line: int, body: str,
              stacks: tuple[tuple[Chunk, ...], ...], headings: list[str | None],
              reviewed: frozenset[str] = frozenset()) -> list[Problem]:
    """Warnings for the deck, leaving out the kinds (KINDS) an editor has reviewed."""
    found = {"line-endings": _line_endings(path, text), "quotes": _quotes(path, body, body_line),
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


def _line_endings(path: str, text: str) -> list[Problem]:
    if "\r\n" not in text:
        return []
    return [warning(path, 1, "this file has Windows line endings (CRLF). reveal.js copes, but "
                             "separators written for plain line breaks may not match; save it "
                             "with Unix (LF) line endings.")]


def _quotes(path: str, body: str, body_line: int) -> list[Problem]:
    fences = closed_fences(body)
    problems, offset = [], 0
    for number, line in enumerate(body.splitlines(keepends=True)):
        inside = any(f.start <= offset < f.end for f in fences)
        if not inside and _SINGLE_QUOTED.search(line):
            problems.append(warning(path, body_line + number, "reveal.js reads slide and element "
                "attributes only in double quotes, so this one is ignored; write "
                'name="value".'))
        offset += len(line)
    return problems


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
