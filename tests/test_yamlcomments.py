"""builder.yamlcomments: text YAML would take for a note, reported instead of lost.

An editor's trial: 'summary: Centres refreshed #StopHate' published "Centres refreshed",
and 'summary: #1 priority is centres' published no summary, without a message.
"""
from __future__ import annotations

import pytest

from builder.sources import parse_yaml

PATH = "content/bulletins/2026-03/hate-crime.md"


def said(text: str, offset: int = 1) -> list[str]:
    _, problems = parse_yaml(text, PATH, offset)
    return [str(p) for p in problems]


def test_a_hashtag_after_a_value_is_an_error_with_the_quotes_that_keep_it():
    assert said("rag: green\nsummary: Centres refreshed #StopHate\n") == [
        f"{PATH}:3:28: error: YAML reads '#' after a space as the start of a note for editors, "
        "so '#StopHate' is left out of 'summary'; put the whole text in quotes: "
        "'summary: \"Centres refreshed #StopHate\"' (or, for a note, put a space after the '#')."]


def test_a_value_starting_with_a_hash_is_an_error_saying_it_is_left_empty():
    assert said("summary: #1 priority is centres\n") == [
        f"{PATH}:2:10: error: YAML reads '#' after a space as the start of a note for editors, "
        "so 'summary' is left empty; put the whole text in quotes: "
        "'summary: \"#1 priority is centres\"' (or, for a note, put a space after the '#')."]


def test_list_items_and_nested_keys_are_read_too():
    found = said("editor_notes:\n  - check #3 again\ncontacts:\n  - name: Ann #2\n"
                 "    email: ann@minimalshire.gov.uk\n", offset=0)
    assert [line.split(": error: ")[0] for line in found] == [f"{PATH}:2:11", f"{PATH}:4:15"]
    assert "left out of this item; put the whole text in quotes: '- \"check #3 again\"'" in found[0]
    assert "left out of 'name'" in found[1]


@pytest.mark.parametrize("text", [
    "summary: fine # a note for editors\n",            # a note has a space after its '#'
    "exit_this_page: false             # true on sensitive themes\n",
    "summary: \"quoted #StopHate\"\n",
    "summary: 'quoted #StopHate'\n",
    "summary: |\n  A block of text with #StopHate: kept\n",   # a block's '#' is text
    "# a whole-line note\nsummary: x\n",
    "tables: [arrests] #x\n",
])
def test_notes_and_quoted_or_block_text_are_left_alone(text):
    assert said(text) == []
