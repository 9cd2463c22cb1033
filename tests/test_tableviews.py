"""builder.tableviews: a data table as pages and slides show it, its numbers written out."""
from __future__ import annotations

import pytest

from builder.model_tables import Chart, Column, ColumnType, DataTable
from builder.tableviews import table_view
from builder.texts import Origin


def _table(columns, rows, total=None, chart=None):
    cols = tuple(Column(key, key.title(), ColumnType(kind)) for key, kind in columns)
    return DataTable("t", "T", None, None, cols, tuple(map(tuple, rows)),
                     tuple(total) if total else None, chart, Origin("content/x.yaml", 1))


@pytest.mark.parametrize("columns, charted", [
    ([("district", "text"), ("october", "number"), ("november", "percent")], "November"),
    ([("district", "text"), ("november", "number")], ""),
])
def test_a_chart_names_its_column_for_its_caption_only_where_the_table_has_several(
        columns, charted):
    """Which of several number columns a chart's bars show was said only in the image's
    hidden text; with one number column, the title says what the bars are."""
    rows = [["North"] + [1] * (len(columns) - 1), ["South"] + [2] * (len(columns) - 1)]
    view = table_view(_table(columns, rows, chart=Chart("district", "november", ())), "p")
    assert view.chart_svg is not None and view.chart_of == charted


def test_a_percent_column_shows_its_sign_and_one_set_of_decimal_places():
    """A 'share' column showed 36.6, 26.8, 22 and 14.6: no % and 22.0 lost its point
    (an adopting council's trial)."""
    view = table_view(_table([("area", "text"), ("share", "percent")],
                             [["North", 36.6], ["South", 22.0], ["East", 14]]), "p")
    assert [row[1].text for row in view.rows] == ["36.6%", "22.0%", "14.0%"]


def test_a_number_column_keeps_the_places_it_was_written_with_in_every_row_and_the_total():
    view = table_view(_table([("area", "text"), ("rate", "number"), ("count", "number")],
                             [["North", 1.25, 1200], ["South", 3, 34]], ["Total", 4.25, 1234]), "p")
    assert [[c.text for c in row[1:]] for row in view.rows] == [["1.25", "1,200"], ["3.00", "34"]]
    assert [c.text for c in view.total[1:]] == ["4.25", "1,234"]
