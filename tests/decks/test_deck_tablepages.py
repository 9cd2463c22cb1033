"""builder.decks.tablepages and tablefit: a month's data table over as many slides as it
takes at a size the room can read (Chromium's side: test_deck_table_browser.py)."""
from __future__ import annotations

import pytest

from builder.decks import tablefit
from builder.decks.model import THEMES
from builder.decks.tablepages import chart_notes, table_notes, table_pages
from builder.tableviews import CellView, ColumnView, TableView

from .test_deck_monthly import generate

AREAS = ["Broxbourne", "Dacorum", "East Hertfordshire", "Hertsmere", "North Hertfordshire",
         "St Albans", "Stevenage", "Three Rivers", "Watford", "Welwyn Hatfield",
         "No fixed abode", "Out of County"]
NOTE = "The Total row is shown as published."


def table(rows: list[list[str]], labels=("Area", "Positive", "Negative", "Refused", "Total"),
          total: list[str] | None = None, note: str | None = None,
          title: str = "Drug tests by Community Safety Partnership") -> TableView:
    cell = lambda text: CellView(text, text[:1].isdigit())  # noqa: E731
    return TableView("t", title, "Drug tests in custody.", None,
                     tuple(ColumnView(label, i > 0) for i, label in enumerate(labels)),
                     tuple(tuple(map(cell, row)) for row in rows),
                     tuple(map(cell, total)) if total else None, None, note)


def drug_tests(count: int = 12, **kwargs) -> TableView:
    """The shipped February table's shape: twelve areas, four numbers each, a total."""
    rows = [[AREAS[i % 12], "219", "1,228", "4", "1,448"] for i in range(count)]
    return table(rows, total=["Total", "5,620", "6,055", "63", "11,738"], note=NOTE, **kwargs)


def shown(pages) -> list[str]:
    return [row[0].text for page in pages for row in page.rows]


def test_a_table_that_fits_is_one_slide_under_its_own_title():
    (page,) = table_pages(drug_tests(4), "white")
    assert page.title == "Drug tests by Community Safety Partnership"
    assert (page.number, page.count, page.first_row, len(page.rows)) == (1, 1, 1, 4)
    assert page.total is not None and page.widths == ()
    notes = table_notes(drug_tests(4), page)
    assert notes == ("<p>Drug tests in custody.</p>"
                     f"<p>Note on the total: {NOTE}</p>") == chart_notes(drug_tests(4))


def test_the_shipped_twelve_rows_run_on_to_a_second_slide_with_the_header_and_total_as_a_slide_tool_s():
    """At 26 px the February table (a two-line heading, twelve rows, a total and its note)
    was 888 px of a 700 px slide: seven rows, then five and the total."""
    drugs = drug_tests()
    pages = table_pages(drugs, "white")
    assert [p.title for p in pages] == ["Drug tests by Community Safety Partnership (1 of 2)",
                                        "Drug tests by Community Safety Partnership (2 of 2)"]
    assert [len(p.rows) for p in pages] == [7, 5] and [p.first_row for p in pages] == [1, 8]
    assert shown(pages) == AREAS                      # every row once, in order, none split
    assert all(p.columns == drugs.columns for p in pages)   # the header row on each
    assert [p.total for p in pages] == [None, drugs.total]  # the total on the last only
    assert pages[0].widths == pages[1].widths == (19, 8, 8, 7, 6)   # "North Hertfordshire"


def test_the_speaker_notes_say_where_the_table_runs_on_from_and_give_the_total_s_note_with_it():
    drugs = drug_tests()
    first, second = (table_notes(drugs, page) for page in table_pages(drugs, "white"))
    assert first.startswith("<p>The table runs on over 2 slides: this one has rows 1 to 7 of "
                            "12.</p><p>Drug tests in custody.</p>")
    assert "Note on the total" not in first
    assert second.startswith("<p>Continues the table Drug tests by Community Safety "
                             "Partnership from the previous slide (rows 8 to 12 of 12).</p>")
    assert second.endswith(f"<p>Note on the total: {NOTE}</p>")


@pytest.mark.parametrize("count", [13, 20, 31, 47])
def test_rows_are_shared_evenly_over_the_fewest_slides_that_hold_them(count):
    """Twelve and one read as a table and its stray last row: seven and six do not."""
    plain = table([[f"Area {i}", str(i)] for i in range(count)], labels=("Area", "Count"))
    pages = table_pages(plain, "white")
    sizes = [len(p.rows) for p in pages]
    assert max(sizes) - min(sizes) <= 1, sizes
    most = _rows_that_fit(plain, "white", len(pages))
    assert len(pages) == -(-count // most), (sizes, most)   # no slide fewer would hold them


def _rows_that_fit(plain: TableView, theme: str, count: int) -> int:
    """Rows of one line under a heading numbered for `count` slides, as tablefit counts."""
    heading = tablefit.heading_height(f"{plain.title} ({count} of {count})", theme)
    row = tablefit.LINE + tablefit.ROW_PADDING
    return int((tablefit.SLIDE_HEIGHT - heading - tablefit.FOOT - row) // row)


def test_the_same_table_makes_the_same_slides_and_a_theme_of_bigger_headings_more_of_them():
    assert table_pages(drug_tests(), "white") == table_pages(drug_tests(), "white")
    assert len(table_pages(drug_tests(), "serif")) > len(table_pages(drug_tests(), "white"))
    assert {t for t in THEMES if len(table_pages(drug_tests(4), t)) > 1} == set()


def test_a_title_of_more_than_three_lines_in_the_theme_s_size_is_set_smaller_on_each_slide():
    """blood's headings are 84 px capitals, 16 to a line: the title took the slide."""
    blood = table_pages(drug_tests(), "blood")
    assert [p.long_title for p in blood] == [True, True] and len(blood) == 2
    assert not any(p.long_title for p in table_pages(drug_tests(), "white"))


def test_rows_whose_words_wrap_take_more_room_than_rows_of_one_line():
    said = "A long description of the area that wraps in its column " * 2
    wordy = table([[f"Area {i}", said, str(i)] for i in range(12)],
                  labels=("Area", "What", "Count"))
    pages = table_pages(wordy, "white")
    assert len(pages) > len(table_pages(drug_tests(12), "white"))
    assert shown(pages) == [f"Area {i}" for i in range(12)]
    assert all(p.widths == () for p in pages)   # wrapped: the browser shares the width


def test_a_table_too_wide_for_the_slide_shows_its_columns_a_few_at_a_time_beside_the_first():
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    wide = table([[area, *(f"{n:,}" for n in range(1000, 1012))] for area in AREAS[:5]],
                 labels=("Area", *months), total=["Total", *("9,999",) * 12])
    pages = table_pages(wide, "white")
    assert len(pages) > 1 and all(p.columns[0].label == "Area" for p in pages)
    assert [c.label for p in pages for c in p.columns[1:]] == months   # each month once
    assert all(p.total is not None for p in pages)   # each slide's columns end in their total
    for page in pages:
        texts = [[c.label] + [r[i].text for r in page.rows] for i, c in enumerate(page.columns)]
        assert sum(map(tablefit.natural_width, texts)) <= tablefit.SLIDE_WIDTH, page.title
    assert [p.title[-7:] for p in pages] == [f"{n} of {len(pages)})" for n in
                                             range(1, len(pages) + 1)]
    assert "columns January, February" in table_notes(wide, pages[0])


def test_a_table_with_no_rows_is_one_slide_of_its_header():
    (page,) = table_pages(table([]), "white")
    assert page.rows == () and page.count == 1


def test_words_wrap_at_spaces_and_a_word_longer_than_the_line_takes_its_own():
    assert tablefit.wrapped_lines("one two three", 10 * 13, 10) == 1
    assert tablefit.wrapped_lines("one two three", 10 * 7, 10) == 2
    assert tablefit.wrapped_lines("a Hertfordshire b", 10 * 5, 10) == 3
    assert tablefit.wrapped_lines("", 100, 10) == 1


def test_a_month_s_deck_draws_each_slide_of_a_long_table_with_its_header_and_the_chart_once(site):
    rows = "".join(f"  - [Area {i}, {100 + i}]\n" for i in range(20))
    site.write("content/bulletins/2026-01/patrols.yaml", site.read(
        "content/bulletins/2026-01/patrols.yaml").split("rows:")[0]
        + f"rows:\n{rows}total: [Total, 2190]\nchart:\n  label: area\n  value: patrols\n")
    (deck,), problems = generate(site)
    assert problems == []
    stack = deck.stacks[2]
    tables = [s for s in stack if "deck-table" in s.html]
    assert [s.heading for s in tables] == [f"Patrols by area ({n} of 2)" for n in (1, 2)]
    assert all(s.html.count('<th scope="col"') == 2 and "<thead>" in s.html for s in tables)
    assert ["<tfoot>" in s.html for s in tables] == [False, True]
    assert [s.html.count('<th scope="row">Area') for s in tables] == [10, 10]
    assert "Continues the table Patrols by area" in tables[1].notes
    assert [s.heading for s in stack].count("Patrols by area: chart") == 1
    assert stack[-1].heading == "Patrols by area: chart"
