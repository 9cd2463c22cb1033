"""builder.textmistakes: Markdown CommonMark shows as written, reported with its place.

From an editor's trial: a link or image with a space in its address, and Outlook's
'<o:p></o:p>' pasted in a paragraph, were published as text with no message.
"""
from __future__ import annotations

import pytest

from builder.markdown import render
from builder.texts import Markdown, Origin

PATH = "content/bulletins/2026-03/hate-crime.md"


def said(text: str) -> list[str]:
    fragment = render(Markdown(text, Origin(PATH, 5)), lambda url, source: (url, None))
    return [str(p) for p in fragment.problems]


def test_an_image_with_a_space_in_its_file_name_is_named_with_a_name_to_use():
    assert said("The area:\n\n![Map of the area](../../images/trpc map.png)\n") == [
        f"{PATH}:7:1: error: this image is shown as text, brackets and all, because its address "
        "'../../images/trpc map.png' has a space in it; rename the file without spaces (with "
        "hyphens, like ../../images/trpc-map.png) and write its new name here."]


def test_a_heading_link_written_with_the_heading_s_words_is_given_its_address():
    assert said("See the [drug testing update](drugs-alcohol-criminal-justice.md#Drug Testing "
                "on Arrest).\n") == [
        f"{PATH}:5:9: error: this link is shown as text, brackets and all, because its address "
        "'drugs-alcohol-criminal-justice.md#Drug Testing on Arrest' has a space in it; a "
        "heading's address is its words in lower case joined by hyphens: write "
        "(drugs-alcohol-criminal-justice.md#drug-testing-on-arrest)."]


def test_a_web_address_with_a_space_is_told_to_write_it_as_percent_20():
    assert said("[Report](https://example.org/annual report.pdf)\n")[0].endswith(
        "write each space as %20: (https://example.org/annual%20report.pdf).")


def test_outlook_s_tags_in_a_paragraph_are_one_error_a_line():
    assert said("Training resumed in five schools.<o:p></o:p>\n") == [
        f"{PATH}:5:34: error: '<o:p>' is a tag Word or Outlook adds to text pasted from them, "
        "and the page would show it as text; delete it, and any others like it on this line."]


def test_outlook_s_tag_in_an_html_block_is_named_once_by_the_html_check():
    found = said('<p class="MsoNormal">Hi<o:p></o:p></p>\n')
    assert len(found) == 1 and "the HTML tag <o:p> is not allowed" in found[0]


def test_a_table_whose_row_of_dashes_is_short_is_shown_as_text_and_named_with_its_line():
    """From the review of session 20: such a table was published as one paragraph."""
    assert said("Figures:\n\n| Strand | Jan | Feb |\n| --- | --- |\n| Race | 1 | 2 |\n") == [
        f"{PATH}:7:1: error: this table's header row has 3 cells but the row of dashes under "
        "it has 2, so the page shows the table as a paragraph of text, pipes and all; give "
        "the row of dashes one cell for each heading: | --- | --- | --- |"]


def test_a_table_in_a_block_quote_with_a_long_row_of_dashes_is_reported_too():
    [found] = said("> | Strand | Crimes |\n> |---|---|---|\n")
    assert found.startswith(f"{PATH}:5:1: error: this table's header row has 2 cells but "
                            "the row of dashes under it has 3")


@pytest.mark.parametrize("text", ["> | Strand | Jan | Feb |\n> |---|:---:|\n",
                                  "- | Strand | Jan |\n  | --- |\n",
                                  "| Strand | Jan |\n| --- | ---: | --- |\n"])
def test_the_row_of_dashes_given_makes_the_table_pasted_over_the_one_written(text):
    """The review of session 21: given without a quote's marks or a list's indent, the row
    pasted in made a paragraph of pipes, with no word said; alignment colons were lost."""
    [found] = said(text)
    lines = text.split("\n")
    lines[1] = found.partition("one cell for each heading: ")[2]
    fixed = render(Markdown("\n".join(lines), Origin(PATH, 5)), lambda url, source: (url, None))
    assert "<table" in fixed.html and not fixed.problems, lines


def test_a_table_s_own_row_of_dashes_under_a_short_row_is_no_header_s():
    found = said("| a | b | c |\n| --- | --- | --- |\n| x | y |\n| - | - |\n")
    assert found and not [m for m in found if "row of dashes" in m], found   # short rows only


def test_a_short_row_of_dashes_in_a_list_item_or_with_windows_line_ends_is_reported():
    assert said("- | Strand | Crimes |\n  |---|\n")[0].startswith(
        f"{PATH}:5:1: error: this table's header row has 2 cells but the row of dashes "
        "under it has 1")
    assert said("Text\r\n| Strand | Crimes |\r\n| --- |\r\n")[0].startswith(
        f"{PATH}:6:1: error: this table's header row has 2 cells")


@pytest.mark.parametrize("text", [
    '[A report](https://example.org/a.pdf "Annual report")\n',   # a title, not a space
    "[A file](<../../images/a map.png>)\n",                       # the CommonMark way
    "`[a](b c)` and `<o:p>` in code\n",
    "```\n[a](b c)\n<o:p>\n```\n",
    "At 10:30, see [the plan](../../plans/)\n",
    "| Strand | Crimes |\n| --- | ---: |\n| Race | 12 |\n",
    "| Strand \\| type | Crimes |\n| --- | --- |\n",   # an escaped pipe is the cell's text
    "```\n| a | b |\n| --- |\n```\n",
    "Crimes | rose\n---\n",            # a heading, as '---' under a line makes one
    # a row of dashes that is no paragraph's (the review of session 21):
    "- | Strand | Crimes |\n  |---|---|\n  | Race | 4 |\n",   # a table in a list item
    "<!--\n| a | b |\n| --- |\n-->\n",
    "Text.\n\n    | a | b |\n    | --- |\n",                 # indented code
    "````\n```\n| a | b |\n| --- |\n````\n",               # a fence holding a fence
])
def test_what_commonmark_reads_as_meant_or_code_is_left_alone(text):
    assert said(text) == []
