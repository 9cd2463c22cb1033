"""builder.pasted: the characters Word and web pages paste, named as messages name them."""
from __future__ import annotations

import pytest

from builder.pasted import INVISIBLE, SPACES, named


@pytest.mark.parametrize("char, name", [
    ("\u00a0", "a non-breaking space (U+00A0)"), ("\u2009", "a thin space (U+2009)"),
    ("\u3000", "an ideographic space (U+3000)"), ("\u200b", "a zero-width space (U+200B)"),
    ("\u00ad", "a soft hyphen (U+00AD)"),
])
def test_a_pasted_character_is_named_with_its_code_point(char, name):
    assert named(char) == name


def test_only_the_no_break_spaces_are_named_non_breaking():
    """Every odd space after '##' was once told to be 'a non-breaking one'."""
    assert sorted(char for char in {**SPACES, **INVISIBLE} if "non-breaking" in named(char)) == [
        "\u00a0", "\u202f"]
