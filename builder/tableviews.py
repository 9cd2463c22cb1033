"""A data table as templates and slides see it: its cells written out, its chart drawn.

Part of the views (`builder.views`, which re-exports them), kept apart for their
size; like them, plain and frozen, built from the model.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import charts
from .model_tables import ColumnType, DataTable
from .templating import decimal_places, format_number


@dataclass(frozen=True)
class CellView:
    text: str
    numeric: bool


@dataclass(frozen=True)
class ColumnView:
    label: str
    numeric: bool


@dataclass(frozen=True)
class TableView:
    id: str
    title: str
    caption: str | None
    source: str | None
    columns: tuple[ColumnView, ...]
    rows: tuple[tuple[CellView, ...], ...]
    total: tuple[CellView, ...] | None
    chart_svg: Markup | None
    total_note: str | None = None
    slide_chart_svg: Markup | None = None   # the same chart drawn for a slide; None with it
    # The month, said after the title to screen readers: a theme page lists a table of the
    # same title each month, and their regions need names of their own (axe: landmark-unique).
    period: str = ""
    # The label of the column the chart's bars show, for its caption, where the table has
    # other number columns the bars might be ("" where the title says what they are).
    chart_of: str = ""

    @property
    def chart_title(self) -> str:
        """What the chart shows: the title, and the column where it could be another
        ("Drug tests by CSP: Total"), for the page's caption and the slide's heading."""
        return f"{self.title}: {self.chart_of}" if self.chart_of else self.title


def table_view(table: DataTable, id_prefix: str, period: str = "") -> TableView:
    table_id = f"{id_prefix}-table-{table.slug}"

    rows = table.rows + ((table.total,) if table.total else ())
    places = [decimal_places(row[i] for row in rows) for i in range(len(table.columns))]
    units = ["%" if c.type is ColumnType.PERCENT else "" for c in table.columns]

    def cells(row) -> tuple[CellView, ...]:
        return tuple(CellView(format_number(v, places[i], units[i]) if c.numeric else (v or ""),
                              c.numeric) for i, (c, v) in enumerate(zip(table.columns, row)))

    page_chart, slide_chart = _charts(table, table_id)
    return TableView(table_id, table.title, table.caption, table.source,
                     tuple(ColumnView(c.label, c.numeric) for c in table.columns),
                     tuple(cells(r) for r in table.rows),
                     cells(table.total) if table.total else None, page_chart, table.total_note,
                     slide_chart, period, _charted_column(table))


def _charts(table: DataTable, table_id: str) -> tuple[Markup | None, Markup | None]:
    """The table's chart as a page draws it and as a slide does, its rows read once."""
    if table.chart is None:
        return None, None
    keys = [c.key for c in table.columns]
    label_at, value_at = keys.index(table.chart.label), keys.index(table.chart.value)
    rows = [r for r in table.rows
            if r[value_at] is not None and str(r[label_at]) not in table.chart.exclude]
    drawn = [Markup(draw(table.title, [str(r[label_at]) for r in rows],
                         [float(r[value_at]) for r in rows], chart_id=f"{table_id}-chart",
                         value_label=table.columns[value_at].label))
             for draw in (charts.bar_chart_svg, charts.slide_bar_chart_svg)]
    return drawn[0], drawn[1]


def _charted_column(table: DataTable) -> str:
    """The chart's column, where the caption must say it: its image alone said which of
    several number columns the bars show, in words only a screen reader heard."""
    if table.chart is None or sum(c.numeric for c in table.columns) < 2:
        return ""
    return next(c.label for c in table.columns if c.key == table.chart.value)
