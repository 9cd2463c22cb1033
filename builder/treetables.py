"""A table in markdown-it-pyrs's tree, written as markdown-it-py and our token rules write
it: `builder.treewriter` hands each table here. Its box and its rows' check are
`builder.markdowntables`', which markdown-it-py's rules call too.
"""
from __future__ import annotations

from . import markdowntables
from .treenodes import Unsure, cell_opening, heading_text


def write_table(writer, node, lead: str) -> None:
    """Writes `node` (a table) to `writer.out`, in its box where the flavour has one."""
    aligns = node.meta["alignments"]
    out = writer.out
    box = markdowntables.box(writer.ctx, lambda: [
        heading_text(cell.children) for part in node.children if part.name == "thead"
        for row in part.children for cell in row.children])
    named = writer.attrs(markdowntables.table_name(box)) if box is not None else ""
    table = f"<table{writer.cls['table_open']}{named}>\n"
    out.append(f"{lead}<div{writer.attrs(box)}>\n{table}" if box is not None else lead + table)
    for part in node.children:
        _write_part(writer, part, aligns)
    out.append("</table>\n</div>\n" if box is not None else "</table>\n")


def _write_part(writer, part, aligns) -> None:
    """A table's head or body, each row checked against the header's cells."""
    out, name = writer.out, part.name
    # A table's cells are most of an entry's nodes: each column's opening tag is
    # made once, and each row's line found once for its cells.
    opening = [cell_opening(name == "thead", align, writer.house) for align in aligns]
    closing = "</th>\n" if name == "thead" else "</td>\n"
    out.append(f"<{name}{writer.cls[name + '_open']}>\n")
    for number, row in enumerate(part.children, 1):
        out.append(f"<tr{writer.cls['tr_open']}>\n")
        cells = row.children
        if len(cells) != len(aligns):
            raise Unsure("a row of another length")
        line = writer.line_at(row.srcmap[0])
        if name == "tbody":
            markdowntables.check_row(writer.ctx, line, len(aligns), number)
        for cell, tag in zip(cells, opening):
            writer.line, writer.breaks = line, 0
            out.append(tag)
            writer.inlines(cell.children)
            out.append(closing)
        out.append("</tr>\n")
    out.append(f"</{name}>\n")
