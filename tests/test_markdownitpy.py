"""builder.markdownitpy: markdown-it-py with the bulletin's token rules, for the texts the fast
writer declines (code fences, footnotes, setext headings, ...).

Each test renders a text through `markdownitpy.render` directly, so it holds this writer
to the rules whatever `rustmarkdown` would take; `test_rustmarkdown` compares the two.
"""
from __future__ import annotations

from builder import markdown, markdownitpy
from builder.decks import slides
from builder.tablemarks import TABLE_MARK
from builder.texts import Markdown, Origin


def _keep(url: str, source: str):
    return url, None


def written(text: str, *, flavour: markdown.Flavour = markdown.PAGE, prefix: str = "",
            line: int = 1) -> tuple[str, markdown.Context]:
    ctx = markdown.Context(Markdown(text, Origin("content/pages/a.md", line)), _keep, prefix, 0,
                           flavour)
    return markdownitpy.render(ctx), ctx


def test_blocks_get_govuk_classes_and_header_cells_a_column_scope():
    html, _ = written("Text\n\n| A | B |\n| --- | ---: |\n| x | 1 |\n\n```\ncode\n```\n")
    assert '<p class="govuk-body">Text</p>' in html
    assert '<table class="govuk-table" aria-label="Table with columns A and B">' in html
    assert '<th class="govuk-table__header govuk-table__cell--numeric" scope="col">B</th>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in html
    assert 'style=' not in html
    assert '<pre><code class="bulletin-code">code\n</code></pre>' in html


def test_a_table_is_in_its_box_after_the_new_line_a_tight_list_s_hidden_paragraph_leaves():
    html, ctx = written("- item\n  | A | B |\n  |---|---|\n  | 1 |\n")
    assert html.startswith('<ul class="govuk-list govuk-list--bullet">\n<li>item\n'
                           '<div class="bulletin-table" role="region" aria-label="Table with '
                           'columns A and B" tabindex="0">\n<table class="govuk-table" '
                           'aria-label="Table with columns A and B">\n')
    assert html.endswith("</table>\n</div>\n</li>\n</ul>\n")
    assert [(p.line, p.severity.value) for p in ctx.problems] == [(4, "warning")]


def test_a_deck_s_table_has_no_box():
    html, _ = written("| A |\n|---|\n| 1 |\n", flavour=slides.DECK)
    assert html.startswith("<table>\n") and html.endswith("</table>\n")


def test_a_deck_flavour_gets_no_house_classes_and_keeps_a_blank_line_before_html():
    html, _ = written("Text with a [link](/about/)\n", flavour=slides.DECK)
    assert 'class=' not in html
    # reveal.js reads a comment after a blank line as the list's, not its last item's
    apart, _ = written("- a\n\n<!-- .element: x -->\n", flavour=slides.DECK)
    close, _ = written("- a\n<!-- .element: x -->\n", flavour=slides.DECK)
    assert "</ul>\n\n<!--" in apart and "</ul>\n<!--" in close


def test_a_table_placeholder_paragraph_becomes_a_mark_and_is_listed():
    html, ctx = written("Before\n\n[table: arrests]\n\nAfter [table: inline] stays text\n")
    assert TABLE_MARK.format("arrests") in html
    assert ctx.tables == ["arrests"]
    assert "[table: inline]" in html


def test_a_problem_on_a_paragraph_s_third_line_names_that_line():
    text = "One\ntwo\nthree <script>x</script>\n"
    _, ctx = written(text, line=10)
    assert [problem.line for problem in ctx.problems] == [12]


def test_links_and_headings_reach_the_shared_rules_with_the_prefix():
    html, ctx = written("## Arrests\n\nSee [above](#arrests).\n", prefix="hate-crime")
    assert 'id="hate-crime-arrests"' in html
    assert ctx.headings == [("hate-crime-arrests", "Arrests")]
    assert [link.url for link in ctx.links] == ["#arrests"]


def test_a_footnote_s_back_link_is_labelled_with_its_number():
    html, _ = written("Claim.[^1]\n\n[^1]: Source.\n")
    assert 'aria-label="Back to reference 1"' in html
    assert 'class="govuk-link footnote-backref"' in html
