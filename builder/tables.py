"""Data tables: read a table's YAML into a `DataTable` and check its declared total."""
from __future__ import annotations

import math
import re

from .errors import Problem, error, warning
from .fields import Fields
from .model_tables import Cell, Chart, Column, ColumnType, DataTable
from .texts import Origin, count
from .sources import Located

TABLE_KEYS = {"title", "caption", "source", "columns", "rows", "total", "total_note", "chart"}


def read_table(slug: str, located: Located, problems: list[Problem]) -> DataTable | None:
    f = Fields(located, problems=problems)
    f.unknown_keys(TABLE_KEYS)
    columns, mistyped = _read_columns(f)
    if not columns:
        return None
    rows = tuple(row for row in (_read_row(f, ("rows", i), columns)
                                 for i in range(_count_rows(f))) if row is not None)
    total = _read_row(f, ("total",), columns) if f.raw("total", None) is not None else None
    return DataTable(slug, f.text("title", example="Drug tests by CSP") or slug,
                     f.text("caption", required=False), f.text("source", required=False),
                     columns, rows, total, _read_chart(f, columns, rows, mistyped),
                     Origin(f.path, 1),
                     total_line=f.line("total"), total_note=f.text("total_note", required=False),
                     rows_line=f.line("rows"))


def _read_columns(f: Fields) -> tuple[tuple[Column, ...], frozenset[str]]:
    """The columns, and the keys of those whose 'type:' is not one (each reported)."""
    columns, keys, mistyped = [], set(), set()
    for index in f.list_of_mappings("columns", required=True, what="columns"):
        c = f.child("columns", index)
        c.unknown_keys({"key", "label", "type"})
        key = c.slug("key", example="positive")
        if key in keys:
            c.error("key", f"the column key '{key}' is used twice; each column needs its own.")
        keys.add(key)
        said = len(f.problems)
        kind = c.choice("type", ColumnType, default=ColumnType.TEXT)
        if len(f.problems) > said and key:   # held as text, so the chart must not call it so
            mistyped.add(key)
        if key:
            columns.append(Column(key, c.text("label", required=False) or key, kind))
    return tuple(columns), frozenset(mistyped)


def _count_rows(f: Fields) -> int:
    rows = f.raw("rows", None)
    if rows is None:
        f.missing("rows", "add one line per row like '- [North, 219, 228]'.")
        return 0
    if not isinstance(rows, list):
        f.error("rows", "'rows' must be a list, one line per row like '- [North, 219, 228]'.")
        return 0
    return len(rows)


def _read_row(f: Fields, keys: tuple, columns: tuple[Column, ...]) -> tuple[Cell, ...] | None:
    value = f.located.data
    for key in keys:
        value = value[key]
    line = f.located.line(*keys)
    name = "the total row" if keys == ("total",) else _row_name(keys[1], value)
    if not isinstance(value, list):
        f.problems.append(_err(f, line, f"{name} must be a list of cells in column order, "
                                        "like [North, 219, 228, 1, 448]."))
        return None
    if len(value) != len(columns):
        f.problems.append(_err(f, line, _cells_miscounted(name, value, columns)))
        return None
    cells = []
    for column, cell in zip(columns, value):
        cells.append(_cell(f, line, name, column, cell))
    return tuple(cells)


def _row_name(index: int, value: object) -> str:
    """A row as the editor reads the table, by its first cell too: "row 4 (Hertsmere)"."""
    first = value[0] if isinstance(value, list) and value else None
    return f"row {index + 1} ({first})" if isinstance(first, str) else f"row {index + 1}"


def _cells_miscounted(name: str, value: list, columns: tuple[Column, ...]) -> str:
    """Which row (by its first cell, as the editor reads the table), how its cells are read
    against the columns, and what to write. The cells are read in order, so a cell left out
    in the middle shifts the rest: the pairs show where (an example filled at the end put
    Refused's figure under Total)."""
    cells = count(len(value), "cell")
    said = (f"{name} has {cells} but the table has {len(columns)} columns "
            f"({', '.join(c.key for c in columns)})")
    if len(value) > len(columns):
        return f"{said}. If a number is written with a comma, like 1,200, write it 1200."
    read = ", ".join(f"{column.key} {'~' if cell is None else cell}"
                     for column, cell in zip(columns, value))
    missing = ", ".join(c.key for c in columns[len(value):])
    return (f"{said}: read in order, that is {read}, and nothing for {missing}. Write a cell "
            "for each column, in that order, with ~ for one not known.")


def _cell(f: Fields, line: int, name: str, column: Column, cell) -> Cell:
    if cell is None or not column.numeric:
        return None if cell is None else str(cell)
    if isinstance(cell, bool) or not isinstance(cell, (int, float)) or not math.isfinite(cell):
        hint = " (write numbers without commas or spaces)" if isinstance(cell, str) else ""
        if isinstance(cell, str) and column.type is ColumnType.PERCENT and cell.endswith("%"):
            hint = f" (write {cell.rstrip('% ')}: a percent column writes the % itself)"
        # a character pasted from Word is named, not the number it hides
        f.not_allowed_at(line, cell, f"in {name}, the {column.label} cell ('{column.key}') must "
                                     f"be a number, not '{cell}'{hint}; write ~ for a figure "
                                     "not known.")
        return None
    return cell


def _read_chart(f: Fields, columns: tuple[Column, ...], rows: tuple[tuple[Cell, ...], ...],
                mistyped: frozenset[str]) -> Chart | None:
    """The table's chart, or None where it could not be drawn (each reason reported)."""
    if f.raw("chart", None) is None:
        return None
    if not isinstance(f.raw("chart"), dict):
        f.error("chart", "'chart' must have 'label:' and 'value:' lines naming columns.")
        return None
    c = f.child("chart")
    c.unknown_keys({"label", "value", "exclude"})
    by_key = {col.key: col for col in columns}
    label, value = c.text("label", example="csp"), c.text("value", example="total")
    if label and label not in by_key:
        c.error("label", f"'chart.label: {label}' is not a column; use one of {', '.join(by_key)}.")
    if value and (value not in by_key or not by_key[value].numeric):
        _not_a_number_column(c, value, columns, mistyped)
    if not (label in by_key and value in by_key and by_key[value].numeric):
        return None
    chart = Chart(label, value, c.strings("exclude"))
    return None if _negative_bars(c, chart, columns, rows) else chart


def _not_a_number_column(c: Fields, value: str, columns: tuple[Column, ...],
                         mistyped: frozenset[str]) -> None:
    """Unless a column's 'type:' that is not one is why: its own error says what to write,
    and this one named no column to use (a council's trial: 'use one of .')."""
    numeric = ", ".join(col.key for col in columns if col.numeric)
    if value in mistyped:
        return
    if value not in {col.key for col in columns}:
        c.error("value", f"'chart.value: {value}' is not a column; use one of "
                         f"{numeric or ', '.join(col.key for col in columns)}.")
    elif mistyped and not numeric:
        return   # the mistyped column is likely the one meant, and its error says so
    elif numeric:
        c.error("value", f"'chart.value: {value}' is not a number column; use one of {numeric}.")
    else:
        c.error("value", f"'chart.value: {value}' is not a number column, and this table has "
                         "none; add 'type: number' to the column to chart.")


def _negative_bars(c: Fields, chart: Chart, columns: tuple[Column, ...],
                   rows: tuple[tuple[Cell, ...], ...]) -> bool:
    """Reports each charted value below zero, which a bar cannot show."""
    keys = [col.key for col in columns]
    label_at, value_at = keys.index(chart.label), keys.index(chart.value)
    negative = [r for r in rows if isinstance(r[value_at], (int, float)) and r[value_at] < 0
                and str(r[label_at]) not in chart.exclude]
    for row in negative:
        c.error("value", f"'{row[label_at]}' has {row[value_at]} in '{chart.value}', and a bar "
                         "chart cannot show a value below zero; chart another column, or leave "
                         f"the row out with 'exclude: [{row[label_at]}]'.")
    return bool(negative)


def _err(f: Fields, line: int, message: str) -> Problem:
    return error(f.path, line, message)


def check_total(table: DataTable) -> list[Problem]:
    """Warn, cell by cell, where a declared total differs from the sum of its rows and
    the table's `total_note` does not name that column to readers. A note once silenced
    every column, so columns it never mentioned were published wrong unremarked."""
    return [warning(table.origin.path, table.total_line,
                    f"the total for '{column.label}' is written as {_num(declared)} but the rows "
                    f"add up to {_num(added)} (a difference of {_num(declared - added)}); correct "
                    "the total or the rows, or explain the difference to readers with "
                    f"'total_note: ...' naming '{column.label}'.")
            for column, declared, added in _differences(table)
            if not _names(table.total_note, column.label)]


def noted_differences(table: DataTable) -> list[str]:
    """The labels of the columns whose total differs from their rows' sum and which the
    table's `total_note` names: the warnings the note stops."""
    return [column.label for column, _, _ in _differences(table)
            if _names(table.total_note, column.label)]


def _differences(table: DataTable) -> list[tuple[Column, float, float]]:
    """Each number column whose declared total is not the sum of its rows, with both."""
    if table.total is None:
        return []
    differences = []
    for index, column in enumerate(table.columns):
        declared = table.total[index]
        if not column.numeric or column.type is ColumnType.PERCENT or declared is None:
            continue
        added = sum(row[index] for row in table.rows if row[index] is not None)
        if added != declared:
            differences.append((column, declared, added))
    return differences


def _names(note: str | None, label: str) -> bool:
    return bool(note) and re.search(rf"(?<!\w){re.escape(label)}(?!\w)", note, re.IGNORECASE) is not None


def _num(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
