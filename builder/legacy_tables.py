"""Tab-separated tables in legacy exports, as data-table YAML.

The first row names the columns; a last row whose first cell is 'Total' is
the declared total, kept exactly as exported (the build then compares it with
the rows). Where the export's total is not the sum of its rows, the file and
the theme say so rather than correcting a published figure.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import yaml

from .errors import Problem, warning
from .markdown import slugify
from .model import Month
from .sources import Source
from .writing import scalar

_NUMBER = re.compile(r"^-?\d[\d,]*(\.\d+)?$")
_FLOW = re.compile(r"[,\[\]{}#]")


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    source: str
    labels: tuple[str, ...]
    keys: tuple[str, ...]
    numeric: tuple[bool, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None

    @property
    def header_text(self) -> str:
        return "\t".join(self.labels)

    def sums(self) -> list[float | None]:
        return [sum(_number(r[i]) for r in self.rows) if numeric else None
                for i, numeric in enumerate(self.numeric)]

    def total_differs(self) -> bool:
        return self.total is not None and any(
            s is not None and _number(t) != s for s, t in zip(self.sums(), self.total))


def parse_table(rows: list[list[str]], slug: str, issue_title: str, month: Month,
                source: Source, line: int, warnings: list[Problem]) -> Table:
    header, body = rows[0], [r for r in rows[1:] if len(r) == len(rows[0])]
    for offset, row in enumerate(rows[1:], start=1):
        if len(row) != len(header):
            warnings.append(warning(source.path, line + offset, "this table row has "
                                    f"{len(row)} cells but the header has {len(header)}; it is "
                                    "left out of the table: add it by hand."))
    total = tuple(body.pop()) if body and body[-1][0].strip().lower() == "total" else None
    numeric = tuple(i > 0 and all(_NUMBER.match(r[i]) for r in body) for i in range(len(header)))
    keys = tuple(slugify(label) for label in header)
    title = f"{', '.join(header[1:-1])} and {header[-1]} by {header[0]}" if len(header) > 2 \
        else f"{header[-1]} by {header[0]}"
    warnings.append(warning(source.path, line, f"the table is titled '{title}' from its "
                            "column names; give it a title that says what it counts."))
    return Table(slug, title, f"{issue_title}, {month.label}", tuple(header), keys, numeric,
                 tuple(tuple(r) for r in body), total)


def _number(text: str) -> float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def _cell(text: str, numeric: bool) -> str:
    """A cell (or column label) inside a flow list or mapping: plain where YAML reads it back
    as the same text there, else double-quoted by PyYAML's emitter, which escapes what must be
    (quotes, backslashes, control characters, YAML's own line breaks)."""
    if numeric:
        return str(_number(text))
    plain = scalar(text)
    if plain == text and not _FLOW.search(text):
        return plain
    return yaml.safe_dump(text, default_style='"', allow_unicode=True,
                          width=sys.maxsize).rstrip("\n")


def table_yaml(table: Table) -> str:
    lines = [f"title: {scalar(table.title)}", f"source: {scalar(table.source)}", "columns:"]
    for key, label, numeric in zip(table.keys, table.labels, table.numeric):
        # scalar: a slug such as 'yes', 'off', 'null' or '2025' reads back as a boolean,
        # null or number unless quoted, and the build refuses a key that is not text.
        lines.append(f"  - {{key: {scalar(key)}, label: {_cell(label, False)}, "
                     f"type: {'number' if numeric else 'text'}}}")
    lines.append("rows:")
    lines += [f"  - [{_row(row, table.numeric)}]" for row in table.rows]
    if table.total is not None:
        if table.total_differs():
            sums = ", ".join(str(s) for s in table.sums() if s is not None)
            lines += ["# The Total row exactly as the export gives it. It does not equal the "
                      "sum of the rows",
                      f"# above (the rows add up to {sums}); it is kept as published, not "
                      "corrected."]
        lines.append(f"total: [{_row(table.total, table.numeric)}]")
    chart = _chart(table)
    if chart:
        lines += ["chart:", f"  label: {scalar(chart[0])}", f"  value: {scalar(chart[1])}",
                  "  exclude: []"]
    return "\n".join(lines) + "\n"


def _row(row: tuple[str, ...], numeric: tuple[bool, ...]) -> str:
    return ", ".join(_cell(cell, n) for cell, n in zip(row, numeric))


def _chart(table: Table) -> tuple[str, str] | None:
    """A bar chart of the Total column by the first column, where the table has both."""
    totals = [k for k, label, n in zip(table.keys, table.labels, table.numeric)
              if n and label.strip().lower() == "total"]
    return (table.keys[0], totals[0]) if totals and not table.numeric[0] else None


def total_note(table: Table) -> str | None:
    if not table.total_differs():
        return None
    index = max(i for i, n in enumerate(table.numeric) if n)
    added, declared = table.sums()[index], _number(table.total[index])
    direction = "higher" if declared > added else "lower"
    return (f"The Total row of the table below is shown exactly as in the export. It is "
            f"{direction} than the sum of the rows above it (for example, in the "
            f"{table.labels[index]} column the rows add up to {added:,}, but the Total row "
            f"gives {declared:,}).")
