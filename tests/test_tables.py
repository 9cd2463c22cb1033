"""builder.tables: a data table's YAML into a `DataTable`, and its declared total checked.

The shipped February 2026 drug-tests table really has a total that does not
match its rows (kept as published); the tests read it through builder.tables.
"""
from __future__ import annotations

import dataclasses

from pathlib import Path

import pytest

from builder.errors import Severity
from builder.fields import read_mapping
from builder.model_tables import Chart, ColumnType
from builder.sources import Source, parse_yaml, read_source
from builder.tables import check_total, read_table

TOOL_ROOT = Path(__file__).resolve().parents[1]
DRUG_TESTS = "content/bulletins/2026-02/drug-tests.yaml"
PATH = "content/bulletins/2026-01/patrols.yaml"

PATROLS = """\
title: Patrols by area
columns:
  - {key: area, label: Area, type: text}
  - {key: patrols, label: Patrols, type: number}
  - {key: share, label: Share, type: percent}
rows:
  - [North, 1200, 60]
  - [South, 800, 40]
total: [Total, 2000, 100]
"""


def table_of(text: str, path: str = PATH):
    problems: list = []
    located = read_mapping(Source(path, text), problems, "a data table")
    assert located is not None, problems
    table = read_table(Path(path).stem, located, problems)
    return table, [str(p) for p in problems]


# --- the shipped drug-tests table ---------------------------------------------------------------

@pytest.fixture(scope="module")
def drug_tests():
    source, problems = read_source(TOOL_ROOT, TOOL_ROOT / DRUG_TESTS)
    assert problems == []
    located = read_mapping(source, problems, "a data table")
    table = read_table("drug-tests", located, problems)
    assert problems == [], problems
    return table


def test_shipped_drug_tests_table_reads_its_columns_and_rows(drug_tests):
    assert [c.key for c in drug_tests.columns] == ["csp", "positive", "negative", "refused", "total"]
    assert len(drug_tests.rows) == 12
    assert drug_tests.rows[0] == ("Broxbourne", 219, 228, 1, 448)
    assert drug_tests.total == ("Total", 5620, 6055, 63, 11738)
    assert drug_tests.chart == Chart("csp", "total", ())


def test_shipped_drug_tests_total_warns_for_each_column_that_differs(drug_tests):
    problems = check_total(dataclasses.replace(drug_tests, total_note=None))
    assert [str(p) for p in problems] == [
        f"{DRUG_TESTS}:24: warning: the total for 'Positive' is written as 5,620 but the rows add "
        "up to 5,543 (a difference of 77); correct the total or the rows, or explain the "
        "difference to readers with 'total_note: ...' naming 'Positive'.",
        f"{DRUG_TESTS}:24: warning: the total for 'Negative' is written as 6,055 but the rows add "
        "up to 5,954 (a difference of 101); correct the total or the rows, or explain the "
        "difference to readers with 'total_note: ...' naming 'Negative'.",
        f"{DRUG_TESTS}:24: warning: the total for 'Total' is written as 11,738 but the rows add "
        "up to 11,560 (a difference of 178); correct the total or the rows, or explain the "
        "difference to readers with 'total_note: ...' naming 'Total'.",
    ]
    assert all(p.severity is Severity.WARNING for p in problems)


def test_a_total_note_acknowledges_the_difference_and_is_kept_for_readers(drug_tests):
    assert check_total(drug_tests) == []
    assert "11,560" in drug_tests.total_note


def test_a_total_note_acknowledges_only_the_columns_it_names(drug_tests):
    """A note about the Total column once silenced Positive and Negative too, and a copy
    of it in a new month silenced every total there."""
    note = "The Total row is as published: the Total column's rows add up to 11,560."
    problems = check_total(dataclasses.replace(drug_tests, total_note=note))
    assert [p.message.split("'")[1] for p in problems] == ["Positive", "Negative"]


def test_shipped_drug_tests_refused_column_adds_up(drug_tests):
    refused = [row[3] for row in drug_tests.rows]
    assert sum(refused) == drug_tests.total[3] == 63
    assert not any("'Refused'" in p.message for p in check_total(drug_tests))


# --- totals ---------------------------------------------------------------------------------------

def test_an_equal_total_gives_no_warning():
    table, problems = table_of(PATROLS)
    assert problems == []
    assert check_total(table) == []


def test_a_table_without_a_total_gives_no_warning():
    table, _ = table_of(PATROLS.replace("total: [Total, 2000, 100]\n", ""))
    assert table.total is None and check_total(table) == []


def test_a_number_cell_with_a_character_pasted_from_word_is_told_the_character():
    """A review: '1200' and a zero-width space was told it must be a number, to be written
    without commas or spaces, which it seemed to be already."""
    _, said = table_of(PATROLS.replace("[North, 1200, 60]", "[North, 1200\u200b, 60]"))
    assert said == [f"{PATH}:7:17: error: '1200' is followed by an invisible character (U+200B, a "
                    "zero-width space, often pasted from Word or a web page): delete it."]


def test_a_wrong_total_names_the_column_both_numbers_and_the_difference():
    table, _ = table_of(PATROLS.replace("[Total, 2000, 100]", "[Total, 1950, 100]"))
    assert [str(p) for p in check_total(table)] == [
        f"{PATH}:9: warning: the total for 'Patrols' is written as 1,950 but the rows add up to "
        "2,000 (a difference of -50); correct the total or the rows, or explain the difference "
        "to readers with 'total_note: ...' naming 'Patrols'."]


def test_percent_columns_and_empty_total_cells_are_not_checked():
    table, _ = table_of(PATROLS.replace("[Total, 2000, 100]", "[Total, ~, 55]"))
    assert check_total(table) == []


def test_empty_cells_are_left_out_of_the_sum():
    table, _ = table_of(PATROLS.replace("[South, 800, 40]", "[South, ~, 40]")
                        .replace("[Total, 2000, 100]", "[Total, 1200, 100]"))
    assert table.rows[1] == ("South", None, 40)
    assert check_total(table) == []


def test_decimal_totals_are_shown_with_two_places():
    table, _ = table_of(PATROLS.replace("1200, 60", "10.5, 60").replace("800, 40", "0.25, 40")
                        .replace("[Total, 2000, 100]", "[Total, 11, 100]"))
    assert [p.message for p in check_total(table)] == [
        "the total for 'Patrols' is written as 11 but the rows add up to 10.75 (a difference of "
        "0.25); correct the total or the rows, or explain the difference to readers with "
        "'total_note: ...' naming 'Patrols'."]


# --- charts -----------------------------------------------------------------------------------------

def test_chart_naming_columns_is_read():
    table, problems = table_of(PATROLS + "chart:\n  label: area\n  value: patrols\n  exclude: [South]\n")
    assert problems == []
    assert table.chart == Chart("area", "patrols", ("South",))


def test_chart_label_must_name_a_column():
    table, problems = table_of(PATROLS + "chart:\n  label: town\n  value: patrols\n")
    assert table.chart is None
    assert problems == [f"{PATH}:11: error: 'chart.label: town' is not a column; use one of area, "
                        "patrols, share."]


def test_chart_value_must_name_a_number_column():
    """The chart was kept all the same, and drawing it crashed with float('North')
    (a developer's trial)."""
    table, problems = table_of(PATROLS + "chart:\n  label: area\n  value: area\n")
    assert problems == [f"{PATH}:12: error: 'chart.value: area' is not a number column; use one "
                        "of patrols, share."]
    assert table.chart is None


def test_a_charted_value_below_zero_is_an_error_not_a_crash():
    """A bar cannot show it: drawing the chart raised ValueError, a traceback from `check`."""
    text = PATROLS.replace("[South, 800, 40]", "[South, -800, 40]")
    table, problems = table_of(text + "chart:\n  label: area\n  value: patrols\n")
    assert problems == [f"{PATH}:12: error: 'South' has -800 in 'patrols', and a bar chart cannot "
                        "show a value below zero; chart another column, or leave the row out "
                        "with 'exclude: [South]'."]
    assert table.chart is None
    excluded, problems = table_of(text + "chart:\n  label: area\n  value: patrols\n"
                                         "  exclude: [South]\n")
    assert problems == [] and excluded.chart == Chart("area", "patrols", ("South",))


def test_chart_value_must_name_an_existing_column():
    _, problems = table_of(PATROLS + "chart:\n  label: area\n  value: count\n")
    assert problems == [f"{PATH}:12: error: 'chart.value: count' is not a column; use one "
                        "of patrols, share."]


def test_a_mistyped_column_type_is_not_also_called_an_unchartable_column():
    """After 'type: numeric' was reported, the chart said "use one of ." (a council's trial)."""
    text = PATROLS.replace("type: number}", "type: numeric}").replace(
        "  - {key: share, label: Share, type: percent}\n", "").replace(", 60]", "]").replace(
        ", 40]", "]").replace(", 100]", "]")
    table, problems = table_of(text + "chart:\n  label: area\n  value: patrols\n")
    assert problems == [f"{PATH}:4: error: 'columns.type: numeric' is not allowed; write one "
                        "of: text, number, percent."]
    assert table.chart is None
    # nor is charting the text column, when the mistyped one was the table's only number column
    _, problems = table_of(text + "chart:\n  label: area\n  value: area\n")
    assert len(problems) == 1 and "'columns.type: numeric'" in problems[0]
    # but a value that names no column at all is its own mistake (the review of session 21)
    _, problems = table_of(text + "chart:\n  label: area\n  value: patorls\n")
    assert problems[1:] == [f"{PATH}:11: error: 'chart.value: patorls' is not a column; use one "
                            "of area, patrols."]


def test_chart_value_in_a_table_of_no_number_columns_says_to_make_one():
    text = PATROLS.replace("type: number}", "type: text}").replace("type: percent}", "type: text}")
    _, problems = table_of(text + "chart:\n  label: area\n  value: patrols\n")
    assert problems == [
        f"{PATH}:12: error: 'chart.value: patrols' is not a number column, and this table has "
        "none; add 'type: number' to the column to chart."]


def test_chart_that_is_not_keys_says_what_to_write():
    table, problems = table_of(PATROLS + "chart: patrols\n")
    assert table.chart is None
    assert problems == [f"{PATH}:10: error: 'chart' must have 'label:' and 'value:' lines naming "
                        "columns."]


def test_chart_missing_value_names_the_key_and_an_example():
    _, problems = table_of(PATROLS + "chart:\n  label: area\n")
    assert problems == [f"{PATH}:10: error: 'chart.value' is missing; add a line like "
                        "'value: total'."]


# --- columns and rows -----------------------------------------------------------------------------

def test_column_types_and_default_text():
    table, _ = table_of(PATROLS.replace(", type: text}", "}"))
    assert [c.type for c in table.columns] == [ColumnType.TEXT, ColumnType.NUMBER, ColumnType.PERCENT]


def test_unknown_column_type_lists_the_types():
    _, problems = table_of(PATROLS.replace("type: number", "type: integer"))
    assert problems == [f"{PATH}:4: error: 'columns.type: integer' is not allowed; write one of: "
                        "text, number, percent."]


def test_duplicate_column_key():
    _, problems = table_of(PATROLS.replace("key: share", "key: patrols"))
    assert problems[0] == (f"{PATH}:5: error: the column key 'patrols' is used twice; each column "
                           "needs its own.")


def test_total_row_with_the_wrong_number_of_cells():
    table, problems = table_of(PATROLS.replace("[Total, 2000, 100]", "[Total, 2000]"))
    assert table.total is None
    assert problems == [f"{PATH}:9: error: the total row has 2 cells but the table has 3 columns "
                        "(area, patrols, share): read in order, that is area Total, patrols "
                        "2000, and nothing for share. Write a cell for each column, in that "
                        "order, with ~ for one not known."]


def test_a_row_that_is_not_a_list():
    _, problems = table_of(PATROLS.replace("  - [South, 800, 40]", "  - South"))
    assert problems == [f"{PATH}:8: error: row 2 must be a list of cells in column order, like "
                        "[North, 219, 228, 1, 448]."]


@pytest.mark.parametrize("cell, shown", [("'1,200'", "1,200"), ("'1 200'", "1 200"),
                                         ("lots", "lots"), ("true", "True"), (".nan", "nan"),
                                         ("-.inf", "-inf")])
def test_a_cell_that_is_not_a_number_in_a_number_column(cell, shown):
    table, problems = table_of(PATROLS.replace("[North, 1200, 60]", f"[North, {cell}, 60]"))
    assert table.rows[0][1] is None
    assert len(problems) == 1
    assert problems[0].startswith(f"{PATH}:7: error: in row 1 (North), the Patrols cell ('patrols') must be a number, not "
                                  f"'{shown}'")
    assert problems[0].endswith("write ~ for a figure not known.")


def test_a_percent_written_with_its_sign_is_told_the_column_writes_it():
    """'70.3%' was told only that it must be a number (an adopting council's trial)."""
    _, problems = table_of(PATROLS.replace("[North, 1200, 60]", "[North, 1200, 60.5%]"))
    assert problems == [f"{PATH}:7: error: in row 1 (North), the Share cell ('share') must be a "
                        "number, not '60.5%' (write 60.5: a percent column writes the % "
                        "itself); write ~ for a figure not known."]


def test_a_text_cell_holding_a_number_is_text():
    table, problems = table_of(PATROLS.replace("[North, 1200, 60]", "[2026, 1200, 60]"))
    assert problems == [] and table.rows[0][0] == "2026"


def test_a_table_without_columns_is_not_read():
    problems: list = []
    located, _ = parse_yaml("title: T\nrows: []\n", PATH)
    assert read_table("patrols", located, problems) is None
    assert [str(p) for p in problems] == [f"{PATH}:1: error: 'columns' is missing; add the columns "
                                          "as a list, each starting '- '."]


def test_a_row_with_a_mistake_does_not_also_put_the_total_out(site, capsys):
    """The bad cell was held as blank and summed as nothing: a warning that the total was
    out by the row's figure followed the row's own error (an editor's trial)."""
    patrols = "content/bulletins/2026-01/patrols.yaml"
    site.write(patrols, site.read(patrols).replace("[South, 800]", "[South, 800%]"))
    run = site.build(capsys=capsys)
    assert run.code == 1
    assert f"{patrols}:7:" in run.err and "error" in run.err
    assert "the total for" not in run.err, run.err
