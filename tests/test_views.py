"""Entry views: what templates see of an entry, and what a build keeps of it."""
from __future__ import annotations

from pathlib import Path

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
