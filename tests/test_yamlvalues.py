"""builder.yamlvalues: a value YAML reads as something else, and the quotes it needs.

The text is read as the build reads it (`sources.parse_yaml`), to see the message
an editor sees.
"""
from __future__ import annotations

import pytest
import yaml

from builder.sources import parse_yaml
from builder.yamlvalues import in_quotes

YAML_PATH = "content/site.yaml"


@pytest.mark.parametrize("text, quoted", [
    ("Centres opened", '"Centres opened"'),
    ("It's #1", "\"It's #1\""),
    ('The "hub"', "'The \"hub\"'"),
    ('The "hub" isn\'t open', "'The \"hub\" isn''t open'"),
    ("\u201cCentres: open\u201d in May", "'\u201cCentres: open\u201d in May'"),
    ("\u201cIt's: open\u201d", "\"\u201cIt's: open\u201d\""),
])
def test_in_quotes_quotes_as_an_editor_types_it(text, quoted):
    assert in_quotes(text) == quoted
    assert yaml.safe_load(f"summary: {quoted}")["summary"] == text


@pytest.mark.parametrize("value, fixed", [
    ("\u201cUpdate: centres refreshed\u201d", '"Update: centres refreshed"'),
    ("\u2018Update: done\u2019", "'Update: done'"),
])
def test_word_s_curly_quotes_are_named_with_the_straight_ones_to_type(value, fixed):
    """Told only that a value holding ': ' must be in quotes, an editor saw that it was."""
    _, problems = parse_yaml(f"title: x\nsummary: {value}\n", YAML_PATH)
    assert [str(p) for p in problems] == [
        f"{YAML_PATH}:2:10: error: {value[0]} and {value[-1]} (curly quotes, as Word writes "
        f"them) are not quote marks in YAML; type straight ones, so the line is: summary: {fixed}"]


@pytest.mark.parametrize("text, where, advice", [
    ("summary: *New* centres opened\n", "1:10", "'*' must be in quotes; write "
                                                 "the line as: summary: \"*New* centres opened\""),
    ("summary: @police said so\n", "1:10", "'@' must be in quotes; write "
                                            "the line as: summary: \"@police said so\""),
    ("editor_notes:\n  - `check` the figures\n", "2:5", "'`' must be in quotes; write "
                                                       "the line as: - \"`check` the figures\""),
])
def test_a_value_starting_with_a_sign_yaml_keeps_is_told_to_be_quoted(text, where, advice):
    _, problems = parse_yaml(text, YAML_PATH)
    assert [str(p) for p in problems] == [
        f"{YAML_PATH}:{where}: error: a value that starts with {advice}"]


def test_a_value_holding_a_colon_is_shown_with_its_quotes():
    """Told only that it must be in quotes, an adopting council did not see where they go."""
    _, problems = parse_yaml("title: Westshire: Community Safety Bulletin: 2026\n", YAML_PATH)
    assert [str(p) for p in problems] == [
        f"{YAML_PATH}:1:17: error: the YAML here is malformed: a value that contains ': ' must be "
        "in quotes; write the line as: title: \"Westshire: Community Safety Bulletin: 2026\""]


def test_a_long_value_holding_a_colon_is_shown_by_its_start_and_end():
    _, problems = parse_yaml("summary: Patrols rose in two towns: North and South, where the "
                             "partnership put more officers on the streets.\n", YAML_PATH)
    assert [p.message for p in problems] == [
        "the YAML here is malformed: a value that contains ': ' must be in quotes; put the whole "
        "value in quotes, like this: summary: \"Patrols rose in two towns: ... the streets.\""]


@pytest.mark.parametrize("text", ["N\\A: closed", 'The "hub": open', "It's: done"])
def test_the_straight_quoted_line_given_for_curly_quotes_loads_as_the_text(text):
    """The review of session 21: each of these was given a line YAML could not load."""
    _, problems = parse_yaml(f"title: x\nsummary: \u201c{text}\u201d\n", YAML_PATH)
    line = problems[0].message.partition("so the line is: ")[2]
    assert yaml.safe_load(line) == {"summary": text}


@pytest.mark.parametrize("value, column, line", [
    ("\u201cReporting centres: reopened\u201d in two towns.", 28,
     "summary: '\u201cReporting centres: reopened\u201d in two towns.'"),
    ("\u201cOpen\u201d: and \u201cshut\u201d", 16,
     "summary: '\u201cOpen\u201d: and \u201cshut\u201d'"),
    ("\u2018Open\u2019: and \u2018shut\u2019", 16,
     "summary: \"\u2018Open\u2019: and \u2018shut\u2019\""),
    ("\u201cIt's: open\u201d, they said", 15,
     "summary: \"\u201cIt's: open\u201d, they said\""),
])
def test_curly_quotes_round_part_of_a_value_are_kept_as_its_text(value, column, line):
    """A new-user trial: made straight, the opening quote was given as the value's own and
    the closing one left in its text, so the line given published a stray \u201d."""
    _, problems = parse_yaml(f"title: x\nsummary: {value}\n", YAML_PATH)
    assert [str(p) for p in problems] == [
        f"{YAML_PATH}:2:{column}: error: the YAML here is malformed: a value that contains "
        f"': ' must be in quotes; write the line as: {line}"]
    assert yaml.safe_load(line) == {"summary": value}


def test_curly_quotes_round_a_value_with_an_apostrophe_inside_are_still_its_quotes():
    _, problems = parse_yaml("title: x\nsummary: \u2018Don\u2019t: panic\u2019\n", YAML_PATH)
    line = problems[0].message.partition("so the line is: ")[2]
    assert line == "summary: 'Don\u2019t: panic'" and yaml.safe_load(line) == {
        "summary": "Don\u2019t: panic"}


def test_a_colon_and_a_hash_are_given_both_lines_the_editor_may_mean():
    """The review of session 21: told only that it must be in quotes, with nothing to write."""
    _, problems = parse_yaml("title: Westshire: Safety #1 # the council's name\n", YAML_PATH)
    assert [p.message for p in problems] == [
        "the YAML here is malformed: a value that contains ': ' must be in quotes; write the "
        "line as: title: \"Westshire: Safety\" #1 # the council's name (or, if the '#' is part "
        "of the text, title: \"Westshire: Safety #1 # the council's name\")"]


def test_a_value_with_a_backslash_is_quoted_so_it_loads_as_written():
    """The review of session 21: "N\\A" in double quotes would not load, "C:\\new" held a
    line break."""
    for text in ("Westshire: N\\A", "C:\\new files"):
        assert yaml.safe_load(f"t: {in_quotes(text)}")["t"] == text


@pytest.mark.parametrize("text", [
    "themes:\n  - Westshire: Bulletin: 2026\n",          # text, not a key, before the ': '
    "summary: Covers\n  the month: and: more\n",          # more of the value above
])
def test_a_colon_where_the_quotes_are_not_certain_keeps_the_plain_advice(text):
    _, problems = parse_yaml(text, YAML_PATH)
    assert [p.message for p in problems] == [
        "the YAML here is malformed: a value that contains ': ' must be in quotes."]
