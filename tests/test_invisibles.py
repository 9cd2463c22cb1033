"""builder.invisibles: characters pasted from Word that look like a space, a dash or nothing.

The front matter is read as the build reads a theme file (`sources.split_front_matter`),
to see the message an editor sees. Found in a new-user trial: a non-breaking space after
'rag:' was reported on the line below, as a value that must be in quotes.
"""
from __future__ import annotations

import pytest

from builder.invisibles import on_row
from builder.sources import Source, split_front_matter

MD_PATH = "content/bulletins/2026-03/hate-crime.md"
THEME = ("---\nrag: amber\nsummary: Reports rose in the county.\ncontacts:\n"
         "  - name: Vicki Doyle\n    email: vicki.doyle@example.org\n---\n\nText.\n")
SPACE_WHY = "Word puts these in; it looks like a space but YAML does not read it as one"
PASTED = "often pasted from Word or a web page"


def said(*changes: tuple[str, str]) -> list[str]:
    """The messages for the theme file with each (old, new) change made once."""
    text = THEME
    for old, new in changes:
        text = text.replace(old, new, 1)
    _, problems = split_front_matter(Source(MD_PATH, text))
    return [str(p) for p in problems]


def test_a_non_breaking_space_after_a_key_is_named_on_its_line_not_as_quotes_below():
    assert said(("rag: ", "rag:\u00a0")) == [
        f"{MD_PATH}:2:5: error: this line has a non-breaking space (U+00A0: {SPACE_WHY}) after "
        "'rag:': delete it and type an ordinary space."]


def test_non_breaking_spaces_as_a_list_item_s_indentation_are_named_on_its_line():
    assert said(("  - name", "\u00a0\u00a0- name")) == [
        f"{MD_PATH}:5:1: error: this line is indented with a non-breaking space (U+00A0: "
        f"{SPACE_WHY}): delete the indentation and indent with ordinary spaces."]


def test_word_s_dash_in_place_of_a_list_item_s_hyphen_is_named_on_its_line():
    assert said(("  - name", "  \u2013 name")) == [
        f"{MD_PATH}:5:3: error: this line starts with '\u2013' (a dash from Word): write '- ' "
        "(a hyphen and a space) to start a list item."]


def test_a_non_breaking_space_after_a_list_item_s_hyphen_is_named():
    assert said(("  - name", "  -\u00a0name")) == [
        f"{MD_PATH}:5:4: error: this line has a non-breaking space (U+00A0: {SPACE_WHY}) after "
        "'-': delete it and type an ordinary space."]


@pytest.mark.parametrize("after, fix", [("\u200b", " and type an ordinary space"),
                                        ("\u200b ", "")])
def test_an_invisible_character_after_a_key_is_named(after, fix):
    assert said(("rag: ", f"rag:{after}")) == [
        f"{MD_PATH}:2:5: error: this line has an invisible character (U+200B, a zero-width space, "
        f"{PASTED}) after 'rag:': delete it{fix}."]


def test_a_line_that_looks_empty_but_holds_a_non_breaking_space_is_named():
    assert said(("contacts:", "\u00a0\ncontacts:")) == [
        f"{MD_PATH}:4:1: error: this line looks empty but holds a non-breaking space "
        f"(U+00A0: {SPACE_WHY}): delete it."]


def test_lines_pasted_with_the_same_mistake_are_all_named_at_once():
    """Fixing 'rag:' alone gets PyYAML no further: 'summary:' still runs into 'contacts:'."""
    assert said(("rag: ", "rag:\u00a0"), ("summary: ", "summary:\u00a0"),
                ("  - name", "\u00a0\u00a0- name")) == [
        f"{MD_PATH}:2:5: error: this line has a non-breaking space (U+00A0: {SPACE_WHY}) "
        "after 'rag:': delete it and type an ordinary space.",
        f"{MD_PATH}:3:9: error: this line has a non-breaking space (U+00A0: {SPACE_WHY}) "
        "after 'summary:': delete it and type an ordinary space.",
        f"{MD_PATH}:5:1: error: this line is indented with a non-breaking space (U+00A0: "
        f"{SPACE_WHY}): delete the indentation and indent with ordinary spaces."]


@pytest.mark.parametrize("summary", ["Reports rose\u00a0in the county.",
                                     "Opening time:\u00a010am, as before.",
                                     "Reports rose\u200b in the county \u2013 mostly in towns."])
def test_such_characters_inside_a_value_s_text_are_text_and_say_nothing(summary):
    doc, problems = split_front_matter(Source(MD_PATH, THEME.replace(
        "Reports rose in the county.", summary)))
    assert problems == [] and doc.meta.data["summary"] == summary


def test_a_block_of_text_whose_lines_start_with_them_is_not_blamed_for_another_mistake():
    text = THEME.replace("summary: Reports rose in the county.\n",
                         "summary: >\n  Reports rose:\n  \u00a0\u2013 in towns\n  \u2013 in "
                         "villages\nrag_note: [not closed\n")
    _, problems = split_front_matter(Source(MD_PATH, text))
    assert [str(p) for p in problems] == [
        f"{MD_PATH}:7:11: error: the YAML here is malformed: a list that opens with '[' is not "
        "closed with ']'."]


@pytest.mark.parametrize("row, meant", [
    ("rag:\u00a0amber", "rag: amber"),
    ("rag:\u200bamber", "rag: amber"),
    ("rag:\u200b amber", "rag: amber"),
    ("\u00a0\u00a0- name: X", "  - name: X"),
    ("  \u2013 name: X", "  - name: X"),
    ("  \u2013\u00a0name: X", "  - name: X"),
    ("  \u2013name: X", "  - name: X"),
    ("  -\u00a0name: X", "  - name: X"),
    ("  - name:\u00a0X", "  - name: X"),
    ("\u200b- name: X", "- name: X"),
])
def test_the_line_as_meant_is_the_line_with_the_character_put_right(row, meant):
    """What the check reads again to be sure the character is the mistake, and so what
    the message tells the editor to write."""
    assert on_row(row).fixed == meant and on_row(meant) is None


@pytest.mark.parametrize("row", ["summary: Time:\u00a0noon", "  - Reports\u00a0rose",
                                 "rag: amber\u200b", "note: a \u2013 b"])
def test_a_character_inside_a_value_is_not_taken_for_the_line_s_shape(row):
    assert on_row(row) is None


def test_every_space_pasted_names_is_found_after_a_key_not_only_the_first_few():
    """A four-per-em space after 'rag:' was told its value must be in quotes: the YAML
    reader's list of spaces was shorter than the marking scan's."""
    assert said(("rag: ", "rag:\u2005")) == [
        f"{MD_PATH}:2:5: error: this line has a four-per-em space (U+2005: {SPACE_WHY}) after "
        "'rag:': delete it and type an ordinary space."]
