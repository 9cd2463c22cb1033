"""builder.textmistakes: Markdown CommonMark shows as written, reported with its place.

From an editor's trial: a link or image with a space in its address, and Outlook's
'<o:p></o:p>' pasted in a paragraph, were published as text with no message; from a
new user's, '##Heading', Word's bullets, '-item' and a '#' heading in a theme's text
(builder.linemarks).
"""
from __future__ import annotations

import pytest

from builder.markdown import render
from builder.texts import Markdown, Origin
from content_support import HATE

PATH = "content/bulletins/2026-03/hate-crime.md"


def said(text: str, heading_shift: int = 0) -> list[str]:
    """heading_shift=1: as a theme's text is rendered, under the theme's title."""
    fragment = render(Markdown(text, Origin(PATH, 5)), lambda url, source: (url, None),
                      heading_shift=heading_shift)
    return [str(p) for p in fragment.problems]


def said_in_a_theme(text: str) -> list[str]:
    return said(text, heading_shift=1)


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
    assert _but_indented_code(said(text)) == []


def test_a_heading_with_no_space_after_its_hashes_is_an_error_giving_the_heading_to_write():
    """A new user's trial: '##Schools training' was published as a paragraph of text."""
    assert said_in_a_theme("Intro.\n\n##Schools training\n\nTwelve schools.\n") == [
        f"{PATH}:7:1: error: '##Schools training' is shown as text, not a heading: put a "
        "space after the hashes: '## Schools training'."]


def test_a_heading_pasted_with_word_s_non_breaking_space_is_told_to_type_a_space():
    assert said_in_a_theme("  ###\u00a0Schools training\n") == [
        f"{PATH}:5:3: error: '###\u00a0Schools training' is shown as text, not a heading: the "
        "space after its hashes is a non-breaking space (U+00A0), which Markdown does not "
        "count as a space; type an ordinary space in its place: '### Schools training'."]


def test_a_narrow_non_breaking_space_after_the_hashes_is_named_as_word_s_space_is():
    """'##' and a narrow one was told to put a space after its hashes, and given a
    heading with the odd space still in it; a bullet and one was not found at all."""
    assert said_in_a_theme("##\u202fSchools training\n")[0].endswith(
        "type an ordinary space in its place: '## Schools training'.")
    assert "Word's bullet" in said_in_a_theme("•\u202fSchools trained: 12\n")[0]
    # every space pasted.SPACES names, not one list's few (a four-per-em space was missed)
    assert said_in_a_theme("##\u2005Schools training\n")[0].endswith(
        "type an ordinary space in its place: '## Schools training'.")


@pytest.mark.parametrize("space, named", [
    ("\u2009", "a thin space (U+2009)"), ("\u2002", "an en space (U+2002)"),
    ("\u3000", "an ideographic space (U+3000)"), ("\u202f", "a narrow non-breaking space (U+202F)"),
])
def test_an_odd_space_after_the_hashes_is_named_as_the_space_it_is(space, named):
    """Every space pasted.SPACES holds was called 'a non-breaking one, as Word pastes it',
    which only U+00A0 is: an editor looking for a non-breaking space found none."""
    assert said_in_a_theme(f"##{space}Schools training\n") == [
        f"{PATH}:5:1: error: '##{space}Schools training' is shown as text, not a heading: the "
        f"space after its hashes is {named}, which Markdown does not count as a space; type an "
        "ordinary space in its place: '## Schools training'."]


@pytest.mark.parametrize("after, fix", [
    ("\u200bSchools", "there is an invisible character, a zero-width space (U+200B), after its "
                      "hashes; delete it and type an ordinary space"),
    ("\u00ad Schools", "there is an invisible character, a soft hyphen (U+00AD), after its "
                       "hashes; delete it"),
])
def test_an_invisible_character_after_the_hashes_is_named_and_left_out_of_the_line_to_write(
        after, fix):
    """'##' and a zero-width space was told to put a space after the hashes, which looked
    done, and given a line to write with the invisible character still in it."""
    assert said_in_a_theme(f"##{after}\n") == [
        f"{PATH}:5:1: error: '##{after}' is shown as text, not a heading: {fix}: '## Schools'."]


@pytest.mark.parametrize("after, which", [
    ("\u200b\u00a0", "a zero-width space (U+200B) and a non-breaking space (U+00A0),"),
    ("\u00a0\u00a0", "2 characters, each a non-breaking space (U+00A0),"),
])
def test_several_characters_after_the_hashes_are_each_named_once(after, which):
    assert said_in_a_theme(f"##{after}Schools\n")[0].endswith(
        f"not a heading: after its hashes are {which} which Markdown does not count as spaces; "
        "delete them and type an ordinary space: '## Schools'.")


def test_one_hash_and_an_invisible_character_is_left_alone_as_a_hashtag_kept_from_linking():
    assert said("#\u200bStopHate\n") == []


def test_a_theme_line_starting_with_a_hashtag_asks_for_no_parse_of_the_text(monkeypatch):
    """A review: '#StopHate' was taken for a level-one heading to look at, and every such
    entry was parsed again by markdown-it (147 us, against 4)."""
    from builder import linemarks

    def refuse(text):
        raise AssertionError("parsed")
    monkeypatch.setattr(linemarks._Read, "parse", staticmethod(refuse))
    doc = Markdown("#StopHate week ran in March.\n", Origin(PATH, 4))
    assert linemarks.misread_marks(doc, level_one_taken=True) == []


@pytest.mark.parametrize("bullet", ["◦", "➢"])
def test_word_s_hollow_and_arrow_bullets_are_named_as_the_readme_lists_them(bullet):
    assert f"starts with '{bullet}', Word's bullet" in said_in_a_theme(
        f"{bullet}\tSchools trained: 12\n")[0]


def test_one_hash_and_a_non_breaking_space_in_a_theme_is_given_a_sub_item_s_two_hashes():
    """'# ' with an ordinary space would be level with the theme's title: the fix given
    is the one to write, not one the next check warns of."""
    assert said_in_a_theme("#\u00a0Schools\n")[0].endswith(
        "type an ordinary space in its place, with a second hash for a heading under the "
        "theme's title: '## Schools'.")
    assert said("#\u00a0Schools\n")[0].endswith("in its place: '# Schools'.")


def test_word_s_bullets_on_lines_together_are_one_warning_giving_the_list_item_to_write():
    """A new user's trial: pasted from Word, the items ran together as one paragraph."""
    assert said_in_a_theme("Results:\n\n\u2022\tSchools trained: 12\n\u2022\tOfficers: 4\n") == [
        f"{PATH}:7:1: warning: this line starts with '\u2022', Word's bullet, so it and the next "
        "lines run together as one paragraph; start each item with '- ' (a hyphen and a "
        "space) in place of the bullet: '- Schools trained: 12'."]


def test_word_s_second_level_o_is_named_only_under_a_first_level_bullet():
    [found] = said("\u00b7  Schools\no\tPrimary\no\tSecondary\n")
    assert found.endswith("in place of the bullet, and each 'o' item under one with two "
                          "spaces and '- ': '- Schools'.")
    assert said("o\tPrimary\no\tSecondary\n") == []   # might be meant: no bullet of Word's


def test_a_word_bullet_alone_or_after_a_line_of_text_is_named_as_no_list_item():
    assert said("\u25aa Schools trained\n") == [
        f"{PATH}:5:1: warning: this line starts with '\u25aa', Word's bullet, so the page shows "
        "it as a paragraph, not a list item; start it with '- ' (a hyphen and a space) in "
        "place of the bullet: '- Schools trained'."]
    assert "it runs together with the lines around it as one paragraph; start each item" in \
        said("Results:\n\u2022 Schools\n\u2022 Officers\n")[0]


def test_a_hyphen_with_no_space_among_list_items_is_a_warning_giving_the_item_to_write():
    """Beside a list item the line plainly meant one; '-two' after one joins its text."""
    assert said("- one\n-two\n- three\n") == [
        f"{PATH}:6:1: warning: '-two' is run into the line above it, not a list item of its "
        "own: put a space after the hyphen: '- two'."]
    assert said("-one\n- two\n") == [
        f"{PATH}:5:1: warning: '-one' is shown as text, not a list item: put a space after the "
        "hyphen: '- one'."]


def test_hyphens_with_no_space_on_lines_together_are_each_named():
    assert [m.split(": ")[0] for m in said("Done:\n\n-one\n-two\n")] == [
        f"{PATH}:7:1", f"{PATH}:8:1"]


def test_a_level_one_heading_in_a_theme_s_text_is_a_warning_giving_two_hashes():
    """A '#' heading is shown level with the theme's own title (both h2): a screen reader
    lists it beside the theme (WCAG 1.3.1)."""
    assert said_in_a_theme("Intro.\n\n# Schools training\n") == [
        f"{PATH}:7:1: warning: '# Schools training' is a level-1 heading, the same level as "
        "the theme's own title, so a screen reader lists it beside the theme, not under it; "
        "give it two hashes: '## Schools training'."]
    assert said_in_a_theme("Schools training\n===\n") == [
        f"{PATH}:5:1: warning: 'Schools training', underlined with '=', is a level-1 heading, "
        "the same level as the theme's own title, so a screen reader lists it beside the "
        "theme, not under it; write it on one line with two hashes, and delete the line of "
        "'=': '## Schools training'."]


def test_a_level_one_heading_where_no_title_stands_above_is_left_alone():
    """A page's or a deck's text is not shifted under a title: its '#' is its own."""
    assert said("# Schools training\n\nText.\n") == said("Title\n===\n") == []


@pytest.mark.parametrize("text", [
    "## Schools training\n", "##\n", "#######Divider\n",
    "#StopHate week starts today.\n",           # one hash and a word: a hashtag
    "`##Schools` and\n`-two`\n", "Text `code\n##Schools` end\n",
    "```\n##Schools\n\u2022\tA\n- one\n-two\n```\n",
    "<!--\n##Schools\n\u2022\tA\n-->\n", "Text <!-- a note\n##Schools -->\n",
    "| a | b |\n| --- | --- |\n|##Schools| \u2022 A |\n",
    "Text.\n\n    \u2022\tindented code\n",
    "A community\n-based approach.\n",     # a wrapped word's end, beside no list item
    "- one\n\n-Sam\n",                      # a blank line between
    "-1 degrees overnight\n- two\n", "--more\n- two\n", "---\ntext\n", "- two\n",
    "\u00a7 12 of the Act applies.\n",        # not taken for Word's third-level bullet
    "Price \u00b7 quality\n", "\u2022Schools\n",
    "> ##Schools\n",                         # in a block quote: passed by
])
def test_line_starts_read_as_meant_or_in_code_or_comments_are_left_alone(text):
    assert _but_indented_code(said_in_a_theme(text)) == []


def _but_indented_code(messages: list[str]) -> list[str]:
    """The messages but the warning an indented block has of its own (test_markdown.py)."""
    return [m for m in messages if "starts with four spaces or a tab" not in m]


def test_a_theme_file_s_pasted_heading_is_named_by_the_build_with_its_file_line(site, capsys):
    site.write(HATE, "---\nrag: green\n---\n##Reporting\n\n# Centres\n\nThird-party.\n")
    run = site.build(capsys=capsys)
    assert run.code == 1 and f"{HATE}:4:1: error: '##Reporting' is shown as text" in run.err
    assert f"{HATE}:6:1: warning: '# Centres' is a level-1 heading" in run.err
