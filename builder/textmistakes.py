"""Markdown that CommonMark shows as plain text, though the editor meant more by it.

Three mistakes reach readers without a word from the parser:
- a link or image whose address has a space in it (`[update](hate-crime.md#Drug
  Testing)`, `![Map](../../images/trpc map.png)`) is no link in CommonMark, and
  the page shows the brackets and the address as written;
- the tags Word and Outlook put in pasted text (`<o:p></o:p>`) have a ':' in
  their names, so they are no HTML either, and the page shows them as text;
- a table whose row of dashes has more or fewer cells than its header row is no
  table, and the page shows its rows as one paragraph, pipes and all.
Both writers (`builder.rustmarkdown`, `builder.markdownitpy`) read the text the
same way, so it is scanned here once, before either; so are the marks at a line's start
it reads otherwise than meant (`builder.linemarks`: '##Heading', Word's bullets, ...).
"""
from __future__ import annotations

import re

from . import linemarks
from . import markdown as rules   # the module: it imports this one
from .errors import Problem, error
from .markdowntables import row_cells
from .texts import Markdown, count

_ADDRESS = re.compile(r"\]\(([^()\n]*)\)")
_SPACED = re.compile(r"(!?)\[([^\]\n]*)\]\(([^()\n]*\s[^()\n]*)\)")
_TITLED = re.compile(r"\s*(?:<[^>\n]*>|\S+)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*")
_OFFICE_TAG = re.compile(r"</?([A-Za-z]+):[A-Za-z][\w.-]*[^<>\n]*>")
_CODE_SPAN = re.compile(r"(`+).+?\1")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
# A table's second row: cells of dashes (colons for alignment) between pipes, after any
# block quote's marks; with no pipe at all, '---' under a line makes it a heading.
_DASHES_ROW = re.compile(r"(?:[ \t]*>)*[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*\r?")


def shown_as_text(doc: Markdown, reported: frozenset[int] = frozenset(), *,
                  level_one_taken: bool = False) -> list[Problem]:
    """`reported`: lines with a problem already, where an Office tag inside an HTML block
    has been named by the raw HTML check. `level_one_taken`: see `linemarks.misread_marks`."""
    return (_links_and_tags(doc, reported) + _tables_as_text(doc)
            + linemarks.misread_marks(doc, level_one_taken))


def _links_and_tags(doc: Markdown, reported: frozenset[int]) -> list[Problem]:
    text = doc.text
    # most texts hold neither: a scan for addresses ('](' is a literal prefix, quick to
    # find) and one for '<' spare splitting the text into lines
    spaced = any(" " in address or "\t" in address for address in _ADDRESS.findall(text))
    if not spaced and not ("<" in text and _OFFICE_TAG.search(text)):
        return []
    problems = []
    for number, line in _prose_lines(text):
        where = doc.origin.line + number
        for match in _SPACED.finditer(line):
            if not _TITLED.fullmatch(match.group(3)):
                problems.append(error(doc.origin.path, where, _spaced_message(match),
                                      match.start() + 1))
        tag = _OFFICE_TAG.search(line)
        if tag and where not in reported:   # one message a line: they come in pairs
            problems.append(error(doc.origin.path, where, _office_message(tag),
                                  tag.start() + 1))
    return problems


def _prose_lines(text: str):
    """(line number from 0, line with code spans blanked), outside fenced code."""
    fenced = None
    for number, line in enumerate(text.splitlines()):
        fence = _FENCE.match(line)
        if fence and (fenced is None or fence.group(1) == fenced):
            fenced = fence.group(1) if fenced is None else None
            continue
        if fenced is None and ("](" in line or "<" in line):
            yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def _tables_as_text(doc: Markdown) -> list[Problem]:
    """A header row with a row of dashes under it whose cells are not as many. Lines that
    look so are few; markdown-it then says which are a paragraph's, for a row of dashes
    may stand in a table, a list item, code or an HTML comment and be no mistake."""
    if not any(_miscounted(header, dashes) for header, dashes in _dash_rows(doc.text)):
        return []   # every table's rows of dashes as long as the line above: most texts
    tokens = linemarks.commonmark_parser().parse(doc.text)
    typed_lines = doc.text.split("\n")
    problems = []
    for opened, inline in zip(tokens, tokens[1:]):
        if opened.type != "paragraph_open" or not opened.map:
            continue
        lines = inline.content.split("\n")
        for number, (header, dashes) in enumerate(zip(lines, lines[1:])):
            if "|" in dashes and _DASHES_ROW.fullmatch(dashes) and _miscounted(header, dashes):
                typed = typed_lines[opened.map[0] + number + 1].rstrip("\r")
                problems.append(error(doc.origin.path, doc.origin.line + opened.map[0] + number,
                                      _table_message(header, dashes, typed), 1))
    return problems


def _dash_rows(text: str):
    """(the line above, the line) for each row of dashes with a pipe in it, as written
    (with any quote marks, list marker or indent). The lines with a pipe are found by
    str.find: a pattern is tried at every character of the text, 40 us an entry, where
    most entries' only pipes are their tables'."""
    at = text.find("|")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if "-" in line and _DASHES_ROW.fullmatch(line):
            yield text[text.rfind("\n", 0, max(start - 1, 0)) + 1:max(start - 1, 0)], line
        at = text.find("|", end)


def _miscounted(header: str, dashes: str) -> bool:
    return "|" in header and len(row_cells(header.strip())) != len(row_cells(dashes.strip()))


def _table_message(header: str, dashes: str, typed: str) -> str:
    """`typed`: the row of dashes as written, whose quote marks or list indent, and the
    cells' alignment colons, the row given keeps, so that pasted over it, it makes the
    table (without them it left a block quote or list item, with no word said)."""
    heads, ruled = len(row_cells(header.strip())), row_cells(dashes.strip())
    kept = [cell.strip() for cell in ruled[:heads]] + ["---"] * (heads - len(ruled))
    before = typed[:len(typed) - len(typed.lstrip(" \t>"))]
    return (f"this table's header row has {count(heads, 'cell')} but the row of "
            f"dashes under it has {len(ruled)}, so the page shows the table as a paragraph of "
            f"text, pipes and all; give the row of dashes one cell for each heading: "
            f"{before}| {' | '.join(kept)} |")


def _spaced_message(match: re.Match) -> str:
    image, address = match.group(1), match.group(3).strip()
    kind = "image" if image else "link"
    path, _, heading = address.partition("#")
    if heading and " " in heading and " " not in path.strip():
        fix = (f"a heading's address is its words in lower case joined by hyphens: write "
               f"({path.strip()}#{rules.slugify(heading)})")
    elif re.match(r"[a-z]+://", address):
        fix = f"write each space as %20: ({re.sub(r' +', '%20', address)})"
    else:
        hyphened = re.sub(r"\s+", "-", path.strip())
        fix = (f"rename the file without spaces (with hyphens, like {hyphened}) and write "
               "its new name here")
    return (f"this {kind} is shown as text, brackets and all, because its address "
            f"'{address}' has a space in it; {fix}.")


def _office_message(match: re.Match) -> str:
    tag = match.group(0)
    return (f"'{tag}' is a tag Word or Outlook adds to text pasted from them, and the page "
            "would show it as text; delete it, and any others like it on this line.")
