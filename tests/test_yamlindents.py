"""builder.yamlindents: a key or list item out of line, named with the column to use.

Each text is read as the build reads it (`sources.parse_yaml`, and front matter through
`sources.split_front_matter`), so the message is seen at the editor's line.
"""
from __future__ import annotations

import pytest

from builder.sources import Source, parse_yaml, split_front_matter

YAML_PATH = "content/site.yaml"


@pytest.mark.parametrize("line", ["      email: a@example.org", "     - email: a@example.org"])
def test_a_key_indented_under_the_one_above_is_named_with_the_column_to_use(line):
    """PyYAML reads it as more of the value above and said only that a value must not
    hold ': ', which sent a new user looking for a quote."""
    text = f"rag: green\ncontacts:\n  - name: Vicki Doyle\n{line}\n"
    _, problems = parse_yaml(text, YAML_PATH)
    assert [str(p) for p in problems] == [
        f"{YAML_PATH}:4:{line.index('email') + 1}: error: 'email:' is indented further than "
        "'name:' on the line above, so it reads as part of that value; start 'email:' in the "
        "same column as 'name:' (or, if this line is more of the text above, put that text in "
        "quotes)."]


@pytest.mark.parametrize("text, line, message", [
    ("abbreviations:\n  - abbr: HSP\n   expansion: Hertsmere\n", 3,
     "'expansion:' is indented 3 spaces, in line with no key of its block, so YAML cannot tell "
     "what it belongs to; indent it 4 spaces, as 'abbr:' above it is, if it goes with it."),
    ("rag: red\ncontacts:\n  - name: Sam\n    email: s@example.org\n   phone: 0\n", 5,
     "'phone:' is indented 3 spaces, in line with no key of its block, so YAML cannot tell what "
     "it belongs to; indent it 4 spaces, as 'email:' above it is, if it goes with it."),
    ("contacts:\n  - name: Sam\n summary: x\n", 3,
     "'summary:' is indented 1 space, in line with no key of its block, so YAML cannot tell what "
     "it belongs to; start it at the beginning of the line, as 'contacts:' above it does, if "
     "it goes with it."),
    ("abbreviations:\n  - abbr: HSP\n    expansion: X\n - abbr: Y\n", 4,
     "'- abbr:' is indented 1 space, in line with no key of its block, so YAML cannot tell what "
     "it belongs to; indent it 2 spaces, as the '- ' above it is, if it goes with it."),
])
def test_a_key_or_item_in_line_with_nothing_above_is_given_the_nearest_column(text, line,
                                                                            message):
    """An editor adding an abbreviation a space short was told PyYAML's "did not find
    expected '-' indicator" and to check the indentation."""
    _, problems = parse_yaml(text, YAML_PATH)
    assert [(p.line, p.message) for p in problems] == [(line, message)]


def test_a_front_matter_key_out_of_line_is_named_on_the_file_s_line():
    source = Source("content/bulletins/2026-01/hate-crime.md",
                    "---\nrag: red\ncontacts:\n  - name: Sam\n   email: s@example.org\n---\n")
    _, problems = split_front_matter(source)
    assert [(p.line, p.col) for p in problems] == [(5, 4)]
    assert problems[0].message.startswith("'email:' is indented 3 spaces")


def test_a_list_dash_without_its_space_is_named_not_the_key_below_it():
    """'-name:' reads as a key, so 'email:' under it was told to line up with '-name:'."""
    text = "rag: red\ncontacts:\n  -name: Vicki Doyle\n    email: v@example.org\n"
    _, problems = parse_yaml(text, YAML_PATH)
    assert [str(p) for p in problems] == [
        f"{YAML_PATH}:3:3: error: this '-' has no space after it, so '-name' reads as a key, "
        "not a list item; write '- name: Vicki Doyle', with a space after the '-'."]
