"""builder.markdowntables: a Markdown table on a page in its scroll box, named for screen
readers, and a row of another length than its header reported at its line.

Each text is rendered by both writers (`builder.rustmarkdown` where it takes the text,
and markdown-it-py alone): they must box, name and report alike; test_rustmarkdown.py
holds their bytes together on many more texts.
"""
from __future__ import annotations

import re

import pytest

from builder import cli, markdown, markdownitpy, markdowntables, rustmarkdown, safety
from builder.decks import slides
from builder.errors import Severity
from builder.texts import Markdown, Origin

PATH = "content/bulletins/2026-01/hate-crime.md"
WIDE = ("| Strand | Broxbourne | Dacorum | East Herts | Hertsmere | North Herts |\n"
        "| --- | --- | --- | --- | --- | --- |\n")


def _keep(url: str, source: str):
    return url, None


def both(text: str, flavour: markdown.Flavour = markdown.PAGE, line: int = 5):
    """[(html, problems)] of the fast writer (where it takes the text) and markdown-it-py."""
    results = []
    for write in (lambda ctx: getattr(rustmarkdown.render_html(ctx, text), "html", None),
                  markdownitpy.render):
        ctx = markdown.Context(Markdown(text, Origin(PATH, line)), _keep, "", 0, flavour)
        html = write(ctx)
        if html is not None:
            results.append((html, [(p.line, p.severity, p.message) for p in ctx.problems]))
    assert results[0] == results[-1]
    return results


def test_a_table_on_a_page_is_in_a_focusable_region_named_by_the_heading_above_it():
    results = both("## Hate crime by strand\n\nFigures.\n\n" + WIDE
                   + "| Race | 1 | 2 | 3 | 4 | 5 |\n")
    assert len(results) == 2, "the fast writer took the text"
    html, problems = results[0]
    assert ('<p class="govuk-body">Figures.</p>\n<div class="bulletin-table" role="region" '
            'aria-label="Table under Hate crime by strand" tabindex="0">\n'
            '<table class="govuk-table" aria-label="Table under Hate crime by strand">\n') in html
    assert html.endswith("</table>\n</div>\n") and problems == []


def test_the_table_in_a_box_is_named_as_its_box_is_and_cleaning_keeps_the_name():
    """Someone jumping from table to table heard nothing of a Markdown table: only its box
    had a name (a screen-reader trial). Both writers name the table as its box."""
    text = "## Drugs & alcohol\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    for html, _ in both(text):
        assert '<table class="govuk-table" aria-label="Table under Drugs &amp; alcohol">' in html
        assert safety.clean(html).count('aria-label="Table under Drugs &amp; alcohol"') == 2


def test_the_heading_s_marks_are_not_in_the_name_and_a_second_table_under_it_is_numbered():
    text = ("### Reports *by* `strand` &amp; [area](x.md)\n\n| A |\n|---|\n| 1 |\n\n"
            "| B |\n|---|\n| 2 |\n\n## Next\n\n| C |\n|---|\n| 3 |\n")
    html = both(text)[0][0]
    assert re.findall(r'role="region" aria-label="([^"]*)"', html) == [
        "Table under Reports by strand &amp; area", "Table 2 under Reports by strand &amp; area",
        "Table under Next"]


def test_a_table_before_any_heading_is_named_by_its_columns():
    html = both(WIDE + "| Race | 1 | 2 | 3 | 4 | 5 |\n")[0][0]
    assert ('aria-label="Table with columns Strand, Broxbourne, Dacorum, East Herts '
            'and 2 more"') in html
    # marks escaped are text, and named as such
    assert 'aria-label="Table with columns A and *B*"' in both("| A | \\*B\\* |\n|---|---|\n")[0][0]


@pytest.mark.parametrize("heading, number, header, name", [
    ("Reporting", 1, ["A"], "Table under Reporting"),
    ("Reporting", 3, ["A"], "Table 3 under Reporting"),
    ("", 1, ["Area", " ", "Count"], "Table with columns Area and Count"),
    ("", 1, ["Area"], "Table with columns Area"),
    ("", 1, ["", ""], "Table"),
    ("", 1, list("abcdef"), "Table with columns a, b, c, d and 2 more"),
    ("", 1, list("abcde"), "Table with columns a, b, c, d and e"),
])
def test_a_box_s_name(heading, number, header, name):
    assert markdowntables.box_name(heading, number, header) == name


def test_a_deck_s_table_has_no_box():
    """reveal.js sizes a slide and scales it to the screen: a scrolling box has no place."""
    for html, _ in both("## Slide\n\n| A | B |\n|---|---|\n| 1 | 2 |\n", slides.DECK):
        assert html.startswith("<h2") and "<div" not in html and "<table>" in html


def test_a_short_row_is_a_warning_at_its_line_saying_what_to_write():
    (html, problems), *_ = both("Intro.\n\n" + WIDE + "| Religion | 1 | 2 |\n"
                                "| Race | 1 | 2 | 3 | 4 | 5 |\n")
    assert problems == [(9, Severity.WARNING,
                         "row 1 (Religion) of this table has 3 cells but its header row has 6, "
                         "so the page shows it with 3 cells left empty at its end. Fill them in, "
                         "or, where a cell is meant to be empty, write it as an empty cell "
                         "between pipes, '| |', so the row has 6 cells: | Religion | 1 | 2 | | | |")]
    assert html.count('<td class="govuk-table__cell"></td>') == 3   # as GitHub shows it


@pytest.mark.parametrize("text, suggested", [
    ("| A | B | C |\n|---|---|---|\n| x |\n", "| x | | |"),
    ("A | B | C\n---|---|---\nx | y\n", "x | y | |"),
    ("> | A | B | C |\n> |---|---|---|\n> | x |\n", "> | x | | |"),
    # a list item's row keeps its indent: without it the row pasted in left the list
    ("- | A | B | C |\n  |---|---|---|\n  | x |\n", "  | x | | |"),
])
def test_the_row_suggested_has_as_many_cells_as_the_header(text, suggested):
    (_, problems), *_ = both(text)
    assert problems[0][2].rsplit(": ", 1)[1] == suggested
    assert len(markdowntables.row_cells(suggested.lstrip("> "))) == 3
    fixed = text.replace(text.splitlines()[2], suggested)
    (_, still), *_ = both(fixed)
    assert still == [], still


def test_a_row_with_text_past_the_header_s_cells_is_an_error_on_a_page_and_a_warning_in_a_deck():
    text = "| A | B |\n|---|---|\n| 1 | 2 | 3 | four |\n"
    (_, problems), *_ = both(text)
    assert problems == [(7, Severity.ERROR,
                         "row 1 (1) of this table has 4 cells but its header row has 2, so the "
                         "page leaves out its last 2 cells ('3', 'four'). Give the table a column "
                         "for them (a heading in the header row and a cell in every row), or take "
                         "them out of this row; a '|' that is part of a cell's text is written "
                         "'\\|'.")]
    (_, in_a_deck), *_ = both(text, slides.DECK)
    assert [severity for _, severity, _ in in_a_deck] == [Severity.WARNING]


def test_an_empty_cell_past_the_header_s_is_a_warning():
    (_, problems), *_ = both("| A | B |\n|---|---|\n| 1 | 2 | |\n| 3 | 4 |\n")
    assert problems == [(7, Severity.WARNING,
                         "row 1 (1) of this table has 3 cells but its header row has 2; the last "
                         "cell is empty, and the page leaves it out. Take the extra '|' out of the "
                         "row so it has 2 cells.")]


@pytest.mark.parametrize("row, cells", [
    ("| a | b |", 2), ("a | b", 2), ("| a | b", 2), ("a | b |", 2), ("| a \\| b |", 1),
    ("| a \\\\| b |", 1), ("| |", 1), ("||", 1), ("|", 0), ("| a | | c |", 3),
])
def test_a_row_s_cells_are_counted_as_markdown_it_counts_them(row, cells):
    assert len(markdowntables.row_cells(row)) == cells
    columns = max(cells, 1)
    header = "| " + " | ".join(f"h{i}" for i in range(columns)) + " |\n|" + "---|" * columns
    (_, problems), *_ = both(f"{header}\n{row}\n")
    assert (problems == []) == (cells == columns), problems   # as many as markdown-it reads


def test_rows_as_long_as_the_header_and_tables_in_quotes_and_lists_say_nothing():
    for text in ("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n",
                 "> | a | b |\n> |---|---|\n> | 1 | 2 |\n",
                 "| a | `b|c` |\n|---|---|\n| 1 | `2|3` |\n"):
        assert all(problems == [] for _, problems in both(text)), text


def test_bulletin_check_reports_a_short_row_with_its_file_and_line(site, capsys):
    site.write(PATH, "---\nrag: green\n---\n## Reporting\n\nFigures.\n\n" + WIDE
               + "| Religion | 1 | 2 |\n")
    code = cli.main(["check", "--root", str(site.root)])
    out = capsys.readouterr().out
    assert code == 0   # a warning: the page shows what GitHub would
    assert (f"{PATH}:10: warning: row 1 (Religion) of this table has 3 cells but its header "
            "row has 6") in out
