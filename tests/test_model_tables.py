"""builder.model_tables: a data table's columns, rows, total and chart, as values.

Reading tables from YAML and checking their totals is builder.tables's
(test_tables.py); drawing them is test_views.py's; that this module imports
nothing that renders is test_house.py's. Here: what a column's type means,
and that a table is a value the cache may name without changing it.
"""
from __future__ import annotations

import dataclasses

import pytest

from builder.model_tables import Chart, Column, ColumnType, DataTable
from builder.texts import Origin


@pytest.mark.parametrize("kind, numeric", [(ColumnType.TEXT, False), (ColumnType.NUMBER, True),
                                           (ColumnType.PERCENT, True)])
def test_number_and_percent_columns_are_numeric_text_is_not(kind, numeric):
    assert Column("patrols", "Patrols", kind).numeric is numeric


@pytest.mark.parametrize("written, kind", [("text", ColumnType.TEXT), ("number", ColumnType.NUMBER),
                                           ("percent", ColumnType.PERCENT)])
def test_a_column_type_is_named_by_the_word_an_editor_writes(written, kind):
    assert ColumnType(written) is kind
    assert kind == written   # a str enum: the word itself, in YAML and in messages


def test_a_column_type_no_editor_can_write_is_not_one():
    with pytest.raises(ValueError):
        ColumnType("currency")


def _table(**changes) -> DataTable:
    table = DataTable(
        slug="patrols", title="Patrols by area", caption=None, source=None,
        columns=(Column("area", "Area", ColumnType.TEXT),
                 Column("patrols", "Patrols", ColumnType.NUMBER)),
        rows=(("North", 1200), ("South", 800)), total=("Total", 2000),
        chart=Chart("area", "patrols", ()), origin=Origin("content/bulletins/2026-01/patrols.yaml"))
    return dataclasses.replace(table, **changes)


def test_where_a_table_was_made_from_is_not_part_of_its_value():
    """The cache names a table by its file's digest; a table read afresh is still equal."""
    named = _table(made_from="digest-of-patrols.yaml")
    assert named == _table()
    assert hash(named) == hash(_table())


@pytest.mark.parametrize("changes", [{"rows": (("North", 1200), ("South", 801))},
                                     {"total": ("Total", 2001)},
                                     {"total_note": "As published."},
                                     {"chart": None}])
def test_any_figure_or_note_a_reader_sees_makes_another_table(changes):
    assert _table(**changes) != _table()


def test_a_table_cannot_be_changed_once_read():
    table = _table()
    with pytest.raises(dataclasses.FrozenInstanceError):
        table.total = ("Total", 0)
