"""Entry views: what templates see of an entry, and what a build keeps of it."""
from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment

from builder.content import read_content
from builder.fragments import render_fragments
from builder.views import Html, TableView, entry_view

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


def _views_of_last_issue():
    content, _ = read_content(FIXTURE)
    fragments = render_fragments(content)
    issue = content.issues[-1]
    return [(entry_view(e, content.theme(e.theme), issue, fragments.entry(e), None),
             fragments.entry(e)) for e in issue.entries]


def test_an_entry_view_shares_its_fragments_html_rather_than_copying_it():
    """A Markup in the view copied every entry's HTML: 73 MB kept at 10,000 entries."""
    views = dict((view.id, (view, fragment)) for view, fragment in _views_of_last_issue())
    view, fragment = views["hate-crime"]
    assert [type(p) for p in view.parts] == [Html]
    assert view.parts[0].text is fragment.html


def test_an_entry_with_a_table_keeps_its_text_and_the_table_in_reading_order():
    views = dict((view.id, view) for view, _ in _views_of_last_issue())
    parts = views["community-safety-asb"].parts
    assert [type(p) for p in parts] == [Html, TableView, Html]
    assert "Patrols" in parts[0].text and "County lines" in parts[2].text


def test_a_template_prints_an_entry_part_as_html_and_escapes_other_text():
    env = Environment(autoescape=True)
    page = env.from_string("{{ part }}|{{ text }}").render(
        part=Html('<p class="x">A &amp; "B"</p>'), text="<b>")
    assert page == '<p class="x">A &amp; "B"</p>|&lt;b&gt;'


def _entry(month: int, rag, year: int = 2026):
    from builder.model import Entry, Markdown, Month, Origin
    origin = Origin("content/bulletins/x/hate-crime.md", 1)
    return Entry("hate-crime", Month(year, month), rag, None, None, (), (), (), False,
                 Markdown("", origin), origin)


def test_a_change_names_the_month_it_is_measured_from():
    """'Not rated this month or last' was said against an issue nine months before (a
    reader's trial); and 'No change (green)' said the status again after it."""
    from builder.model import Rag
    from builder.views import change
    may = _entry(5, Rag.NOT_RATED, 2025)
    assert change(_entry(2, Rag.NOT_RATED), may).text == "Also not rated in May 2025"
    assert change(_entry(2, Rag.GREEN), _entry(1, Rag.GREEN)).text == "No change since January 2026"
    assert change(_entry(2, Rag.GREEN), _entry(1, Rag.RED)).text == \
        "Improved from red in January 2026"
    assert change(_entry(2, Rag.RED), _entry(1, Rag.AMBER)).text == \
        "Worsened from amber in January 2026"
    assert change(_entry(2, Rag.AMBER), may).text == "Not rated in May 2025, amber now"
    assert change(may, None).text == "First update in the bulletin"


def _table(columns, rows, total=None, chart=None):
    from builder.model_tables import Column, ColumnType, DataTable
    from builder.texts import Origin
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
    from builder.model_tables import Chart
    from builder.views import table_view
    rows = [["North"] + [1] * (len(columns) - 1), ["South"] + [2] * (len(columns) - 1)]
    view = table_view(_table(columns, rows, chart=Chart("district", "november", ())), "p")
    assert view.chart_svg is not None and view.chart_of == charted


def test_a_percent_column_shows_its_sign_and_one_set_of_decimal_places():
    """A 'share' column showed 36.6, 26.8, 22 and 14.6: no % and 22.0 lost its point
    (an adopting council's trial)."""
    from builder.views import table_view
    view = table_view(_table([("area", "text"), ("share", "percent")],
                             [["North", 36.6], ["South", 22.0], ["East", 14]]), "p")
    assert [row[1].text for row in view.rows] == ["36.6%", "22.0%", "14.0%"]


def test_a_number_column_keeps_the_places_it_was_written_with_in_every_row_and_the_total():
    from builder.views import table_view
    view = table_view(_table([("area", "text"), ("rate", "number"), ("count", "number")],
                             [["North", 1.25, 1200], ["South", 3, 34]], ["Total", 4.25, 1234]), "p")
    assert [[c.text for c in row[1:]] for row in view.rows] == [["1.25", "1,200"], ["3.00", "34"]]
    assert [c.text for c in view.total[1:]] == ["4.25", "1,234"]
