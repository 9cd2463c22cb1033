"""builder.yamlcolons: a key written without its ':', or without the space after it.

PyYAML's errors for a missing ':' are explained through `yamlmistakes.explain`, and
tested in test_yamlmistakes.py; here, the lines YAML reads without an error, as text.
"""
from __future__ import annotations

import pytest

from builder.yamlcolons import keys_run_into_values, run_together

NO_SPACE = "this line has no space after its ':'; write '{}' (a key, a colon and a space, then " \
           "the value)."


def test_each_key_run_into_its_value_is_named_at_its_line_and_column():
    assert keys_run_into_values(["rag:green", "  no_update:true", "Some words"]) == [
        (1, 1, NO_SPACE.format("rag: green")), (2, 3, NO_SPACE.format("no_update: true"))]


@pytest.mark.parametrize("line", ["https://www.hertfordshire.gov.uk/", "rag: green",
                                  "Patrols: up", "10:30", "- rag:green", "rag:", "'rag':green"])
def test_an_address_a_key_with_its_space_or_other_text_is_not_a_key_run_into_its_value(line):
    assert run_together(line) is None and keys_run_into_values([line]) == []


def test_a_value_that_is_an_address_is_given_back_whole():
    assert run_together("rag_note:https://x.org/a").groups()[:2] == ("rag_note", "https://x.org/a")
