from __future__ import annotations

import re

import pytest

from builder.caseless import ASCII_LOOKALIKES, lowered_alike


def test_ascii_lookalikes_are_every_character_ignorecase_takes_for_an_ascii_one():
    beyond_ascii = "".join(map(chr, range(0x80, 0x110000)))
    found = set()
    for char in map(chr, range(128)):
        found.update(re.findall(re.escape(char), beyond_ascii, re.IGNORECASE))
    assert found == set(ASCII_LOOKALIKES)


@pytest.mark.parametrize("text", [
    "County Lines – caf\u00e9, \u00c9T\u00c9 \u2019OFFICIAL\u2019",
    "no words of note",
    "",
])
def test_lowered_text_finds_what_ignorecase_finds(text):
    lower = lowered_alike(text)
    assert lower == text.lower()
    for word in ("county lines", "official", "caf"):
        assert ([m.span() for m in re.finditer(re.escape(word), lower)]
                == [m.span() for m in re.finditer(re.escape(word), text, re.IGNORECASE)])


@pytest.mark.parametrize("text", [
    "OFF\u0130CIAL",        # a dotted capital I lowers to two characters
    "offic\u0131al",         # a dotless i is an i to IGNORECASE, not to lower()
    "\u017fensitive",        # so is a long s to an s
    "\u212a for Kelvin",
])
def test_text_where_lowering_would_differ_from_ignorecase_is_not_lowered(text):
    assert lowered_alike(text) is None
