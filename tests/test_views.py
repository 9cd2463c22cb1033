"""Entry views: what templates see of an entry, and what a build keeps of it."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from builder.content import read_content
from builder.fragments import render_fragments
from builder.tableviews import TableView
from builder.views import Html, entry_view

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
