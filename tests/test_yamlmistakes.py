"""builder.yamlmistakes: where an editor's YAML mistake is, and what to write instead.

`explain` is asked directly with PyYAML's own error for a text; the rest read the
text as the build does (`sources.parse_yaml`, `sources.split_front_matter`), to see
the message at the editor's line, not where PyYAML noticed the mistake.
"""
from __future__ import annotations

import pytest
import yaml

from builder.sources import Source, parse_yaml, split_front_matter
from builder.yamlmistakes import explain

YAML_PATH = "content/site.yaml"
MD_PATH = "content/bulletins/2026-01/hate-crime.md"


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def source(text: str, path: str = MD_PATH) -> Source:
    return Source(path, text)


def explained(text: str):
    """`explain` of the error PyYAML raises for `text`."""
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.compose(text, Loader=yaml.SafeLoader)
    return explain(text, raised.value, yaml.SafeLoader)


def test_explain_gives_the_line_and_column_of_the_mistake_counted_from_1():
    assert explained("title: x\nsummary: 'It's fine'\n") == (
        2, 13, "this ' ends the quoted text early, as more text follows it; write \"It's fine\" "
               "(in double quotes), or 'It''s fine' (an apostrophe inside single quotes is "
               "written twice).")


def test_explain_keeps_pyyaml_s_place_in_plain_words_when_no_mistake_fits():
    assert explained("title: x\n- an item\n") == (
        2, 1, "the YAML here is malformed (expected <block end>, but found '-'); check the "
              "indentation and that text containing ': ' is in quotes.")


def test_an_unclosed_bracket_is_reported_where_it_opens_not_where_it_was_noticed():
    _, problems = parse_yaml("title: x\ntables: [drug-tests\nrag: red\n", YAML_PATH)
    assert len(problems) == 1
    assert str(problems[0]) == ("content/site.yaml:2:9: error: the YAML here is malformed: a "
                                "list that opens with '[' is not closed with ']'.")
    _, problems = parse_yaml("title: x\nrag: {a: 1\nsummary: y\n", YAML_PATH)
    assert str(problems[0]).startswith("content/site.yaml:2:6: error: the YAML here is "
                                       "malformed: a set of values that opens with '{'")


def test_malformed_yaml_with_a_tab_for_indentation_names_the_line():
    _, problems = parse_yaml("footer:\n\tcontacts: []\n", YAML_PATH)
    assert len(problems) == 1
    assert str(problems[0]).startswith("content/site.yaml:2:1: error: the YAML here is malformed")
    assert ": this line is indented with a tab; indent with spaces." in problems[0].message


def test_an_unclosed_quote_is_reported_where_it_opens_not_where_the_file_ends():
    text = 'title: Test\nsummary: "Done: all good\nrag: green\n'
    _, problems = parse_yaml(text, YAML_PATH)
    assert [str(p) for p in problems] == [
        f"{YAML_PATH}:2:10: error: this text opens a quote (\") that is never closed; end it "
        'with " on the same line.']


@pytest.mark.parametrize("text, words", [
    ("rag: [oops\nsummary: x\n", "a list that opens with '[' is not closed with ']'"),
    ("summary: Done: all good\n", "a value that contains ': ' must be in quotes"),
])
def test_common_yaml_mistakes_are_explained_in_plain_english(text, words):
    _, problems = parse_yaml(text, YAML_PATH)
    assert len(problems) == 1 and words in problems[0].message, problems


@pytest.mark.parametrize("text, line", [("contacts\n  - name: Sam\n", 1),
                                        ("rag: red\ncontacts\n  - name: Sam\n", 2),
                                        ("rag: red\ncontacts\n\n    - name: Sam\n", 2)])
def test_a_key_without_its_colon_above_its_list_is_told_to_add_it(text, line):
    """'contacts' above its list was told that a value must not hold ': ' (at the list's
    line) or to write a key, a colon and a value on its own line."""
    _, problems = parse_yaml(text, YAML_PATH)
    assert [(p.line, p.message) for p in problems] == [
        (line, "'contacts' has no ':' after it, so the lines below it are not read as its "
               "value; write 'contacts:'.")]


def test_a_colon_in_a_list_item_s_value_is_not_called_an_indented_key():
    """'- text: Note: terms ...' under 'updates:' was told 'text:' was indented too far."""
    _, problems = parse_yaml("updates:\n  - text: Note: terms of reference agreed\n", YAML_PATH)
    assert [p.message for p in problems] == [
        "the YAML here is malformed: a value that contains ': ' must be in quotes; write "
        "the line as: - text: \"Note: terms of reference agreed\""]


def test_a_key_in_the_same_column_keeps_the_quotes_advice():
    _, problems = parse_yaml("summary: Done\nnote: Done: all good\n", YAML_PATH)
    assert [p.message for p in problems] == [
        "the YAML here is malformed: a value that contains ': ' must be in quotes; write "
        "the line as: note: \"Done: all good\""]



# --- YAML: the line the editor's mistake is on, not where PyYAML noticed it ------------------

# The front matter of a theme file as shipped (content/bulletins/2026-02/community-safety-asb.md),
# to break one line of at a time: its later quote marks are what an unclosed quote runs on to.
THEME_FRONT_MATTER = """\
---
rag: not-rated
rag_note: "The RAG colour was cell shading in the original document."
contacts:
  - name: Vicki Doyle
    email: vicki.doyle@example.org
editor_notes:
  - "The export gives 'JSNA newsletter (December edition)' as plain text: no link."
---
Text
"""


def broken_theme(old: str, new: str) -> list[str]:
    assert old in THEME_FRONT_MATTER
    _, problems = split_front_matter(source(THEME_FRONT_MATTER.replace(old, new, 1)))
    return messages(problems)


NEVER_CLOSED = "this text opens a quote ({q}) that is never closed; end it with {q} on the same line."


@pytest.mark.parametrize("old, new, where, quote", [
    ('rag_note: "The RAG colour was cell shading in the original document."',
     'summary: "Covers the month', "3:10", '"'),
    ("rag: not-rated", 'rag: "red', "2:6", '"'),
    ('rag_note: "The RAG colour was cell shading in the original document."',
     "summary: 'Covers the month", "3:10", "'"),
    ("    email: vicki.doyle@example.org", '    email: "vicki.doyle@example.org', "6:12", '"'),
])
def test_a_quote_never_closed_is_reported_where_it_opens_not_at_the_next_quote_mark(
        old, new, where, quote):
    """The quote runs on to the next quote mark in the file (another value's opening one),
    and PyYAML complained at the text after that, lines below the editor's mistake."""
    assert broken_theme(old, new) == [f"{MD_PATH}:{where}: error: " + NEVER_CLOSED.format(q=quote)]


def test_text_after_the_closing_quote_of_a_two_line_value_is_not_called_an_unclosed_quote():
    _, problems = parse_yaml('summary: "Covers\n  the month" and more\n', YAML_PATH)
    assert messages(problems) == [
        f"{YAML_PATH}:2:12: error: this \" ends the quoted text, but more text follows it; put "
        "the whole value inside one pair of quotes, writing any \" inside it as \\\"."]


@pytest.mark.parametrize("written, where, advice", [
    ("summary: 'It's fine'", "3:13", "this ' ends the quoted text early, as more text follows it; "
     "write \"It's fine\" (in double quotes), or 'It''s fine' (an apostrophe inside single quotes "
     "is written twice)."),
    ('summary: "The "hub" opened"', "3:15", "this \" ends the quoted text early, as more text "
     "follows it; write 'The \"hub\" opened' (in single quotes), or \"The \\\"hub\\\" opened\" (a \" "
     "inside double quotes is written \\\")."),
    ("summary: 'Officers' patrols", "3:19", "this ' ends the quoted text, but more text follows "
     "it; put the whole value inside one pair of quotes, writing any apostrophe inside it twice "
     "('')."),
])
def test_a_quote_mark_inside_a_quoted_value_is_reported_with_how_to_write_it(written, where, advice):
    old = 'rag_note: "The RAG colour was cell shading in the original document."'
    assert broken_theme(old, written) == [f"{MD_PATH}:{where}: error: {advice}"]


@pytest.mark.parametrize("old, new, where, advice", [
    ("rag: not-rated", "rag not-rated", "2:1",
     "this line has no ':' after its key; write 'rag: not-rated'"),
    ("rag: not-rated", "rag:amber", "2:1",
     "this line has no space after its ':'; write 'rag: amber'"),
    ('rag_note: "The RAG colour was cell shading in the original document."',
     "summary Covers the month", "3:1",
     "this line has no ':' after its key; write 'summary: Covers the month'"),
    ("    email: vicki.doyle@example.org", "    email vicki.doyle@example.org", "6:5",
     "this line has no ':' after its key; write 'email: vicki.doyle@example.org'"),
    # PyYAML read the item as text into the line below, and said to quote a value with ': '
    ("  - name: Vicki Doyle", "  - name:Vicki Doyle", "5:5",
     "this line has no space after its ':'; write 'name: Vicki Doyle'"),
])
def test_a_key_without_its_colon_is_reported_on_its_line_with_the_line_to_write(
        old, new, where, advice):
    """PyYAML reads a key with no ': ' as text running into the next line's key, and
    complained there, advising quotes; the fix is on the key's own line."""
    assert broken_theme(old, new) == [
        f"{MD_PATH}:{where}: error: {advice} (a key, a colon and a space, then the value)."]


def test_a_block_s_first_key_run_into_its_value_is_told_on_its_line():
    _, problems = parse_yaml("title: Drugs\nchart:\n  label:csp\n  value: total\n", YAML_PATH)
    assert messages(problems) == [
        f"{YAML_PATH}:3:3: error: this line has no space after its ':'; write 'label: csp' (a "
        "key, a colon and a space, then the value)."]


def test_a_value_with_a_colon_in_it_is_not_taken_for_a_key_run_into_its_value():
    _, problems = parse_yaml("title: Re:Action plan\n  month: 2026-02\n", YAML_PATH)
    assert "no space after its ':'" not in messages(problems)[0]


def test_a_key_without_its_colon_shows_a_long_value_cut_short():
    _, problems = parse_yaml("rag: red\nsummary Covers the month of January, with far more "
                             "text than a message needs\n", YAML_PATH)
    assert "write 'summary: Covers the month of January, with far...' (a key" in problems[0].message


def test_wrapped_text_under_its_key_is_offered_indenting_first_and_a_colon_after():
    """An editor's trial: 'write in: two towns.' came first, making a key of a sentence."""
    text = "rag: red\nsummary: Anti-social behaviour fell in\nWelwyn this month.\ntables: []\n"
    _, problems = parse_yaml(text, YAML_PATH)
    assert messages(problems) == [
        f"{YAML_PATH}:3:1: error: this line reads as more of the text of the key above, written "
        "on a line of its own; indent it by two spaces (or join it to the line above) to keep "
        "it part of that text. If it is a key, write 'Welwyn: ...' with a colon."]


def test_a_key_of_one_word_under_wrapped_text_is_still_told_its_colon_first():
    text = "rag: red\nsummary: Anti-social behaviour fell in\nnotes yes\n"
    _, problems = parse_yaml(text, YAML_PATH)
    assert "this line has no ':' after its key; write 'notes: yes'" in messages(problems)[0]


@pytest.mark.parametrize("text, where", [
    ("summary:\n  Covers the month\n  rag: red\n", "3:6"),  # the value, or a mis-indented key?
    ("contacts:\n  - name Vicki\n    email: x\n", "3:10"),  # a list item may hold any text
])
def test_text_that_may_be_a_value_keeps_pyyaml_s_place(text, where):
    """Only a line that cannot be a value is called a key without its colon."""
    _, problems = parse_yaml(text, YAML_PATH)
    assert messages(problems) == [f"{YAML_PATH}:{where}: error: the YAML here is malformed: a "
                                  "value that contains ': ' must be in quotes."]


def test_a_tab_in_front_matter_is_reported_on_its_line():
    assert broken_theme("  - name: Vicki Doyle", "\t- name: Vicki Doyle") == [
        f"{MD_PATH}:5:1: error: the YAML here is malformed: this line is indented with a tab; "
        "indent with spaces."]
