"""builder.treewriter: writing markdown-it-pyrs's tree as markdown-it-py writes its tokens.

Here the writer is given trees directly, to test what it writes, notes and refuses;
that it writes markdown-it-py's bytes for every kind of text is held by
test_rustmarkdown.py, which renders texts both ways.
"""
from __future__ import annotations

from array import array

import pytest

from builder import markdown
from builder.tablemarks import TABLE_MARK
from builder.texts import Markdown, Origin
from builder.treenodes import Unsure
from builder.treewriter import OUTLINED_H3, OUTLINED_LI, OUTLINED_P, TreeWriter

pyrs = pytest.importorskip("markdown_it_pyrs")
PARSER = pyrs.MarkdownIt("commonmark").enable("table")
PATH = "content/pages/a.md"


def _resolve(url: str, source: str):
    return (None, "there is no such file") if url.startswith("missing") else (url, None)


def writer(text: str, as_cleaned: bool = False) -> TreeWriter:
    ctx = markdown.Context(Markdown(text, Origin(PATH, 5)), _resolve, "", 0, markdown.PAGE)
    return TreeWriter(ctx, text, as_cleaned)


def written(text: str, as_cleaned: bool = False) -> tuple[str, TreeWriter]:
    w = writer(text, as_cleaned)
    return w.document(PARSER.tree(text)), w


def test_a_text_is_written_with_the_house_classes_and_its_headings_ids():
    html, w = written("## Patrols\n\nText *em* and a  \nbreak.\n")
    assert html == ('<h2 id="patrols" class="govuk-heading-l">Patrols</h2>\n<p class="govuk-body">'
                    "Text <em>em</em> and a<br />\nbreak.</p>\n")
    assert w.ctx.headings == [("patrols", "Patrols")] and w.plain


def test_written_as_cleaned_a_break_is_written_as_cleaning_writes_it():
    html, _ = written("a  \nbreak\n", as_cleaned=True)
    assert html == '<p class="govuk-body">a<br>\nbreak</p>\n'


def test_the_outline_finds_each_top_level_h3_and_paragraph_and_every_list_item():
    html, w = written("### A\n\nText\n\n- one\n- two\n\n> Quoted\n", as_cleaned=True)
    numbers = array("I", w.outline)
    found = [(numbers[n], html[numbers[n + 1]:numbers[n + 4]], html[numbers[n + 2]:numbers[n + 3]])
             for n in range(0, len(numbers), 5)]
    assert found == [(OUTLINED_H3, '<h3 id="a" class="govuk-heading-m">A</h3>', "A"),
                     (OUTLINED_P, '<p class="govuk-body">Text</p>', "Text"),
                     (OUTLINED_LI, "<li>one</li>", "one"), (OUTLINED_LI, "<li>two</li>", "two")]


@pytest.mark.parametrize("text, as_cleaned", [("Text\n", False), ("A <b>raw</b> bit\n", True)])
def test_there_is_no_outline_unless_written_as_cleaned_and_cleaning_would_change_nothing(
        text, as_cleaned):
    _, w = written(text, as_cleaned)
    assert w.outline is None


@pytest.mark.parametrize("text", ["A <b>raw</b> bit\n", "<div>\nBlock\n</div>\n", "[a](x:y)\n"])
def test_raw_html_or_an_address_cleaning_may_drop_makes_the_text_not_plain(text):
    assert not written(text)[1].plain


def test_a_table_placeholder_is_written_as_its_mark_and_noted():
    html, w = written("Intro.\n\n[table: patrols]\n")
    assert html.endswith(f'<p class="govuk-body">{TABLE_MARK.format("patrols")}</p>\n')
    assert w.ctx.tables == ["patrols"]


def test_a_table_is_written_in_its_box_as_cleaned_and_the_outline_steps_over_it():
    html, w = written("Intro\n\n| A & B |\n|---|\n| 1 |\n\nAfter\n", as_cleaned=True)
    assert html == ('<p class="govuk-body">Intro</p>\n<div class="bulletin-table" role="region" '
                    'aria-label="Table with columns A &amp; B" tabindex="0">\n'
                    '<table class="govuk-table" aria-label="Table with columns A &amp; B">\n'
                    '<thead class="govuk-table__head">\n'
                    '<tr class="govuk-table__row">\n<th class="govuk-table__header" scope="col">'
                    'A &amp; B</th>\n</tr>\n</thead>\n<tbody class="govuk-table__body">\n'
                    '<tr class="govuk-table__row">\n<td class="govuk-table__cell">1</td>\n</tr>\n'
                    '</tbody>\n</table>\n</div>\n<p class="govuk-body">After</p>\n')
    numbers = array("I", w.outline)
    assert [html[numbers[n + 1]:numbers[n + 4]] for n in range(0, len(numbers), 5)] == [
        '<p class="govuk-body">Intro</p>', '<p class="govuk-body">After</p>']


def test_a_short_row_is_reported_at_its_line_and_written_filled_out():
    html, w = written("| A | B |\n|---|---|\n| 1 |\n")
    assert html.count('<td class="govuk-table__cell"></td>') == 1
    assert [(p.line, p.severity.value) for p in w.ctx.problems] == [(7, "warning")]


def test_a_problem_in_a_paragraph_is_on_the_line_of_the_text_it_is_in():
    _, w = written("Intro\n\nSee\nthe [x](missing.md) and\n[y](missing-too.md).\n")
    assert [(p.path, p.line, p.message) for p in w.ctx.problems] == [
        (PATH, 8, "there is no such file"), (PATH, 9, "there is no such file")]


@pytest.mark.parametrize("text, why", [
    ("    indented code\n", "code_block"),
    ("# Title #\n", "a heading markdown-it-py reads otherwise"),
    ("See [table: patrols] here.\n", "a placeholder among other text"),
    ("[a](/caf%C3%A9)\n", "an address markdown-it-py may normalise otherwise"),
])
def test_what_markdown_it_py_might_write_otherwise_is_refused(text, why):
    with pytest.raises(Unsure, match=why):
        written(text)


def test_line_at_counts_the_lines_before_a_place_and_refuses_one_outside_the_text():
    w = writer("one\ntwo\nthree\n")
    assert [w.line_at(offset) for offset in (0, 3, 4, 8, 14)] == [0, 0, 1, 2, 3]
    with pytest.raises(Unsure):
        w.line_at(15)
