"""Any other exported document (the strategy, `003_…`) into a page, `content/pages/<slug>.md`.

Prose keeps its paragraphs and lists. A short line without closing punctuation
that introduces prose becomes a `##` heading; superscript footnote marks (¹)
and the footnote lines become Markdown footnotes. What cannot be placed (the
words of a logo or a cover, a footnote with no mark in the text) stays in the
page as a paragraph, with a warning naming its line, for an editor to decide.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import Problem, warning
from .htmltext import link_bare_addresses
from .markdown import slugify
from .sources import Source
from .writing import front_matter, quoted, quoted_list

_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_MARK = re.compile(r"(?<=[\w.,)%'’])([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_FOOTNOTE_LINE = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*(.+)$")
_YEARS = re.compile(r"^\d{4}\s*[-–]\s*\d{4}$")


@dataclass
class Block:
    text: str
    line: int


def convert_page(source: Source) -> tuple[dict[str, str], list[Problem]]:
    warnings: list[Problem] = []
    blocks = _blocks(source.text)
    if not blocks:
        return {}, warnings
    title = blocks.pop(0).text
    if blocks and _YEARS.match(blocks[0].text):
        title = f"{title} {blocks.pop(0).text}"
    body, notes = _body(blocks, source, warnings)
    slug = slugify(re.sub(r"\d{4}\s*[-–]\s*\d{4}", "", title))
    meta = [f"title: {quoted(title)}"] + (quoted_list("editor_notes", notes) if notes else [])
    return {f"content/pages/{slug}.md": front_matter(meta, body + "\n")}, warnings


def _blocks(text: str) -> list[Block]:
    """Paragraphs: runs of lines between blank lines, list items one each."""
    blocks: list[Block] = []
    run: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines() + [""], start=1):
        stripped = line.strip()
        if stripped and not re.match(r"^([-*]|\d+\.)\s", stripped) and run:
            run.append(stripped)
            continue
        if run:
            blocks.append(Block(" ".join(run), start))
        run, start = ([stripped], number) if stripped else ([], number)
    return blocks


def _body(blocks: list[Block], source: Source, warnings: list[Problem]) -> tuple[str, list[str]]:
    definitions = _footnotes(blocks)
    parts, used = [], set()
    for index, block in enumerate(blocks):
        if index in definitions:
            continue
        following = blocks[index + 1].text if index + 1 < len(blocks) else ""
        text = _MARK.sub(lambda m: _reference(m, index, definitions, used), block.text)
        if _is_heading(text, following):
            parts.append(f"## {text}")
            continue
        if _is_stray(text, following):
            warnings.append(warning(source.path, block.line, f"'{text}' looks like the words of "
                                    "a logo or cover page; it is kept as a paragraph: delete it "
                                    "or write it as a sentence."))
        parts.append(text)
    notes = []
    if len({number for number, _, _ in definitions.values()}) < len(definitions):
        notes.append("Footnotes that share a number in the export have been renumbered in the "
                     "order they appear.")
    for index, (number, label, text) in definitions.items():
        if label in used:
            parts.append(f"[^{label}]: {text}")
            continue
        warnings.append(warning(source.path, blocks[index].line, f"footnote {number} has no mark "
                                "in the text; it is kept as a paragraph. Put a mark where it "
                                f"belongs, like [^{label}], and make this line '[^{label}]: ...'."))
        notes.append(f"In the export, footnote {number} has no mark in the text.")
        parts.append(text)
    body, made = link_bare_addresses(_join(parts))
    for label, url in made:
        warnings.append(warning(source.path, _line_of(blocks, url), f"the link text '{label}' "
                                f"was made from {url}; check it reads well."))
    return body, notes


def _join(parts: list[str]) -> str:
    """Blocks a blank line apart; the items of one list on consecutive lines."""
    out = parts[:1]
    for previous, part in zip(parts, parts[1:]):
        tight = previous.startswith("- ") and part.startswith("- ")
        out.append(("\n" if tight else "\n\n") + part)
    return "".join(out)


def _footnotes(blocks: list[Block]) -> dict[int, tuple[str, str, str]]:
    """Block index -> (number as written, label numbered in order, text)."""
    found = {}
    for index, block in enumerate(blocks):
        match = _FOOTNOTE_LINE.match(block.text)
        if match:
            found[index] = (match.group(1).translate(_SUPERSCRIPT), str(len(found) + 1),
                            match.group(2))
    return found


def _reference(match: re.Match, index: int, definitions, used: set[str]) -> str:
    """A mark refers to the next footnote of its number; failing that, the last one before."""
    number = match.group(1).translate(_SUPERSCRIPT)
    same = [(i, label) for i, (n, label, _) in definitions.items() if n == number]
    later = [label for i, label in same if i > index]
    earlier = [label for i, label in same if i < index]
    label = (later or earlier[-1:] or [None])[0]
    if label is None:
        return match.group(0)
    used.add(label)
    return f"[^{label}]"


def _line_of(blocks: list[Block], text: str) -> int:
    return next((b.line for b in blocks if text in b.text), 0)


def _is_heading(text: str, following: str) -> bool:
    """Short, unpunctuated, in sentence case, and introducing prose or a list."""
    if len(text) > 60 or re.search(r"[.:;,!)]$", text) or not text[:1].isupper():
        return False
    if text.isupper() or re.match(r"^([-*]|\d+\.)\s", text):
        return False
    prose = len(following) > 80 or (len(following) > 30 and following[-1:] in ".:!?)")
    return prose or following.startswith(("- ", "1. "))


def _is_stray(text: str, following: str) -> bool:
    return len(text) <= 60 and not re.search(r"[.:;!?]$", text) and \
        not re.match(r"^([-*]|\d+\.)\s", text) and len(following) <= 60
