"""builder.markdowntables: a Markdown table on a page in its scroll box, named for screen
readers.

Each text is rendered by both writers (`builder.rustmarkdown` where it takes the text,
and markdown-it-py alone): they must box and name alike; test_rustmarkdown.py
holds their bytes together on many more texts.
"""
from __future__ import annotations

import pytest

from builder import markdown, markdownitpy, markdowntables, rustmarkdown
from builder.decks import slides
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
    results = both("## Hate crime by strand\n\nFigures.\n\n" + WIDE + "| Race | 1 | 2 | 3 | 4 | 5 |\n")
    assert len(results) == 2, "the fast writer took the text"
    html, problems = results[0]
    assert ('<p class="govuk-body">Figures.</p>\n<div class="bulletin-table" role="region" '
            'aria-label="Table under Hate crime by strand" tabindex="0">\n'
            '<table class="govuk-table">\n') in html
    assert html.endswith("</table>\n</div>\n") and problems == []


def test_the_heading_s_marks_are_not_in_the_name_and_a_second_table_under_it_is_numbered():
    text = ("### Reports *by* `strand` &amp; [area](x.md)\n\n| A |\n|---|\n| 1 |\n\n"
            "| B |\n|---|\n| 2 |\n\n## Next\n\n| C |\n|---|\n| 3 |\n")
    html = both(text)[0][0]
    assert [part.split('"')[0] for part in html.split('aria-label="')[1:]] == [
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
