"""The model of a data table: its columns, rows, total and chart, as `builder.tables` reads them.

Part of the model (`builder.model`), kept apart for its size; like it, it imports
nothing that renders.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .texts import Origin


class ColumnType(str, Enum):
    TEXT = "text"
    NUMBER = "number"
    PERCENT = "percent"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    type: ColumnType

    @property
    def numeric(self) -> bool:
        return self.type is not ColumnType.TEXT


Cell = str | int | float | None


@dataclass(frozen=True)
class Chart:
    label: str  # column key naming each bar
    value: str  # column key giving each bar's length
    exclude: tuple[str, ...]


@dataclass(frozen=True)
class DataTable:
    slug: str
    title: str
    caption: str | None
    source: str | None
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None
    chart: Chart | None
    origin: Origin
    total_line: int = 0
    rows_line: int = 0   # for `bulletin check`'s advice on rows copied from the month before
    total_note: str | None = None  # shown to readers; acknowledges a total that differs
    made_from: str = field(default="", compare=False)  # see model.Entry.made_from
