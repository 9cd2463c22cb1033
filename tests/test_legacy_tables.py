"""builder.legacy_tables: a tab-separated table of an export into data-table YAML.

test_importer.py compares the whole February 2026 import, drug-tests table and
all, with the shipped content (when the seed exports are beside the
repository); here, each rule on a small table, and the YAML read back by the
same reader a build uses.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.fields import read_mapping
from builder.legacy_tables import parse_table, table_yaml, total_note
from builder.model import Month
from builder.sources import Source
from builder.tables import check_total, read_table

EXPORT = Source("exports/001_feb.txt", "")
HEADER = ["CSP", "Positive", "Negative", "Total"]


def parsed(*rows: list[str], header: list[str] = HEADER, line: int = 7):
    """The export's `rows` under `header`, parsed as a table written on `line`."""
    warnings: list = []
    table = parse_table([header, *rows], "table-1", "Monthly RAG Update", Month(2026, 2),
                        EXPORT, line, warnings)
    return table, [str(w) for w in warnings]


def read_back(yaml_text: str, path: str = "content/bulletins/2026-02/table-1.yaml"):
    """The YAML as `bulletin build` reads it: the table and the problems met reading it."""
    problems: list = []
    located = read_mapping(Source(path, yaml_text), problems, "a data table")
    table = read_table(Path(path).stem, located, problems) if located is not None else None
    return table, [str(p) for p in problems]


# --- reading the export's rows ------------------------------------------------------------------

def test_a_last_row_called_total_is_the_declared_total_not_a_row():
    table, _ = parsed(["North", "10", "5", "15"], ["South", "20", "5", "25"],
                      ["TOTAL ", "30", "10", "40"])
    assert table.rows == (("North", "10", "5", "15"), ("South", "20", "5", "25"))
    assert table.total == ("TOTAL ", "30", "10", "40")


def test_a_total_row_in_the_middle_is_an_ordinary_row():
    table, _ = parsed(["Total", "1", "1", "2"], ["South", "20", "5", "25"])
    assert table.total is None and len(table.rows) == 2


def test_a_column_is_numeric_only_when_every_cell_is_a_number_and_never_the_first():
    table, _ = parsed(["10", "1,200", "-4.5", "12"], ["20", "300", "0.25", "n/a"],
                      header=["CSP", "Arrests", "Rate", "Note"])
    assert table.numeric == (False, True, True, False)
    assert table.keys == ("csp", "arrests", "rate", "note")


def test_the_title_is_made_from_the_column_names_and_the_editor_is_asked_for_a_better_one():
    three, warnings = parsed(["North", "10", "5", "15"])
    two, _ = parsed(["North", "12"], header=["Area", "Patrols"])
    assert three.title == "Positive, Negative and Total by CSP"
    assert two.title == "Patrols by Area"
    assert warnings == ["exports/001_feb.txt:7: warning: the table is titled 'Positive, Negative "
                        "and Total by CSP' from its column names; give it a title that says "
                        "what it counts."]


def test_the_source_names_the_export_and_its_month():
    table, _ = parsed(["North", "10", "5", "15"])
    assert table.source == "Monthly RAG Update, February 2026"


def test_a_row_with_the_wrong_number_of_cells_is_left_out_with_a_warning_on_its_line():
    table, warnings = parsed(["North", "10", "5", "15"], ["South", "20"], ["East", "1", "1", "2"],
                             line=30)
    assert [row[0] for row in table.rows] == ["North", "East"]
    assert warnings[0] == ("exports/001_feb.txt:32: warning: this table row has 2 cells but the "
                           "header has 4; it is left out of the table: add it by hand.")


# --- totals -------------------------------------------------------------------------------------

def test_sums_are_of_numeric_columns_with_thousands_separators_read():
    table, _ = parsed(["North", "1,200", "5", "1,205"], ["South", "20", "0.5", "20.5"])
    assert table.sums() == [None, 1220, 5.5, 1225.5]


def test_a_total_differs_when_any_numeric_column_does_not_add_up():
    equal, _ = parsed(["North", "10", "5", "15"], ["Total", "10", "5", "15"])
    wrong, _ = parsed(["North", "10", "5", "15"], ["Total", "10", "6", "15"])
    none, _ = parsed(["North", "10", "5", "15"])
    assert (equal.total_differs(), wrong.total_differs(), none.total_differs()) == \
        (False, True, False)
    assert total_note(equal) is None and total_note(none) is None


def test_the_note_on_a_total_names_the_last_numeric_column_and_which_way_it_differs():
    higher, _ = parsed(["North", "1,000", "5", "1,005"], ["Total", "1,000", "5", "1,240"])
    lower, _ = parsed(["North", "10", "5", "15"], ["Total", "10", "5", "14"])
    assert total_note(higher) == (
        "The Total row of the table below is shown exactly as in the export. It is higher than "
        "the sum of the rows above it (for example, in the Total column the rows add up to "
        "1,005, but the Total row gives 1,240).")
    assert "It is lower than the sum" in total_note(lower)


# --- the YAML -----------------------------------------------------------------------------------

def test_the_yaml_gives_numbers_as_numbers_quotes_text_that_needs_it_and_charts_the_total():
    table, _ = parsed(["North Herts", "1,200", "5", "1,205"], ["South, East", "20", "5.5", "25.5"],
                      ["Total", "1,220", "10.5", "1,230.5"])
    assert table_yaml(table) == """\
title: Positive, Negative and Total by CSP
source: Monthly RAG Update, February 2026
columns:
  - {key: csp, label: CSP, type: text}
  - {key: positive, label: Positive, type: number}
  - {key: negative, label: Negative, type: number}
  - {key: total, label: Total, type: number}
rows:
  - [North Herts, 1200, 5, 1205]
  - ["South, East", 20, 5.5, 25.5]
total: [Total, 1220, 10.5, 1230.5]
chart:
  label: csp
  value: total
  exclude: []
"""


def test_a_total_that_does_not_add_up_is_kept_as_exported_with_a_comment_saying_so():
    table, _ = parsed(["North", "10", "5", "15"], ["Total", "12", "5", "17"])
    text = table_yaml(table)
    assert ("# The Total row exactly as the export gives it. It does not equal the sum of the "
            "rows\n# above (the rows add up to 10, 5, 15); it is kept as published, not "
            "corrected.\ntotal: [Total, 12, 5, 17]\n") in text


def test_no_chart_without_a_total_column_to_draw():
    table, _ = parsed(["North", "1", "2"], ["South", "3", "4"],
                      header=["Area", "Patrols", "Arrests"])
    assert "chart:" not in table_yaml(table)


def test_a_first_column_of_years_names_the_bars_and_reads_back_as_text():
    table, _ = parsed(["2025", "1", "2"], ["2026", "3", "4"], header=["Year", "Patrols", "Total"])
    read, problems = read_back(table_yaml(table))
    assert problems == [] and read.rows == (("2025", 1, 2), ("2026", 3, 4))
    assert (read.chart.label, read.chart.value) == ("year", "total")


def test_the_yaml_reads_back_as_the_same_table_and_the_build_s_check_agrees_on_its_total():
    table, _ = parsed(["North Herts", "1,200", "5", "1,205"], ["South, East", "20", "5", "25"],
                      ["Total", "1,220", "10", "1,240"])
    read, problems = read_back(table_yaml(table))
    assert problems == []
    assert [c.key for c in read.columns] == ["csp", "positive", "negative", "total"]
    assert read.rows == (("North Herts", 1200, 5, 1205), ("South, East", 20, 5, 25))
    assert read.total == ("Total", 1220, 10, 1240)
    assert [p.message.split("'")[1] for p in check_total(read)] == ["Total"]


@pytest.mark.parametrize("name", ["Yes", "St Albans: Central", "#1 area", "North [pilot]", "- East",
                                  "{South}"])
def test_a_text_cell_yaml_would_read_otherwise_is_written_so_it_reads_back_the_same(name):
    table, _ = parsed([name, "12"], header=["Area", "Patrols"])
    read, problems = read_back(table_yaml(table))
    assert problems == [] and read.rows == ((name, 12),)


AWKWARD = ['Area "A", North', "Hatfield\\Welwyn, East", 'Say "hi"', "back\\slash", '"', "\\",
           '\\"', "a:b", "a: b, c", "Total:", "- East, West", "!tag, x", "&anchor, x", "*alias, x",
           "#1, two", "?q, r", "|pipe, x", ">fold, x", "%pct, x", "@at, x", "`tick, x",
           "'single', x", "null, ~", "~", "yes, no", "1,234", "[x], {y}", "Zürich, Genève",
           "Øst–vest “curly”, ok", "nbsp\xa0here, x", "emoji \U0001F600, x", "\ufeffbom, x"]


@pytest.mark.parametrize("name", AWKWARD)
def test_a_text_cell_with_a_comma_and_a_quote_or_backslash_reads_back_the_same(name):
    """A cell holding a comma was wrapped in double quotes with its own quotes and
    backslashes left bare: `["Area "A", North", 12]` is not YAML. Now it is double-quoted
    by PyYAML's emitter; every awkward cell reads back as exported."""
    table, _ = parsed([name, "12"], header=["Area", "Patrols"])
    read, problems = read_back(table_yaml(table))
    assert problems == [] and read.rows == ((name, 12),)


@pytest.mark.parametrize("label", ['Area "A", North', "Hatfield\\Welwyn, East", "Area: north, south",
                                   "- East, West", "#1, two", "'single', x", "Rate (%), [est.]"])
def test_a_column_label_with_a_comma_and_a_quote_or_backslash_reads_back_the_same(label):
    """Column labels are written by the same code as text cells, inside a flow mapping."""
    table, _ = parsed(["North", "12"], header=["Area", label])
    read, problems = read_back(table_yaml(table))
    assert problems == [] and [c.label for c in read.columns] == ["Area", label]


@pytest.mark.parametrize("words", [("Yes", "No"), ("On", "Off"), ("True", "False"), ("Null", "2025")])
def test_a_column_key_yaml_would_read_as_a_boolean_null_or_number_reads_back_as_text(words):
    """A survey's 'Yes' and 'No' columns were keyed `{key: yes, ...}`, which YAML reads
    as true, and the build refused the table; the chart's label column too."""
    table, _ = parsed(["North", "1", "2", "3"], header=[*words, "Maybe", "Total"])
    read, problems = read_back(table_yaml(table))
    keys = [w.lower() for w in words]
    assert problems == [] and [c.key for c in read.columns] == [*keys, "maybe", "total"]
    assert (read.chart.label, read.chart.value) == (keys[0], "total")


def test_a_cell_that_needs_no_quotes_is_still_written_plain():
    table, _ = parsed(['Say "hi"', "12"], ["Welwyn Hatfield", "3"], header=["Area", "Patrols"])
    assert '  - [Say "hi", 12]\n  - [Welwyn Hatfield, 3]\n' in table_yaml(table)
